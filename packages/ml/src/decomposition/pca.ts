import { BaseTransformer } from '../core/base-transformer';
import { MlError } from '../core/errors';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { tabularNames } from '../core/tabular';
import { checkFinite, checkFitInput, checkPredictInput } from '../core/validation';
import { symmetricEigen } from './symmetric-eigen';

export interface PCAParams {
  /** Components kept: a count, a fraction of variance to explain (0 < x < 1), or null for min(nRows, nFeatures). */
  nComponents: number | null;
  /** Scale the projections to unit variance (divide by the square root of each explained variance). */
  whiten: boolean;
}

/**
 * Principal component analysis (scikit-learn's `PCA` with the full solver). It centres the data and takes the
 * eigen-decomposition of the covariance matrix, whose eigenvalues are the squared singular values of the centred
 * data over n - 1, so explained variances are those of the SVD. Component signs follow scikit-learn's `svd_flip`:
 * each component is oriented so that the projection with the largest magnitude is positive, so signs match.
 * Needs finite values: impute first.
 *
 *   const pca = new PCA({ nComponents: 2 }).fit(X);
 *   pca.explainedVarianceRatio_; pca.transform(X); // n × 2 scores
 */
export class PCA extends BaseTransformer<PCAParams> {
  static override readonly kind: string = 'PCA';
  static override readonly paramConstraints: ParamConstraints = {
    nComponents: [
      { type: 'int', min: 1 },
      { type: 'float', min: 0, max: 1, closed: 'neither' },
      { type: 'null' },
    ],
    whiten: [{ type: 'boolean' }],
  };
  static override readonly stateSchema: StateSchema = {
    mean_: 'float64',
    components_: 'matrix',
    explainedVariance_: 'float64',
    explainedVarianceRatio_: 'float64',
    singularValues_: 'float64',
    noiseVariance_: 'number',
    nComponents_: 'number',
    nSamples_: 'number',
    nFeaturesIn_: 'number',
    featureNamesIn_: 'strings',
  };

  declare mean_: Float64Array;
  /** `nComponents_ × nFeatures`: the principal axes, unit length, largest variance first. */
  declare components_: Matrix;
  declare explainedVariance_: Float64Array;
  declare explainedVarianceRatio_: Float64Array;
  declare singularValues_: Float64Array;
  /** Mean variance of the dropped components (0 when none are dropped). */
  declare noiseVariance_: number;
  declare nComponents_: number;
  declare nSamples_: number;
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  constructor(params: Partial<PCAParams> = {}) {
    super({ nComponents: null, whiten: false }, params);
  }

  protected override checkState(): void {
    const k = this.nComponents_;
    const p = this.nFeaturesIn_;
    this.expectState(this.mean_.length === p, 'one mean per feature');
    this.expectState(this.components_.nRows === k && this.components_.nCols === p, 'components are k × p');
    this.expectState(
      this.explainedVariance_.length === k && this.explainedVarianceRatio_.length === k,
      'k variances',
    );
  }

