import { Estimator, type EstimatorType } from '../core/estimator';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Regressor } from '../core/roles';
import type { StateSchema } from '../core/state';
import { nanMedian } from '../core/statistics';
import { checkFitInput, checkPredictInput, checkRegressionTarget } from '../core/validation';

export interface DummyRegressorParams {
  strategy: 'mean' | 'median';
}

/** A baseline that predicts the training mean or median whatever the features (scikit-learn's `DummyRegressor`). */
export class DummyRegressor extends Estimator<DummyRegressorParams> implements Regressor {
  static override readonly kind: string = 'DummyRegressor';
  static override readonly paramConstraints: ParamConstraints = {
    strategy: [{ type: 'options', values: ['mean', 'median'] }],
  };
  static override readonly stateSchema: StateSchema = { constant_: 'number', nFeaturesIn_: 'number' };

  declare constant_: number;
  declare nFeaturesIn_: number;

  constructor(params: Partial<DummyRegressorParams> = {}) {
    super({ strategy: 'mean' }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'regressor';
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    this.validateParams();
    throwIfAborted(options.signal);
    const matrix = checkFitInput(X, this.kind);
    const target = checkRegressionTarget(y, matrix.nRows, this.kind);
    if (this.params.strategy === 'median') {
      this.constant_ = nanMedian(target);
    } else {
      let sum = 0;
      for (const v of target) sum += v;
      this.constant_ = sum / target.length;
    }
    this.nFeaturesIn_ = matrix.nCols;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Float64Array {
    this.checkFitted();
    const { nRows } = checkPredictInput(X, this.kind, this.nFeaturesIn_);
    return new Float64Array(nRows).fill(this.constant_);
  }
}
