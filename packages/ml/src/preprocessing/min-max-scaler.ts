import { BaseTransformer } from '../core/base-transformer';
import { MlError } from '../core/errors';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { tabularNames } from '../core/tabular';
import { checkFitInput, checkPredictInput } from '../core/validation';

export interface MinMaxScalerParams {
  /** [low, high]: the range the training minimum and maximum map to. */
  featureRange: [number, number];
  /** Clip transformed values to `featureRange` (values outside the training range would leave it). */
  clip: boolean;
}

/**
 * Scales each column linearly so the training minimum maps to `featureRange[0]` and the maximum to
 * `featureRange[1]`: `x · scale_ + min_` (scikit-learn's `MinMaxScaler`). A (near-)constant column gets
 * `scale_ = high − low` over a range of 1, like scikit-learn. Missing values (NaN) are ignored in fit and stay NaN.
 */
export class MinMaxScaler extends BaseTransformer<MinMaxScalerParams> {
  static override readonly kind: string = 'MinMaxScaler';
  static override readonly paramConstraints: ParamConstraints = {
    featureRange: [{ type: 'array' }],
    clip: [{ type: 'boolean' }],
  };
  static override readonly stateSchema: StateSchema = {
    dataMin_: 'float64',
    dataMax_: 'float64',
    dataRange_: 'float64',
    scale_: 'float64',
    min_: 'float64',
    nFeaturesIn_: 'number',
    featureNamesIn_: 'strings',
  };

  declare dataMin_: Float64Array;
  declare dataMax_: Float64Array;
  declare dataRange_: Float64Array;
  declare scale_: Float64Array;
  declare min_: Float64Array;
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  constructor(params: Partial<MinMaxScalerParams> = {}) {
    super({ featureRange: [0, 1], clip: false }, params);
  }

  protected override checkState(): void {
    const n = this.nFeaturesIn_;
    const all = [this.dataMin_, this.dataMax_, this.dataRange_, this.scale_, this.min_];
    this.expectState(
      all.every((a) => a.length === n),
      'one value per column',
    );
  }

  #range(): [number, number] {
    const range = this.params.featureRange;
    const ok = range.length === 2 && range.every(Number.isFinite) && range[0] < range[1];
    if (!ok) {
      throw new MlError(
        'INVALID_PARAMETER',
        `The 'featureRange' parameter of ${this.kind} must be [low, high] with low < high. Got [${range.join(', ')}].`,
        { details: { kind: this.kind, parameter: 'featureRange' } },
      );
    }
    return [range[0], range[1]];
  }

  fit(X: Tabular, _y?: unknown, options: FitOptions = {}): this {
    this.validateParams();
    const [low, high] = this.#range();
    const matrix = checkFitInput(X, this.kind);
    const p = matrix.nCols;
    this.dataMin_ = new Float64Array(p);
    this.dataMax_ = new Float64Array(p);
    this.dataRange_ = new Float64Array(p);
    this.scale_ = new Float64Array(p);
    this.min_ = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      throwIfAborted(options.signal);
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (const x of matrix.column(j)) {
        if (x < min) min = x;
        if (x > max) max = x;
      }
      // A column with no value at all: scale 1, shift 0 (scikit-learn would give NaN everywhere).
      if (min > max) min = max = 0;
      const range = max - min;
      // scikit-learn's _handle_zeros_in_scale: a (near-)zero range counts as 1.
      this.scale_[j] = (high - low) / (range < 10 * Number.EPSILON ? 1 : range);
      this.min_[j] = low - min * this.scale_[j];
      this.dataMin_[j] = min;
      this.dataMax_[j] = max;
      this.dataRange_[j] = range;
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
    const [low, high] = this.params.featureRange;
    const out = new Matrix(matrix.nRows, matrix.nCols);
    for (let j = 0; j < matrix.nCols; j++) {
      const src = matrix.column(j);
      const dst = out.column(j);
      const scale = this.scale_[j];
      const shift = this.min_[j];
      for (let i = 0; i < src.length; i++) {
        const v = src[i] * scale + shift;
        dst[i] = this.params.clip ? Math.min(Math.max(v, low), high) : v;
      }
    }
    return out;
  }

  featureNamesOut(inputNames?: readonly string[]): string[] {
    return [...(inputNames ?? this.featureNamesIn_)];
  }
}
