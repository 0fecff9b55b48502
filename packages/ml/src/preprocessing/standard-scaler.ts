import { BaseTransformer } from '../core/base-transformer';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { tabularNames } from '../core/tabular';
import { checkFitInput, checkPredictInput } from '../core/validation';

export interface StandardScalerParams {
  withMean: boolean;
  withStd: boolean;
}

/**
 * Standardizes each column to mean 0 and variance 1: `(x - mean_) / scale_` (scikit-learn's `StandardScaler`).
 * The variance is the population variance (ddof = 0); a constant column gets `scale_ = 1`. Missing values (NaN)
 * are ignored in fit and stay NaN.
 */
export class StandardScaler extends BaseTransformer<StandardScalerParams> {
  static override readonly kind: string = 'StandardScaler';
  static override readonly paramConstraints: ParamConstraints = {
    withMean: [{ type: 'boolean' }],
    withStd: [{ type: 'boolean' }],
  };
  static override readonly stateSchema: StateSchema = {
    mean_: 'float64',
    var_: 'float64',
    scale_: 'float64',
    nFeaturesIn_: 'number',
    featureNamesIn_: 'strings',
  };

  declare mean_: Float64Array;
  declare var_: Float64Array;
  declare scale_: Float64Array;
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  constructor(params: Partial<StandardScalerParams> = {}) {
    super({ withMean: true, withStd: true }, params);
  }

  protected override checkState(): void {
    const n = this.nFeaturesIn_;
    this.expectState(
      this.mean_.length === n && this.scale_.length === n && this.var_.length === n,
      'one value per column',
    );
  }

  fit(X: Tabular, _y?: unknown, options: FitOptions = {}): this {
    this.validateParams();
    const matrix = checkFitInput(X, this.kind);
    const { nRows, nCols } = matrix;
    this.mean_ = new Float64Array(nCols);
    this.var_ = new Float64Array(nCols);
    this.scale_ = new Float64Array(nCols).fill(1);
    for (let j = 0; j < nCols; j++) {
      throwIfAborted(options.signal);
      const column = matrix.column(j);
      let count = 0;
      let mean = 0;
      let m2 = 0;
      // Welford's update: stable for large offsets, one pass.
      for (let i = 0; i < nRows; i++) {
        const x = column[i];
        if (Number.isNaN(x)) continue;
        count++;
        const delta = x - mean;
        mean += delta / count;
        m2 += delta * (x - mean);
      }
      this.mean_[j] = count > 0 ? mean : 0;
      this.var_[j] = count > 0 ? m2 / count : 0;
      // Like scikit-learn's _handle_zeros_in_scale: a (near-)constant column is left unscaled.
      const std = Math.sqrt(this.var_[j]);
      if (std > 10 * Number.EPSILON * Math.max(1, Math.abs(this.mean_[j]))) this.scale_[j] = std;
    }
    this.nFeaturesIn_ = nCols;
    this.featureNamesIn_ = tabularNames(X);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  transform(X: Tabular): Matrix {
    this.checkFitted();
    const matrix = checkPredictInput(X, this.kind, this.nFeaturesIn_);
    const out = new Matrix(matrix.nRows, matrix.nCols);
    const { withMean, withStd } = this.params;
    for (let j = 0; j < matrix.nCols; j++) {
      const src = matrix.column(j);
      const dst = out.column(j);
      const shift = withMean ? this.mean_[j] : 0;
      const scale = withStd ? this.scale_[j] : 1;
      for (let i = 0; i < src.length; i++) dst[i] = (src[i] - shift) / scale;
    }
    return out;
  }

  featureNamesOut(inputNames?: readonly string[]): string[] {
    return [...(inputNames ?? this.featureNamesIn_)];
  }
}
