import { BaseTransformer } from '../core/base-transformer';
import { MlError } from '../core/errors';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import { nanPercentile } from '../core/percentile';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { nanMedian } from '../core/statistics';
import { tabularNames } from '../core/tabular';
import { checkFitInput, checkPredictInput } from '../core/validation';

export interface RobustScalerParams {
  /** Subtract the median. */
  withCentering: boolean;
  /** Divide by the quantile range. */
  withScaling: boolean;
  /** [qMin, qMax], percentiles with 0 ≤ qMin ≤ qMax ≤ 100; [25, 75] is the interquartile range. */
  quantileRange: [number, number];
}

/**
 * Centres each column on its median and divides by its interquartile range, `(x − center_) / scale_`
 * (scikit-learn's `RobustScaler`): unlike the mean and standard deviation, neither moves much with a few outliers.
 * Percentiles are NumPy's linear interpolation; a zero range counts as 1. Missing values (NaN) are ignored in fit
 * and stay NaN.
 */
export class RobustScaler extends BaseTransformer<RobustScalerParams> {
  static override readonly kind: string = 'RobustScaler';
  static override readonly paramConstraints: ParamConstraints = {
    withCentering: [{ type: 'boolean' }],
    withScaling: [{ type: 'boolean' }],
    quantileRange: [{ type: 'array' }],
  };
  static override readonly stateSchema: StateSchema = {
    center_: 'float64',
    scale_: 'float64',
    nFeaturesIn_: 'number',
    featureNamesIn_: 'strings',
  };

  /** Per column, the median (0 without centering). */
  declare center_: Float64Array;
  /** Per column, the quantile range (1 without scaling). */
  declare scale_: Float64Array;
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  constructor(params: Partial<RobustScalerParams> = {}) {
    super({ withCentering: true, withScaling: true, quantileRange: [25, 75] }, params);
  }

  protected override checkState(): void {
    const n = this.nFeaturesIn_;
    this.expectState(this.center_.length === n && this.scale_.length === n, 'one value per column');
  }

  fit(X: Tabular, _y?: unknown, options: FitOptions = {}): this {
    this.validateParams();
    const [qMin, qMax] = this.params.quantileRange;
    if (!(this.params.quantileRange.length === 2 && qMin >= 0 && qMin <= qMax && qMax <= 100)) {
      throw new MlError(
        'INVALID_PARAMETER',
        `The 'quantileRange' parameter of ${this.kind} must be [qMin, qMax] with 0 <= qMin <= qMax <= 100. Got [${this.params.quantileRange.join(', ')}].`,
        { details: { kind: this.kind, parameter: 'quantileRange' } },
      );
    }
    const matrix = checkFitInput(X, this.kind);
    const p = matrix.nCols;
    this.center_ = new Float64Array(p);
    this.scale_ = new Float64Array(p).fill(1);
    for (let j = 0; j < p; j++) {
      throwIfAborted(options.signal);
      const column = matrix.column(j);
      // A column with no value at all is left as it is (center 0, scale 1).
      if (this.params.withCentering) this.center_[j] = nanMedian(column) || 0;
      if (this.params.withScaling) {
        const range = nanPercentile(column, qMax) - nanPercentile(column, qMin);
        if (range >= 10 * Number.EPSILON) this.scale_[j] = range;
      }
    }
    this.nFeaturesIn_ = p;
    this.featureNamesIn_ = tabularNames(X);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  transform(X: Tabular): Matrix {
    this.checkFitted();
    const matrix = checkPredictInput(X, this.kind, this.nFeaturesIn_);
    const out = new Matrix(matrix.nRows, matrix.nCols);
    for (let j = 0; j < matrix.nCols; j++) {
      const src = matrix.column(j);
      const dst = out.column(j);
      const center = this.center_[j];
      const scale = this.scale_[j];
      for (let i = 0; i < src.length; i++) dst[i] = (src[i] - center) / scale;
    }
    return out;
  }

  featureNamesOut(inputNames?: readonly string[]): string[] {
    return [...(inputNames ?? this.featureNamesIn_)];
  }
}
