import { classicalDecomposition } from './classical-decomposition';
import { ETS_LOWER, ETS_UPPER } from './ets-admissible';
import type { EtsSmoothing, EtsSpec } from './ets-spec';

/**
 * Starting smoothing parameters, as R's `forecast::ets` (`initparam`): α a fifth of the way into its range
 * divided by m, β a tenth of the way to α, γ 5% of the way to 1 − α, φ 99% of the way to its upper bound.
 */
export function initialSmoothing(spec: EtsSpec): EtsSmoothing {
  const m = spec.season === 'N' ? 1 : spec.m;
  let alpha = ETS_LOWER[0] + (0.2 * (ETS_UPPER[0] - ETS_LOWER[0])) / m;
  if (alpha > 1 || alpha < 0) alpha = ETS_LOWER[0] + 2e-3;
  let beta = 0;
  if (spec.trend !== 'N') {
    const upper = Math.min(ETS_UPPER[1], alpha);
    beta = ETS_LOWER[1] + 0.1 * (upper - ETS_LOWER[1]);
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
  }
  let gamma = 0;
  if (spec.season !== 'N') {
    const upper = Math.min(ETS_UPPER[2], 1 - alpha);
    gamma = ETS_LOWER[2] + 0.05 * (upper - ETS_LOWER[2]);
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
  }
  let phi = 1;
  if (spec.damped) phi = ETS_LOWER[3] + 0.99 * (ETS_UPPER[3] - ETS_LOWER[3]);
  return { alpha, beta, gamma, phi };
}

/**
 * Starting states, as R's `initstate`: the seasonal states from a classical decomposition (the m − 1 free ones;
 * the last makes them sum to 0 or m), then the level (and slope) from a regression on the first
 * max(10, 2m) seasonally adjusted values. Returns the free states: [ℓ, b?, s₀ … s_{m−2}].
 */
export function initialStates(y: Float64Array, spec: EtsSpec): Float64Array {
  const n = y.length;
  const seasonal = spec.season !== 'N';
  const m = seasonal ? spec.m : 1;
  let adjusted = y;
  let seeds: Float64Array = new Float64Array(0);
  if (seasonal) {
    const multiplicative = spec.season === 'M';
    const { figure } = classicalDecomposition(y, m, multiplicative ? 'multiplicative' : 'additive');
    // s₀ … s_{m−2} = the indices of cycle positions m−1 … 1.
    seeds = new Float64Array(m - 1);
    for (let j = 0; j < m - 1; j++) seeds[j] = figure[m - 1 - j];
    if (multiplicative) {
      let sum = 0;
      for (let j = 0; j < m - 1; j++) {
        seeds[j] = Math.max(seeds[j], 1e-2);
        sum += seeds[j];
      }
      if (sum > m) for (let j = 0; j < m - 1; j++) seeds[j] /= sum + 1e-2 * (m - 1);
    }
    adjusted = new Float64Array(n);
    for (let t = 0; t < n; t++) {
      const s = figure[t % m];
      adjusted[t] = multiplicative ? y[t] / Math.max(s, 1e-2) : y[t] - s;
    }
  }
  const maxn = Math.min(Math.max(10, 2 * m), n);
  const states: number[] = [];
  if (spec.trend === 'N') {
    let sum = 0;
    for (let t = 0; t < maxn; t++) sum += adjusted[t];
    states.push(sum / maxn);
  } else {
    // Least squares of adjusted[t] on t = 1..maxn.
    let sx = 0;
    let sy = 0;
    for (let t = 0; t < maxn; t++) {
      sx += t + 1;
      sy += adjusted[t];
    }
    const mx = sx / maxn;
    const my = sy / maxn;
    let sxy = 0;
    let sxx = 0;
    for (let t = 0; t < maxn; t++) {
      sxy += (t + 1 - mx) * (adjusted[t] - my);
      sxx += (t + 1 - mx) ** 2;
    }
    let b0 = sxx === 0 ? 0 : sxy / sxx;
    let l0 = my - b0 * mx;
    if (Math.abs(l0 + b0) < 1e-8) {
      l0 *= 1 + 1e-3;
      b0 *= 1 - 1e-3;
    }
    states.push(l0, b0);
  }
  const out = new Float64Array(states.length + seeds.length);
  out.set(states);
  out.set(seeds, states.length);
  return out;
}
