import type { EstimatorType } from '../core/estimator';
import type { FitOptions } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Regressor } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkRegressionTarget } from '../core/validation';
import {
  BaseKNeighbors,
  K_NEIGHBORS_CONSTRAINTS,
  K_NEIGHBORS_DEFAULTS,
  K_NEIGHBORS_STATE,
  type KNeighborsParams,
} from './base-k-neighbors';

export type KNeighborsRegressorParams = KNeighborsParams;

/**
 * k-nearest-neighbours regression (scikit-learn's `KNeighborsRegressor`, brute force): the (weighted) mean target
 * of the `nNeighbors` nearest training rows. Scale the features first: distances mix units.
 */
export class KNeighborsRegressor extends BaseKNeighbors<KNeighborsRegressorParams> implements Regressor {
  static override readonly kind: string = 'KNeighborsRegressor';
  static override readonly paramConstraints: ParamConstraints = K_NEIGHBORS_CONSTRAINTS;
  static override readonly stateSchema: StateSchema = { ...K_NEIGHBORS_STATE, fitY_: 'float64' };

  /** The target of every stored training row. */
  declare fitY_: Float64Array;

  constructor(params: Partial<KNeighborsRegressorParams> = {}) {
    super(K_NEIGHBORS_DEFAULTS, params);
  }

  override get estimatorType(): EstimatorType {
    return 'regressor';
  }

  protected override get nTargets(): number {
    return this.fitY_.length;
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    const matrix = this.checkTrainingRows(X, options);
    const target = checkRegressionTarget(y, matrix.nRows, this.kind);
    this.storeTrainingRows(matrix);
    this.fitY_ = Float64Array.from(target);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Float64Array {
    const neighbors = this.kneighbors(X);
    const weights = this.neighborWeights(neighbors);
    const { nQueries: n, k, indices } = neighbors;
    const out = new Float64Array(n);
    for (let q = 0; q < n; q++) {
      let sum = 0;
      let total = 0;
      for (let j = 0; j < k; j++) {
        const w = weights[q * k + j];
        sum += w * this.fitY_[indices[q * k + j]];
        total += w;
      }
      out[q] = sum / total;
    }
    return out;
  }
}
