import type { Rng } from '../core/rng';
import { symmetricEigen } from '../decomposition/symmetric-eigen';
import type { CsrMatrix } from '../linalg/csr-matrix';
import { normal } from './topic-helpers';

/** X M for a row-major (nCols × l) M: row-major nRows × l. */
function times(X: CsrMatrix, M: Float64Array, l: number): Float64Array {
  const { nRows, indptr, indices, data } = X;
  const out = new Float64Array(nRows * l);
  for (let i = 0; i < nRows; i++) {
    const row = i * l;
    const end = indptr[i + 1];
    for (let q = indptr[i]; q < end; q++) {
      const v = data[q];
      const o = indices[q] * l;
      for (let c = 0; c < l; c++) out[row + c] += v * M[o + c];
    }
  }
  return out;
}

/** Xᵀ Y for a row-major (nRows × l) Y: row-major nCols × l. */
function transposeTimes(X: CsrMatrix, Y: Float64Array, l: number): Float64Array {
  const { nRows, indptr, indices, data } = X;
  const out = new Float64Array(X.nCols * l);
  for (let i = 0; i < nRows; i++) {
    const row = i * l;
    const end = indptr[i + 1];
    for (let q = indptr[i]; q < end; q++) {
      const v = data[q];
      const o = indices[q] * l;
      for (let c = 0; c < l; c++) out[o + c] += v * Y[row + c];
    }
  }
  return out;
}

/**
 * Orthonormalises the l columns of a row-major (n × l) array in place by Cholesky QR, twice ("CholeskyQR2"):
 * G = AᵀA, G = RᵀR, A ← A R⁻¹. Each pass reads A row by row (contiguous), which is several times faster than
 * Gram–Schmidt's column sweeps on 10⁵ × 20 arrays. A (numerically) dependent column falls back to Gram–Schmidt.
 */
function orthonormalize(A: Float64Array, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    if (!choleskyQrPass(A, l)) {
      gramSchmidt(A, l);
      return;
    }
  }
}

function choleskyQrPass(A: Float64Array, l: number): boolean {
  const n = A.length / l;
  const G = new Float64Array(l * l);
  for (let i = 0; i < n; i++) {
    const o = i * l;
    for (let a = 0; a < l; a++) {
      const x = A[o + a];
      if (x === 0) continue;
      for (let b = a; b < l; b++) G[a * l + b] += x * A[o + b];
    }
  }
  // Upper-triangular R with G = RᵀR.
  const R = new Float64Array(l * l);
  let largest = 0;
  for (let a = 0; a < l; a++) largest = Math.max(largest, G[a * l + a]);
  for (let a = 0; a < l; a++) {
    let d = G[a * l + a];
    for (let c = 0; c < a; c++) d -= R[c * l + a] ** 2;
    if (!(d > 1e-10 * largest)) return false;
    const r = Math.sqrt(d);
    R[a * l + a] = r;
    for (let b = a + 1; b < l; b++) {
      let v = G[a * l + b];
      for (let c = 0; c < a; c++) v -= R[c * l + a] * R[c * l + b];
      R[a * l + b] = v / r;
    }
  }
  // Each row x of the result solves x R = a (forward substitution).
  for (let i = 0; i < n; i++) {
    const o = i * l;
    for (let b = 0; b < l; b++) {
      let v = A[o + b];
      for (let c = 0; c < b; c++) v -= A[o + c] * R[c * l + b];
      A[o + b] = v / R[b * l + b];
    }
  }
  return true;
}

/** Modified Gram–Schmidt, twice; a column with no norm left becomes zero. */
function gramSchmidt(A: Float64Array, l: number): void {
  const n = A.length / l;
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < l; c++) {
      for (let b = 0; b < c; b++) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += A[i * l + b] * A[i * l + c];
        for (let i = 0; i < n; i++) A[i * l + c] -= dot * A[i * l + b];
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += A[i * l + c] ** 2;
      norm = Math.sqrt(norm);
      for (let i = 0; i < n; i++) A[i * l + c] = norm > 1e-300 ? A[i * l + c] / norm : 0;
    }
  }
}

/**
 * The k leading singular triplets of a sparse X by randomized subspace iteration (Halko, Martinsson & Tropp 2011,
 * as scikit-learn's `randomized_svd`: 10 extra directions, 7 power iterations for small k, else 4), with signs
 * fixed so each left vector's largest entry is positive. U is nRows × k and V is k × nCols, both row-major.
 */
