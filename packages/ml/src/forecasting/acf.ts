/**
 * Sample autocorrelations r_1..r_maxLag as R's `acf` computes them: deviations from the mean, every lag divided by
 * the lag-0 sum of squares (the biased estimator, so the sequence is positive definite).
 *
 *   r_k = Σ_{t=1}^{n−k} (x_t − x̄)(x_{t+k} − x̄) / Σ_t (x_t − x̄)²
 *
 * `out[k - 1]` is r_k. A constant series gives zeros.
 */
export function acf(x: Float64Array, maxLag: number): Float64Array {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const centred = new Float64Array(n);
  let denom = 0;
  for (let i = 0; i < n; i++) {
    centred[i] = x[i] - mean;
    denom += centred[i] * centred[i];
  }
  const out = new Float64Array(maxLag);
  if (denom === 0) return out;
  for (let k = 1; k <= maxLag && k < n; k++) {
    let sum = 0;
    for (let t = 0; t + k < n; t++) sum += centred[t] * centred[t + k];
    out[k - 1] = sum / denom;
  }
  return out;
}
