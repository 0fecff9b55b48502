import { Estimator, type EstimatorType } from '../core/estimator';
import type { FitOptions } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Regressor } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkFinite, checkFitInput, checkPredictInput, checkRegressionTarget } from '../core/validation';
import { solveLeastSquares } from './least-squares';
import { linearPredict } from './linear-predict';

export interface RidgeParams {
  /** L2 penalty strength; the intercept is not penalised. */
  alpha: number;
  fitIntercept: boolean;
}

/** Least squares with an L2 penalty (scikit-learn's `Ridge`), solved exactly by Cholesky. */
export class Ridge extends Estimator<RidgeParams> implements Regressor {
  static override readonly kind: string = 'Ridge';
  static override readonly paramConstraints: ParamConstraints = {
    alpha: [{ type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    fitIntercept: [{ type: 'boolean' }],
  };
  static override readonly stateSchema: StateSchema = {
    coef_: 'float64',
    intercept_: 'number',
    nFeaturesIn_: 'number',
  };

  declare coef_: Float64Array;
  declare intercept_: number;
  declare nFeaturesIn_: number;

  constructor(params: Partial<RidgeParams> = {}) {
    super({ alpha: 1.0, fitIntercept: true }, params);
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
    const { coef, intercept } = solveLeastSquares(
      matrix,
      target,
      this.params.alpha,
      this.params.fitIntercept,
      options,
    );
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
