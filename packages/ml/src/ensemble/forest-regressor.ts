import type { EstimatorType } from '../core/estimator';
import type { FitOptions } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Regressor } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkRegressionTarget } from '../core/validation';
import { r2Score } from '../metrics/r2-score';
import { BaseForest, type EncodedForestTarget, FOREST_STATE, type OobSums } from './base-forest';
import { FOREST_CONSTRAINTS, type ForestParams } from './forest-params';

export interface ForestRegressorParams extends ForestParams {
  criterion: 'squared_error';
}

export const FOREST_REGRESSOR_CONSTRAINTS: ParamConstraints = {
  ...FOREST_CONSTRAINTS,
  criterion: [{ type: 'options', values: ['squared_error'] }],
};

/** The regressor half of a forest: `predict` is the mean of the trees' leaf means. */
export abstract class ForestRegressor
  extends BaseForest<ForestRegressorParams, Float64Array>
  implements Regressor
{
  static override readonly paramConstraints: ParamConstraints = FOREST_REGRESSOR_CONSTRAINTS;
  static override readonly stateSchema: StateSchema = { ...FOREST_STATE, oobPrediction_: 'float64?' };

  /** With `oobScore`: per training row, the mean prediction of the trees that did not draw it (NaN if none). */
  declare oobPrediction_: Float64Array | null;

  override get estimatorType(): EstimatorType {
    return 'regressor';
  }

  protected override get nValues(): number {
    return 1;
  }

  protected override encodeTarget(y: Float64Array, nRows: number): EncodedForestTarget {
    const target = checkRegressionTarget(y, nRows, this.kind);
    return {
      tree: { target, weight: new Float64Array(nRows).fill(1) },
      nValues: 1,
      balancedSubsample: false,
    };
  }

  protected override finish(encoded: EncodedForestTarget, oob: OobSums | null): void {
    this.oobScore_ = null;
    this.oobPrediction_ = null;
    if (oob === null) return;
    const target = encoded.tree.target!;
    const prediction = Float64Array.from(oob.count, (count, i) =>
      count > 0 ? oob.sum[i] / count : Number.NaN,
    );
    const seen = Int32Array.from(oob.count.keys()).filter((i) => oob.count[i] > 0);
    this.oobPrediction_ = prediction;
    this.oobScore_ =
      seen.length > 0
        ? r2Score(
            Float64Array.from(seen, (i) => target[i]),
            Float64Array.from(seen, (i) => prediction[i]),
          )
        : Number.NaN;
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    return this.fitForest(X, y, options);
  }

  predict(X: Matrix): Float64Array {
    return this.meanValues(X);
  }
}
