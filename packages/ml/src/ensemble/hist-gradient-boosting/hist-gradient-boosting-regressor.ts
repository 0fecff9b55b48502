import { MlError } from '../../core/errors';
import type { EstimatorType } from '../../core/estimator';
import type { ParamConstraints } from '../../core/params';
import type { Regressor, Tabular } from '../../core/roles';
import type { StateSchema } from '../../core/state';
import { checkRegressionTarget } from '../../core/validation';
import {
  BaseHistGradientBoosting,
  checkSampleWeight,
  HGB_STATE,
  type HgbFitOptions,
} from './base-hist-gradient-boosting';
import { REGRESSION_LOSSES, type RegressionLoss } from './loss';
import { HGB_CONSTRAINTS, HGB_DEFAULTS, type HistGradientBoostingParams } from './params';

export interface HistGradientBoostingRegressorParams extends HistGradientBoostingParams {
  /** 'squared_error', 'absolute_error' (leaves fitted to median residuals) or 'poisson' (log link, y ≥ 0). */
  loss: RegressionLoss;
}

/**
 * Histogram-based gradient boosting for regression (scikit-learn's `HistGradientBoostingRegressor`, after
 * LightGBM): features are binned into at most 255 quantile bins, and each iteration grows a leaf-wise tree on the
 * gradients of the loss. Missing values (NaN) are supported natively, and categorical features split natively
 * (`categoricalFeatures`).
 *
 *   const model = new HistGradientBoostingRegressor({ maxIter: 200 }).fit(X, y);
 */
export class HistGradientBoostingRegressor
  extends BaseHistGradientBoosting<HistGradientBoostingRegressorParams>
  implements Regressor
{
  static override readonly kind: string = 'HistGradientBoostingRegressor';
  static override readonly paramConstraints: ParamConstraints = {
    ...HGB_CONSTRAINTS,
    loss: [{ type: 'options', values: ['squared_error', 'absolute_error', 'poisson'] }],
  };
  static override readonly stateSchema: StateSchema = HGB_STATE;

  constructor(params: Partial<HistGradientBoostingRegressorParams> = {}) {
    super({ ...HGB_DEFAULTS, loss: 'squared_error' }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'regressor';
  }

  fit(X: Tabular, y: Float64Array, options: HgbFitOptions = {}): this {
    this.validateParams();
    const target = checkRegressionTarget(y, X.nRows, this.kind);
    const weights = checkSampleWeight(options.sampleWeight, X.nRows, this.kind);
    if (this.params.loss === 'poisson') checkPoissonTarget(target, this.kind);
    this.boost(X, target, REGRESSION_LOSSES[this.params.loss], weights, null, 'r2', options);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  predict(X: Tabular): Float64Array {
    const { raw } = this.rawPredict(X);
    return this.params.loss === 'poisson' ? raw.map(Math.exp) : raw;
  }
}

function checkPoissonTarget(y: Float64Array, kind: string): void {
  let sum = 0;
  for (const v of y) {
    if (v < 0) {
      throw new MlError(
        'INVALID_PARAMETER',
        `${kind} with loss 'poisson' needs a non-negative target but it has ${v}. Use loss 'squared_error' or shift the target.`,
        { details: { kind, parameter: 'loss' } },
      );
    }
    sum += v;
  }
  if (!(sum > 0)) {
    throw new MlError(
      'INVALID_PARAMETER',
      `${kind} with loss 'poisson' needs a target with a positive sum.`,
      {
        details: { kind, parameter: 'loss' },
      },
    );
  }
}
