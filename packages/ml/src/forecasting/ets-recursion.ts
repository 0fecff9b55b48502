import type { EtsSmoothing, EtsSpec } from './ets-spec';

export interface EtsFilterResult {
  /** −2·log-likelihood up to a constant: n·log Σe² (+ 2 Σ log|ŷ| for multiplicative errors). */
  lik: number;
  /** Mean squared one-step error on the original scale. */
  mse: number;
}

const TOL = 1e-10;
const HUGE = 1e10;

/**
 * Runs the ETS recursions over y from the initial state x0 (layout in `ets-spec.ts`), in the error-correction
 * form shared by both error types (Hyndman et al. 2008, table 2.1):
 *
 *   q = ℓ + φb                       level part of the one-step forecast
 *   ŷ = q + s (A season), q·s (M), q
 *   ℓ' = q + α(p − q),   p = y − s, y / s or y
 *   b' = φb + (β/α)(ℓ' − ℓ − φb)
 *   s' = s + γ(y − q − s) or s + γ(y/q − s)
 *
 * The seasonal states live in a ring of m slots, slot t mod m holding the state for observation t, so one step
 * costs O(1) instead of shifting m values. When `residuals` is given it receives the errors (y − ŷ or
 * (y − ŷ)/ŷ), `fitted` the one-step forecasts, and `finalState` the state after the last observation.
 */
export function etsFilter(
  y: Float64Array,
  spec: EtsSpec,
  par: EtsSmoothing,
  x0: Float64Array,
  out: { residuals?: Float64Array; fitted?: Float64Array; finalState?: Float64Array } = {},
): EtsFilterResult {
  const n = y.length;
  const { alpha, beta, gamma, phi } = par;
  const hasTrend = spec.trend !== 'N';
  const seasonType = spec.season === 'N' ? 0 : spec.season === 'A' ? 1 : 2;
  const multError = spec.error === 'M';
  const m = seasonType === 0 ? 1 : spec.m;
  const sOffset = hasTrend ? 2 : 1;
  const seas = new Float64Array(m);
  // Slot t mod m holds the state used at time t: the initial s_{m−1−t}.
  if (seasonType !== 0) for (let t = 0; t < m; t++) seas[t] = x0[sOffset + m - 1 - t];
  let level = x0[0];
  let slope = hasTrend ? x0[1] : 0;
  const betaStar = hasTrend ? beta / alpha : 0;
  let sse = 0;
  let sseRaw = 0;
  let logSum = 0;
  const { residuals, fitted } = out;
  for (let t = 0; t < n; t++) {
    const slot = t % m;
    const sOld = seas[slot];
    const phib = hasTrend ? phi * slope : 0;
    const q = level + phib;
    const f = seasonType === 0 ? q : seasonType === 1 ? q + sOld : q * sOld;
    const yt = y[t];
    const raw = yt - f;
    const e = multError ? raw / f : raw;
    sse += e * e;
    sseRaw += raw * raw;
    if (multError) logSum += Math.log(Math.abs(f));
    if (residuals) residuals[t] = e;
    if (fitted) fitted[t] = f;
    const p = seasonType === 0 ? yt : seasonType === 1 ? yt - sOld : Math.abs(sOld) < TOL ? HUGE : yt / sOld;
    const newLevel = q + alpha * (p - q);
    if (hasTrend) slope = phib + betaStar * (newLevel - level - phib);
    if (seasonType === 1) seas[slot] = sOld + gamma * (yt - q - sOld);
    else if (seasonType === 2) seas[slot] = sOld + gamma * ((Math.abs(q) < TOL ? HUGE : yt / q) - sOld);
    level = newLevel;
  }
  const { finalState } = out;
  if (finalState) {
    finalState[0] = level;
    if (hasTrend) finalState[1] = slope;
    // s_j of the final state = the seasonal state of time n − 1 − j.
    if (seasonType !== 0)
      for (let j = 0; j < m; j++) finalState[sOffset + j] = seas[(((n - 1 - j) % m) + m) % m];
  }
  let lik = n * Math.log(sse);
  if (multError) lik += 2 * logSum;
  return { lik, mse: sseRaw / n };
}