export function randomizedSvd(
  X: CsrMatrix,
  k: number,
  rng: Rng,
): { U: Float64Array; S: Float64Array; V: Float64Array } {
  const l = Math.min(k + 10, X.nRows, X.nCols);
  const nIter = k < 0.1 * Math.min(X.nRows, X.nCols) ? 7 : 4;
  const omega = new Float64Array(X.nCols * l);
  for (let q = 0; q < omega.length; q++) omega[q] = normal(rng);
  let Q = times(X, omega, l);
  orthonormalize(Q, l);
  for (let it = 0; it < nIter; it++) {
    const Z = transposeTimes(X, Q, l);
    orthonormalize(Z, l);
    Q = times(X, Z, l);
    orthonormalize(Q, l);
  }
  // B = Qᵀ X (l × nCols), then B Bᵀ = W Λ Wᵀ gives B's singular values and vectors.
  const Bt = transposeTimes(X, Q, l); // nCols × l, i.e. Bᵀ
  const gram = new Float64Array(l * l);
  for (let j = 0; j < X.nCols; j++) {
    for (let a = 0; a < l; a++) for (let b = 0; b < l; b++) gram[a * l + b] += Bt[j * l + a] * Bt[j * l + b];
  }
  const { values, vectors } = symmetricEigen(gram, l);
  const U = new Float64Array(X.nRows * k);
  const S = new Float64Array(k);
  const V = new Float64Array(k * X.nCols);
  for (let c = 0; c < k; c++) {
    S[c] = Math.sqrt(Math.max(values[c], 0));
    for (let i = 0; i < X.nRows; i++) {
      let sum = 0;
      for (let a = 0; a < l; a++) sum += Q[i * l + a] * vectors[a * l + c];
      U[i * k + c] = sum;
    }
    for (let j = 0; j < X.nCols; j++) {
      let sum = 0;
      for (let a = 0; a < l; a++) sum += Bt[j * l + a] * vectors[a * l + c];
      V[c * X.nCols + j] = S[c] > 0 ? sum / S[c] : 0;
    }
    let largest = 0;
    for (let i = 0; i < X.nRows; i++) if (Math.abs(U[i * k + c]) > Math.abs(largest)) largest = U[i * k + c];
    if (largest < 0) {
      for (let i = 0; i < X.nRows; i++) U[i * k + c] = -U[i * k + c];
      for (let j = 0; j < X.nCols; j++) V[c * X.nCols + j] = -V[c * X.nCols + j];
    }
  }
  return { U, S, V };
}

/**
 * NNDSVD with zeros filled by the mean of X (Boutsidis & Gallopoulos 2008; scikit-learn's `init='nndsvda'`): each
 * singular pair contributes its dominant non-negative part. Returns W (nRows × k) and Hᵀ (nCols × k), row-major.
 * Zeros are filled because multiplicative updates can never move an entry away from zero.
 */
export function nndsvda(
  X: CsrMatrix,
  k: number,
  rng: Rng,
  mean: number,
): { w: Float64Array; ht: Float64Array } {
  const { U, S, V } = randomizedSvd(X, k, rng);
  const n = X.nRows;
  const m = X.nCols;
  const w = new Float64Array(n * k);
  const ht = new Float64Array(m * k);
  for (let c = 0; c < k; c++) {
    const x = Float64Array.from({ length: n }, (_, i) => U[i * k + c]);
    const y = V.subarray(c * m, (c + 1) * m);
    if (c === 0) {
      const root = Math.sqrt(S[0]);
      for (let i = 0; i < n; i++) w[i * k] = root * Math.abs(x[i]);
      for (let j = 0; j < m; j++) ht[j * k] = root * Math.abs(y[j]);
      continue;
    }
    const norms = (v: ArrayLike<number>, sign: 1 | -1) => {
      let sum = 0;
      for (let i = 0; i < v.length; i++) sum += Math.max(sign * v[i], 0) ** 2;
      return Math.sqrt(sum);
    };
    const xp = norms(x, 1);
    const yp = norms(y, 1);
    const xn = norms(x, -1);
    const yn = norms(y, -1);
    const positive = xp * yp > xn * yn;
    const sign = positive ? 1 : -1;
    const sigma = positive ? xp * yp : xn * yn;
    const lambda = Math.sqrt(S[c] * sigma);
    const xNorm = positive ? xp : xn;
    const yNorm = positive ? yp : yn;
    for (let i = 0; i < n; i++) w[i * k + c] = xNorm > 0 ? (lambda * Math.max(sign * x[i], 0)) / xNorm : 0;
    for (let j = 0; j < m; j++) ht[j * k + c] = yNorm > 0 ? (lambda * Math.max(sign * y[j], 0)) / yNorm : 0;
  }
  const eps = 1e-6;
  for (let q = 0; q < w.length; q++) if (w[q] < eps) w[q] = mean;
  for (let q = 0; q < ht.length; q++) if (ht[q] < eps) ht[q] = mean;
  return { w, ht };
}
