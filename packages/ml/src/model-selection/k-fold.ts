import { MlError } from '../core/errors';
import { type ParamConstraints, validateParams } from '../core/params';
import { Rng } from '../core/rng';
import { type Fold, foldsFromAssignment } from './fold';

export interface KFoldOptions {
  nSplits: number;
  shuffle: boolean;
  /** Used only when `shuffle` is true. */
  randomState: number;
}

export const K_FOLD_CONSTRAINTS: ParamConstraints = {
  nSplits: [{ type: 'int', min: 2, max: Number.POSITIVE_INFINITY, closed: 'left' }],
  shuffle: [{ type: 'boolean' }],
  randomState: [{ type: 'int', min: 0, max: 4294967295 }],
};

/**
 * K consecutive folds (scikit-learn's `KFold`): the first n mod k folds get one extra row. With `shuffle`, rows are
 * permuted by the seeded RNG first.
 */
export class KFold {
  readonly options: KFoldOptions;

  constructor(options: Partial<KFoldOptions> = {}) {
    this.options = { nSplits: 5, shuffle: false, randomState: 0, ...options };
  }

  split(nRows: number, _y?: unknown): Fold[] {
    validateParams('KFold', this.options, K_FOLD_CONSTRAINTS);
    const { nSplits, shuffle, randomState } = this.options;
    if (nRows < nSplits) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `KFold cannot make ${nSplits} folds of ${nRows} rows. Lower nSplits or add rows.`,
      );
    }
    const order = Int32Array.from({ length: nRows }, (_, i) => i);
    if (shuffle) new Rng(randomState).shuffle(order);
    const testFold = new Int32Array(nRows);
    let position = 0;
    for (let k = 0; k < nSplits; k++) {
      const size = Math.floor(nRows / nSplits) + (k < nRows % nSplits ? 1 : 0);
      for (let r = 0; r < size; r++) testFold[order[position++]] = k;
    }
    return foldsFromAssignment(testFold, nSplits);
  }
}
