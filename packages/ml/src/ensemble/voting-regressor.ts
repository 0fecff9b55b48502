import type { Tabular } from '../core/roles';
import { BaseVoting } from './base-voting';

/** The weighted mean of the members' predictions (scikit-learn's `VotingRegressor`). */
export class VotingRegressor extends BaseVoting {
  static override readonly kind: string = 'VotingRegressor';

  predict(X: Tabular): Float64Array {
    const weights = this.normalisedWeights();
    let out: Float64Array | null = null;
    this.members().forEach((member, k) => {
      const prediction = member.predict(X) as Float64Array;
      out ??= new Float64Array(prediction.length);
      for (let i = 0; i < prediction.length; i++) out[i] += weights[k] * prediction[i];
    });
    return out as unknown as Float64Array;
  }
}
