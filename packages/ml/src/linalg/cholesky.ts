/**
 * Solves `A x = b` for a symmetric positive definite `p × p` matrix `A` (either layout: it is symmetric) by
 * Cholesky factorisation `A = L Lᵀ` (Golub & Van Loan, Algorithm 4.2.1) and two triangular solves.
 *
 * Returns null when a pivot is not clearly positive — smaller than `relTol` times the original diagonal entry —
 * which is how callers detect a (numerically) singular system and retry with a small ridge.
 */
export function choleskySolve(
  A: Float64Array,
  b: Float64Array,
  p: number,
  relTol = 1e-10,
): Float64Array | null {
  // L is stored row-major in the lower triangle: L[i * p + j], j <= i.
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = A[i * p + j];
      for (let k = 0; k < j; k++) sum -= L[i * p + k] * L[j * p + k];
      if (i === j) {
        if (!(sum > relTol * Math.abs(A[i * p + i])) || sum <= 0) return null;
        L[i * p + i] = Math.sqrt(sum);
      } else {
        L[i * p + j] = sum / L[j * p + j];
      }
    }
  }
  // Forward: L z = b; backward: Lᵀ x = z.
  const x = Float64Array.from(b);
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
  return x;
}