  fit(X: Tabular, _y?: unknown, options: FitOptions = {}): this {
    this.validateParams();
    const matrix = checkFinite(checkFitInput(X, this.kind), this.kind);
    const { nRows: n, nCols: p } = matrix;
    if (n < 2) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `${this.kind} needs at least 2 rows to estimate variances, got ${n}.`,
        {
          details: { kind: this.kind },
        },
      );
    }
    const rank = Math.min(n, p);
    const requested = this.params.nComponents;
    if (requested !== null && requested >= 1 && requested > rank) {
      throw new MlError(
        'INVALID_PARAMETER',
        `${this.kind} can keep at most min(nRows, nFeatures) = ${rank} components, got nComponents = ${requested}. Lower it.`,
        { details: { kind: this.kind, parameter: 'nComponents' } },
      );
    }
    const mean = new Float64Array(p);
    const centred = new Matrix(n, p);
    for (let j = 0; j < p; j++) {
      const column = matrix.column(j);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += column[i];
      mean[j] = sum / n;
      const out = centred.column(j);
      for (let i = 0; i < n; i++) out[i] = column[i] - mean[j];
    }
    const covariance = new Float64Array(p * p);
    for (let a = 0; a < p; a++) {
      throwIfAborted(options.signal);
      const ca = centred.column(a);
      for (let b = a; b < p; b++) {
        const cb = centred.column(b);
        let sum = 0;
        for (let i = 0; i < n; i++) sum += ca[i] * cb[i];
        covariance[a * p + b] = sum / (n - 1);
        covariance[b * p + a] = sum / (n - 1);
      }
    }
    options.onProgress?.(0.5);
    const { values, vectors } = symmetricEigen(covariance, p);
    const variances = Float64Array.from(values.subarray(0, rank), (v) => Math.max(v, 0));
    const total = variances.reduce((s, v) => s + v, 0);
    const ratios = Float64Array.from(variances, (v) => (total > 0 ? v / total : 0));
    const k = resolveComponents(requested, ratios, rank);
    const components = new Matrix(k, p);
    const scores = new Float64Array(n);
    for (let c = 0; c < k; c++) {
      scores.fill(0);
      for (let j = 0; j < p; j++) {
        const w = vectors[j * p + c];
        const column = centred.column(j);
        for (let i = 0; i < n; i++) scores[i] += column[i] * w;
      }
      // svd_flip (u-based): the largest |projection| (first one on ties) must be positive.
      let at = 0;
      for (let i = 1; i < n; i++) if (Math.abs(scores[i]) > Math.abs(scores[at])) at = i;
      const sign = scores[at] < 0 ? -1 : 1;
      for (let j = 0; j < p; j++) components.set(c, j, sign * vectors[j * p + c]);
    }
    this.mean_ = mean;
    this.components_ = components;
    this.explainedVariance_ = variances.slice(0, k);
    this.explainedVarianceRatio_ = ratios.slice(0, k);
    this.singularValues_ = Float64Array.from(this.explainedVariance_, (v) => Math.sqrt(v * (n - 1)));
    this.noiseVariance_ = k < rank ? variances.subarray(k).reduce((s, v) => s + v, 0) / (rank - k) : 0;
    this.nComponents_ = k;
    this.nSamples_ = n;
    this.nFeaturesIn_ = p;
    this.featureNamesIn_ = tabularNames(X);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  /** The projections on the components (`n × nComponents_`), whitened if asked. */
  transform(X: Tabular): Matrix {
    this.checkFitted();
    const matrix = checkFinite(checkPredictInput(X, this.kind, this.nFeaturesIn_), this.kind);
    const { nRows: n, nCols: p } = matrix;
    const k = this.nComponents_;
    const out = new Matrix(n, k);
    for (let c = 0; c < k; c++) {
      const dst = out.column(c);
      for (let j = 0; j < p; j++) {
        const w = this.components_.get(c, j);
        const src = matrix.column(j);
        const shift = this.mean_[j];
        for (let i = 0; i < n; i++) dst[i] += (src[i] - shift) * w;
      }
      if (this.params.whiten) {
        const scale = Math.sqrt(this.explainedVariance_[c]);
        if (scale > 0) for (let i = 0; i < n; i++) dst[i] /= scale;
      }
    }
    return out;
  }

  /** Maps projections back to the feature space (exact when every component is kept). */
  inverseTransform(Z: Matrix): Matrix {
    this.checkFitted();
    const k = this.nComponents_;
    if (Z.nCols !== k) {
      throw new MlError(
        'SHAPE_MISMATCH',
        `${this.kind}.inverseTransform needs ${k} columns (one per component), got ${Z.nCols}.`,
      );
    }
    const p = this.nFeaturesIn_;
    const out = new Matrix(Z.nRows, p);
    for (let j = 0; j < p; j++) {
      const dst = out.column(j);
      dst.fill(this.mean_[j]);
      for (let c = 0; c < k; c++) {
        const scale = this.params.whiten ? Math.sqrt(this.explainedVariance_[c]) : 1;
        const w = this.components_.get(c, j) * scale;
        const src = Z.column(c);
        for (let i = 0; i < Z.nRows; i++) dst[i] += src[i] * w;
      }
    }
    return out;
  }

  featureNamesOut(): string[] {
    return Array.from({ length: this.nComponents_ }, (_, c) => `pca${c}`);
  }
}

/** The number of components: all, a count, or the fewest whose cumulative ratio exceeds a fraction (sklearn). */
function resolveComponents(requested: number | null, ratios: Float64Array, rank: number): number {
  if (requested === null) return rank;
  if (requested >= 1) return requested;
  let cumulative = 0;
  let k = 0;
  while (k < rank && cumulative + ratios[k] <= requested) cumulative += ratios[k++];
  return Math.min(k + 1, rank);
}
