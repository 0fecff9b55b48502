import { Estimator, type EstimatorType } from '../core/estimator';
import type { FitOptions } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Regressor } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkFinite, checkFitInput, checkPredictInput, checkRegressionTarget } from '../core/validation';
import { solveLeastSquares } from './least-squares';
import { linearPredict } from './linear-predict';

export interface LinearRegressionParams {
  fitIntercept: boolean;
}

/**
 * Ordinary least squares (scikit-learn's `LinearRegression`). Collinear columns do not fail: the solver adds a
 * vanishing ridge and returns (close to) the minimum-norm solution, as `lstsq` would.
 */
export class LinearRegression extends Estimator<LinearRegressionParams> implements Regressor {
  static override readonly kind: string = 'LinearRegression';
  static override readonly paramConstraints: ParamConstraints = { fitIntercept: [{ type: 'boolean' }] };
  static override readonly stateSchema: StateSchema = {
    coef_: 'float64',
    intercept_: 'number',
    nFeaturesIn_: 'number',
  };

  declare coef_: Float64Array;
  declare intercept_: number;
  declare nFeaturesIn_: number;

  constructor(params: Partial<LinearRegressionParams> = {}) {
    super({ fitIntercept: true }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'regressor';
  }

  protected override checkState(): void {
    this.expectState(this.coef_.length === this.nFeaturesIn_, 'one coefficient per feature');
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    this.validateParams();
    const matrix = checkFinite(checkFitInput(X, this.kind), this.kind);
    const target = checkRegressionTarget(y, matrix.nRows, this.kind);
    const { coef, intercept } = solveLeastSquares(matrix, target, 0, this.params.fitIntercept, options);
    this.coef_ = coef;
    this.intercept_ = intercept;
    this.nFeaturesIn_ = matrix.nCols;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Float64Array {
    this.checkFitted();
    const matrix = checkFinite(checkPredictInput(X, this.kind, this.nFeaturesIn_), this.kind);
    return linearPredict(matrix, this.coef_, this.intercept_);
  }
}
