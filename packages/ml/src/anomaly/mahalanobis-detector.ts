import type { FitOptions } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import {
  BaseDetector,
  CONTAMINATION_CONSTRAINTS,
  type Contamination,
  DETECTOR_STATE,
  type DetectorParams,
} from './base-detector';
import { chi2Quantile } from './chi2';
import { squaredMahalanobis } from './covariance';
import { fastMcd } from './fast-mcd';

export interface MahalanobisDetectorParams extends DetectorParams {
  contamination: Contamination;
  /** Share of rows the robust covariance is fitted on; null = ⌈(n + p + 1)/2⌉ rows (the most robust). */
  supportFraction: number | null;
  randomState: number;
}

/**
 * Squared Mahalanobis distance under a robust covariance (scikit-learn's `EllipticEnvelope`): location and
 * covariance come from FAST-MCD (`fastMcd`), so the outliers cannot inflate the covariance that should expose them,
 * and a row that breaks the correlation between features is found even when each value alone is ordinary.
 *
 *   scoreSamples(x) = −(x − μ)ᵀ Σ⁻¹ (x − μ)
 *
 * With contamination 'auto' the cut-off is the 97.5% quantile of χ²ₚ, the distribution of d² for normal data.
 */
export class MahalanobisDetector extends BaseDetector<MahalanobisDetectorParams> {
  static override readonly kind: string = 'MahalanobisDetector';
  static override readonly paramConstraints: ParamConstraints = {
    contamination: CONTAMINATION_CONSTRAINTS,
    supportFraction: [{ type: 'float', min: 0, max: 1, closed: 'right' }, { type: 'null' }],
    randomState: [{ type: 'int' }],
  };
  static override readonly stateSchema: StateSchema = {
    ...DETECTOR_STATE,
    location_: 'float64',
    covariance_: 'matrix',
    precision_: 'matrix',
    support_: 'uint8',
    dof_: 'number',
  };

  /** The robust centre, per feature. */
  declare location_: Float64Array;
  /** The robust covariance (reweighted MCD), p × p. */
  declare covariance_: Matrix;
  /** Its inverse. */
  declare precision_: Matrix;
  /** Per training row, 1 when it is in the support of the final estimate. */
  declare support_: Uint8Array;
  /** How many features the distance is taken over (see `fitScores`): its χ² degrees of freedom. */
  declare dof_: number;

  constructor(params: Partial<MahalanobisDetectorParams> = {}) {
    super({ contamination: 'auto', supportFraction: null, randomState: 0 }, params);
  }

  protected autoOffset(): number {
    return this.dof_ === 0 ? 0 : -chi2Quantile(0.975, this.dof_);
  }

  protected override checkState(): void {
    super.checkState();
    const p = this.nFeaturesIn_;
    this.expectState(this.location_.length === p, 'one location per feature');
    this.expectState(
      [this.covariance_, this.precision_].every((m) => m.nRows === p && m.nCols === p),
      'p × p covariance and precision',
    );
  }

  /**
   * A feature where more than half the rows share one value (a dominant category's code, a count that is mostly
   * 0) has no robust covariance: FAST-MCD finds an h-subset on which it is constant, whose determinant is 0 — the
   * minimum — and the distances of every other feature vanish beside its near-infinite precision. Such features
   * are left out of the distance (their precision rows and columns are 0, so they contribute nothing); the robust
   * z-score and the isolation forest still see them. `dof_` counts the features the distance is taken over.
   */
  protected fitScores(X: Matrix, options: FitOptions): Float64Array {
    const { supportFraction, randomState } = this.params;
    const p = X.nCols;
    const kept: number[] = [];
    const location = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      const { value, count } = modeOf(X.column(j));
      if (2 * count > X.nRows) location[j] = value;
      else kept.push(j);
    }
    this.dof_ = kept.length;
    const covariance = new Float64Array(p * p);
    const precision = new Float64Array(p * p);
    if (kept.length === 0) {
      this.location_ = location;
      this.covariance_ = new Matrix(p, p, covariance);
      this.precision_ = new Matrix(p, p, precision);
      this.support_ = new Uint8Array(X.nRows).fill(1);
      return new Float64Array(X.nRows);
    }
    const q = kept.length;
    const sub = q === p ? X : new Matrix(X.nRows, q);
    if (sub !== X)
      kept.forEach((j, k) => {
        sub.data.set(X.column(j), k * X.nRows);
      });
    const mcd = fastMcd(sub, { supportFraction, randomState, signal: options.signal });
    // Symmetric matrices: row-major data is also their column-major data. Embed the kept block in p × p.
    kept.forEach((a, i) => {
      location[a] = mcd.location[i];
      kept.forEach((b, k) => {
        covariance[a * p + b] = mcd.covariance[i * q + k];
        precision[a * p + b] = mcd.precision[i * q + k];
      });
    });
    this.location_ = location;
    this.covariance_ = new Matrix(p, p, covariance);
    this.precision_ = new Matrix(p, p, precision);
    this.support_ = mcd.support;
    return mcd.distances.map((d) => -d);
  }

  protected scoreRows(X: Matrix): Float64Array {
    return squaredMahalanobis(X, this.location_, this.precision_.data).map((d) => -d);
  }

  /**
   * Each feature's share of the squared distance: cᵢⱼ = (xᵢ − μ)ⱼ · (Σ⁻¹(xᵢ − μ))ⱼ, so Σⱼ cᵢⱼ = d²ᵢ exactly. A
   * feature far from the centre in a direction the covariance says is unlikely contributes most; a term can be
   * negative when, given the correlations, that feature's deviation makes the row more plausible.
   */
  contributions(X: Tabular): Matrix {
    const rows = this.checkRows(X);
    const { nRows, nCols: p, data } = rows;
    const out = new Matrix(nRows, p);
    const centred = new Float64Array(p);
    const P = this.precision_.data;
    for (let i = 0; i < nRows; i++) {
      for (let j = 0; j < p; j++) centred[j] = data[j * nRows + i] - this.location_[j];
      for (let a = 0; a < p; a++) {
        let row = 0;
        for (let b = 0; b < p; b++) row += P[a * p + b] * centred[b];
        out.data[a * nRows + i] = centred[a] * row;
      }
    }
    return out;
  }
}

/** The most frequent value of a column and how many rows have it (ties: the smallest value). */
function modeOf(values: Float64Array): { value: number; count: number } {
  const sorted = Float64Array.from(values).sort();
  let best = { value: sorted[0], count: 0 };
  for (let i = 0; i < sorted.length; ) {
    let k = i;
    while (k < sorted.length && sorted[k] === sorted[i]) k++;
    if (k - i > best.count) best = { value: sorted[i], count: k - i };
    i = k;
  }
  return best;
}
