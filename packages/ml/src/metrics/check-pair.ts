import { MlError } from '../core/errors';

/** Checks that a metric got two equally long, non-empty inputs. */
export function checkPair(name: string, nTrue: number, nPred: number): void {
  if (nTrue !== nPred) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `${name} got ${nTrue} true values and ${nPred} predictions. Pass one prediction per row.`,
    );
  }
  if (nTrue === 0) throw new MlError('EMPTY_DATA', `${name} got no rows. Score at least one row.`);
}
