import { argmaxRows } from '../core/argmax-rows';
import { MlError } from '../core/errors';
import { Matrix } from '../core/matrix';
import type { Tabular } from '../core/roles';
import { BaseVoting } from './base-voting';

/**
 * Soft voting (scikit-learn's `VotingClassifier(voting='soft')`): the weighted mean of the members' class
 * probabilities. Every member is fitted on the same target, so their `classes_` agree.
 */
export class VotingClassifier extends BaseVoting {
  static override readonly kind: string = 'VotingClassifier';

  get classes_(): string[] {
    const first = this.members()[0];
    return first.classes_ as string[];
  }

  protected override afterFit(): void {
    const classes = this.members().map((m) => JSON.stringify(m.classes_));
    if (new Set(classes).size > 1) {
      throw new MlError(
        'SHAPE_MISMATCH',
        'The members of a VotingClassifier learned different classes; fit them on the same target.',
      );
    }
  }

  predictProba(X: Tabular): Matrix {
    const members = this.members();
    const weights = this.normalisedWeights();
    let out: Matrix | null = null;
    members.forEach((member, k) => {
      if (member.predictProba === undefined) {
        throw new MlError(
          'UNSUPPORTED_OPERATION',
          `Member ${k} (${member.kind}) has no predictProba; soft voting needs it.`,
        );
      }
      const proba = member.predictProba(X);
      if (out === null) out = new Matrix(proba.nRows, proba.nCols);
      const data = (out as Matrix).data;
      for (let i = 0; i < data.length; i++) data[i] += weights[k] * proba.data[i];
    });
    return out as unknown as Matrix;
  }

  predict(X: Tabular): Int32Array {
    return argmaxRows(this.predictProba(X));
  }
}
