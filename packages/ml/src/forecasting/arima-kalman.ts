/**
 * Exact Gaussian likelihood of a zero-mean ARMA process by the Kalman filter, in Harvey's state-space form
 * (Harvey, *Forecasting, Structural Time Series Models and the Kalman Filter*, 1989, §3.3; the form R's
 * `arima` uses): r = max(p, q + 1), state αₜ with w_t = αₜ[0],
 *
 *   α_{t+1} = T αₜ + R ε_{t+1},  T = [a | I_{r−1} ; 0],  R = (1, b₁, …, b_{r−1})′.
 *
 * The first covariance P₀ solves P₀ = T P₀ T′ + RR′ (by doubling: P ← P + A P A′, A ← A², a few dozen steps),
 * σ² is concentrated out, and once the covariance has converged (|ΔP| < 1e-8, relative to σ²) the filter stops updating it,
 * so long series cost O(n·r) after the start.
 */
export interface KalmanResult {
  /** Σ v_t²/F_t (the concentrated σ² is this over `nUsed`). */
  ssq: number;
  /** Σ log F_t. */
  sumLog: number;
  nUsed: number;
  /** Predicted state for the step after the last observation. */
  state: Float64Array;
}

export function stationaryCovariance(ar: Float64Array, ma: Float64Array, r: number): Float64Array | null {
  const T = transition(ar, r);
  const R = new Float64Array(r);
  R[0] = 1;
  for (let i = 1; i < r; i++) R[i] = i - 1 < ma.length ? ma[i - 1] : 0;
  const P = new Float64Array(r * r);
  for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) P[i * r + j] = R[i] * R[j];
  let A = T;
  for (let iter = 0; iter < 64; iter++) {
    const AP = matmul(A, P, r);
    const APAt = matmulT(AP, A, r);
    let change = 0;
    let scale = 0;
    for (let k = 0; k < r * r; k++) {
      change = Math.max(change, Math.abs(APAt[k]));
      P[k] += APAt[k];
      scale = Math.max(scale, Math.abs(P[k]));
    }
    if (!Number.isFinite(scale) || scale > 1e12) return null;
    if (change <= 1e-10 * scale) return P;
    A = matmul(A, A, r);
  }
  return P;
}

export function armaKalman(
  w: Float64Array,
  ar: Float64Array,
  ma: Float64Array,
  residuals?: Float64Array,
): KalmanResult | null {
  const r = Math.max(ar.length, ma.length + 1, 1);
  const P0 = stationaryCovariance(ar, ma, r);
  if (P0 === null) return null;
  let P = P0;
  const a = new Float64Array(r);
  const anew = new Float64Array(r);
  const phi = new Float64Array(r);
  phi.set(ar.subarray(0, Math.min(ar.length, r)));
  const Rv = new Float64Array(r);
  Rv[0] = 1;
  for (let i = 1; i < r; i++) Rv[i] = i - 1 < ma.length ? ma[i - 1] : 0;
  let ssq = 0;
  let sumLog = 0;
  let converged = false;
  let K = new Float64Array(r);
  let F = 0;
  const M = new Float64Array(r * r);
  for (let t = 0; t < w.length; t++) {
    const v = w[t] - a[0];
    if (!converged) {
      F = P[0];
      if (!(F > 0)) return null;
      for (let i = 0; i < r; i++) K[i] = P[i * r] / F;
    }
    sumLog += Math.log(F);
    ssq += (v * v) / F;
    if (residuals) residuals[t] = v / Math.sqrt(F);
    // Update then predict: a ← T(a + K v).
    for (let i = 0; i < r; i++) anew[i] = a[i] + K[i] * v;
    for (let i = 0; i < r; i++) a[i] = phi[i] * anew[0] + (i + 1 < r ? anew[i + 1] : 0);
    if (converged) continue;
    // Filtered covariance M = P − K P[0,:]; then P ← T M T′ + RR′ using T's companion structure.
    for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) M[i * r + j] = P[i * r + j] - K[i] * P[j];
    const next = new Float64Array(r * r);
    let change = 0;
    for (let i = 0; i < r; i++) {
      for (let j = 0; j < r; j++) {
        // (T M T′)_ij = φ_i(φ_j M₀₀ + M₀,ⱼ₊₁) + φ_j M_{i+1,0} + M_{i+1,j+1}  (T_ik = φ_i[k=0] + [k=i+1]).
        let value = phi[i] * (phi[j] * M[0] + (j + 1 < r ? M[j + 1] : 0));
        if (i + 1 < r) value += phi[j] * M[(i + 1) * r] + (j + 1 < r ? M[(i + 1) * r + j + 1] : 0);
        value += Rv[i] * Rv[j];
        next[i * r + j] = value;
        change = Math.max(change, Math.abs(value - P[i * r + j]));
      }
    }
    P = next;
    if (change < 1e-8) {
      converged = true;
      F = P[0];
      K = new Float64Array(r);
      for (let i = 0; i < r; i++) K[i] = P[i * r] / F;
    }
  }
  return { ssq, sumLog, nUsed: w.length, state: a.slice() };
}

function transition(ar: Float64Array, r: number): Float64Array {
  const T = new Float64Array(r * r);
  for (let i = 0; i < r; i++) {
    T[i * r] = i < ar.length ? ar[i] : 0;
    if (i + 1 < r) T[i * r + i + 1] = 1;
  }
  return T;
}

function matmul(A: Float64Array, B: Float64Array, r: number): Float64Array {
  const C = new Float64Array(r * r);
  for (let i = 0; i < r; i++)
    for (let k = 0; k < r; k++) {
      const aik = A[i * r + k];
      if (aik === 0) continue;
      for (let j = 0; j < r; j++) C[i * r + j] += aik * B[k * r + j];
    }
  return C;
}

/** A·Bᵀ. */
function matmulT(A: Float64Array, B: Float64Array, r: number): Float64Array {
  const C = new Float64Array(r * r);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < r; j++) {
      let s = 0;
      for (let k = 0; k < r; k++) s += A[i * r + k] * B[j * r + k];
      C[i * r + j] = s;
    }
  return C;
}
