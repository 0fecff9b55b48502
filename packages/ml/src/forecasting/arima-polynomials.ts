/**
 * Polynomial bookkeeping for seasonal ARIMA(p,d,q)(P,D,Q)_m in R's sign convention:
 *
 *   φ(B)Φ(Bᵐ)(1−B)ᵈ(1−Bᵐ)ᴰ (y_t − μ) = θ(B)Θ(Bᵐ) ε_t,
 *   φ(B) = 1 − φ₁B − … − φ_pBᵖ,   θ(B) = 1 + θ₁B + … + θ_qB^q.
 *
 * AR coefficient arrays hold a₁…a_k of 1 − Σ a_k B^k; MA arrays b₁…b_k of 1 + Σ b_k B^k.
 */
export interface ArimaOrder {
  p: number;
  d: number;
  q: number;
  P: number;
  D: number;
  Q: number;
  /** Seasonal period (1 for none). */
  m: number;
}

/** The AR coefficients of φ(B)Φ(Bᵐ). */
export function expandAr(phi: ArrayLike<number>, seasonalPhi: ArrayLike<number>, m: number): Float64Array {
  const out = new Float64Array(phi.length + m * seasonalPhi.length);
  for (let i = 0; i < phi.length; i++) out[i] += phi[i];
  for (let j = 0; j < seasonalPhi.length; j++) {
    out[m * (j + 1) - 1] += seasonalPhi[j];
    for (let i = 0; i < phi.length; i++) out[m * (j + 1) + i] -= phi[i] * seasonalPhi[j];
  }
  return out;
}

/** The MA coefficients of θ(B)Θ(Bᵐ). */
export function expandMa(
  theta: ArrayLike<number>,
  seasonalTheta: ArrayLike<number>,
  m: number,
): Float64Array {
  const out = new Float64Array(theta.length + m * seasonalTheta.length);
  for (let i = 0; i < theta.length; i++) out[i] += theta[i];
  for (let j = 0; j < seasonalTheta.length; j++) {
    out[m * (j + 1) - 1] += seasonalTheta[j];
    for (let i = 0; i < theta.length; i++) out[m * (j + 1) + i] += theta[i] * seasonalTheta[j];
  }
  return out;
}

/** δ₁…δ_k of (1−B)ᵈ(1−Bᵐ)ᴰ = 1 − Σ δ_k B^k. */
export function differencingCoefficients(d: number, D: number, m: number): Float64Array {
  // Multiply polynomials in increasing powers, then flip the sign of the tail.
  let poly = [1];
  const times = (factor: number[]) => {
    const out = new Array(poly.length + factor.length - 1).fill(0);
    for (let i = 0; i < poly.length; i++)
      for (let j = 0; j < factor.length; j++) out[i + j] += poly[i] * factor[j];
    poly = out;
  };
  for (let i = 0; i < d; i++) times([1, -1]);
  const seasonal = new Array(m + 1).fill(0);
  seasonal[0] = 1;
  seasonal[m] = -1;
  for (let i = 0; i < D; i++) times(seasonal);
  return Float64Array.from(poly.slice(1), (v) => -v);
}

/** Applies (1−B)ᵈ(1−Bᵐ)ᴰ: the result is shorter by d + D·m. */
export function difference(y: Float64Array, d: number, D: number, m: number): Float64Array {
  let x = y;
  for (let i = 0; i < D; i++) x = x.subarray(m).map((v, t) => v - x[t]);
  for (let i = 0; i < d; i++) x = x.subarray(1).map((v, t) => v - x[t]);
  return x === y ? y.slice() : x;
}

/**
 * ψ₀…ψ_{h−1} of the model's MA(∞) form including the differencing (ψ₀ = 1): the h-step forecast variance is
 * σ² Σ_{j<h} ψ_j².
 */
export function psiWeights(ar: Float64Array, ma: Float64Array, delta: Float64Array, h: number): Float64Array {
  // Full AR operator: (1 − Σ a B)(1 − Σ δ B) = 1 − Σ c B.
  const c = new Float64Array(ar.length + delta.length);
  for (let i = 0; i < ar.length; i++) c[i] += ar[i];
  for (let j = 0; j < delta.length; j++) {
    c[j] += delta[j];
    for (let i = 0; i < ar.length; i++) c[i + j + 1] -= ar[i] * delta[j];
  }
  const psi = new Float64Array(h);
  psi[0] = 1;
  for (let j = 1; j < h; j++) {
    let v = j <= ma.length ? ma[j - 1] : 0;
    for (let i = 1; i <= Math.min(j, c.length); i++) v += c[i - 1] * psi[j - i];
    psi[j] = v;
  }
  return psi;
}
