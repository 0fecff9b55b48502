import type { Matrix } from '../core/matrix';

/** A location and covariance (row-major p × p), its inverse and log-determinant. */
export interface Gaussian {
  location: Float64Array;
  covariance: Float64Array;
  precision: Float64Array;
  /** ln det(covariance); −Infinity when it is singular. */
  logDet: number;
}

/** Mean and maximum-likelihood covariance (divided by the count, as scikit-learn's `empirical_covariance`). */
export function gaussianOf(X: Matrix, rows: Int32Array): Gaussian {
  const { nRows, nCols: p, data } = X;
  const m = rows.length;
  const location = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sum = 0;
    for (const r of rows) sum += data[j * nRows + r];
    location[j] = sum / m;
  }
  const covariance = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = 0;
      for (const r of rows) sum += (data[a * nRows + r] - location[a]) * (data[b * nRows + r] - location[b]);
      covariance[a * p + b] = sum / m;
      covariance[b * p + a] = sum / m;
    }
  }
  return withCovariance(location, covariance);
}

/**
 * Adds the precision and log-determinant by Cholesky factorisation. A singular covariance (e.g. more than half the
 * rows on a hyperplane) gets logDet −Infinity, which FAST-MCD treats as a perfect fit, and a precision from the
 * covariance plus a tiny ridge so distances stay finite.
 */
export function withCovariance(location: Float64Array, covariance: Float64Array): Gaussian {
  const p = location.length;
  let L = cholesky(covariance, p);
  let logDet = Number.NEGATIVE_INFINITY;
  if (L !== null) {
    logDet = 0;
    for (let i = 0; i < p; i++) logDet += 2 * Math.log(L[i * p + i]);
  } else {
    let trace = 0;
    for (let i = 0; i < p; i++) trace += covariance[i * p + i];
    const ridged = Float64Array.from(covariance);
    const ridge = Math.max(1e-12, (1e-10 * trace) / p);
    for (let i = 0; i < p; i++) ridged[i * p + i] += ridge;
    L = cholesky(ridged, p) ?? identity(p);
  }
  return { location, covariance, precision: inverseFromCholesky(L, p), logDet };
}

function identity(p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++) out[i * p + i] = 1;
  return out;
}

/** Lower-triangular L (row-major) with A = L Lᵀ, or null when A is not clearly positive definite. */
function cholesky(A: Float64Array, p: number): Float64Array | null {
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * p + j];
      for (let k = 0; k < j; k++) sum -= L[i * p + k] * L[j * p + k];
      if (i === j) {
        if (!(sum > 1e-12 * Math.abs(A[i * p + i])) || sum <= 0) return null;
        L[i * p + i] = Math.sqrt(sum);
      } else {
        L[i * p + j] = sum / L[j * p + j];
      }
    }
  }
  return L;
}

/** A⁻¹ = L⁻ᵀ L⁻¹, one column of the identity at a time. */
function inverseFromCholesky(L: Float64Array, p: number): Float64Array {
  const inv = new Float64Array(p * p);
  const x = new Float64Array(p);
  for (let c = 0; c < p; c++) {
    x.fill(0);
    x[c] = 1;
    for (let i = 0; i < p; i++) {
      let sum = x[i];
      for (let k = 0; k < i; k++) sum -= L[i * p + k] * x[k];
      x[i] = sum / L[i * p + i];
    }
    for (let i = p - 1; i >= 0; i--) {
      let sum = x[i];
      for (let k = i + 1; k < p; k++) sum -= L[k * p + i] * x[k];
      x[i] = sum / L[i * p + i];
    }
    for (let i = 0; i < p; i++) inv[i * p + c] = x[i];
  }
  return inv;
}

/** Squared Mahalanobis distance (x − μ)ᵀ P (x − μ) of every row of X. */
export function squaredMahalanobis(X: Matrix, location: Float64Array, precision: Float64Array): Float64Array {
  const { nRows, nCols: p, data } = X;
  const out = new Float64Array(nRows);
  const centred = new Float64Array(p);
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < p; j++) centred[j] = data[j * nRows + i] - location[j];
    let d = 0;
    for (let a = 0; a < p; a++) {
      let row = 0;
      for (let b = 0; b < p; b++) row += precision[a * p + b] * centred[b];
      d += centred[a] * row;
    }
    out[i] = d;
  }
  return out;
}
