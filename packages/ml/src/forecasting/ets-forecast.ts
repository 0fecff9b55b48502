import { Rng } from '../core/rng';
import { type EtsSmoothing, type EtsSpec, isLinearClass } from './ets-spec';
import type { Forecast } from './forecaster';
import { sortedQuantile, standardNormal } from './gaussian';
import { normalIntervals } from './normal-intervals';

/** Point forecasts from a state [ℓ, b?, s₀ … s_{m−1}]: (ℓ + (φ + … + φʰ)b) combined with s_{(m−h) mod m}. */
export function etsPointForecast(spec: EtsSpec, par: EtsSmoothing, state: Float64Array, horizon: number) {
  const out = new Float64Array(horizon);
  const hasTrend = spec.trend !== 'N';
  const m = spec.season === 'N' ? 1 : spec.m;
  const sOffset = hasTrend ? 2 : 1;
  let phiSum = 0;
  let phiPower = 1;
  for (let h = 0; h < horizon; h++) {
    phiPower *= par.phi;
    phiSum += spec.damped ? phiPower : 1;
    let f = state[0] + (hasTrend ? phiSum * state[1] : 0);
    if (spec.season !== 'N') {
      const s = state[sOffset + ((((m - 1 - h) % m) + m) % m)];
      f = spec.season === 'A' ? f + s : f * s;
    }
    out[h] = f;
  }
  return out;
}

/**
 * Forecast variances of a linear (class 1) model: var_h = σ²(1 + Σ_{j<h} c_j²) with c_j = w′F^{j−1}g, the
 * state-space form y_t = w′x_{t−1} + ε_t, x_t = Fx_{t−1} + gε_t (Hyndman et al. 2008, §6.3).
 */
export function etsLinearVariance(spec: EtsSpec, par: EtsSmoothing, sigma2: number, horizon: number) {
  const hasTrend = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  const m = seasonal ? spec.m : 0;
  const p = 1 + (hasTrend ? 1 : 0) + m;
  const sOffset = hasTrend ? 2 : 1;
  const phi = spec.damped ? par.phi : 1;
  let v = new Float64Array(p);
  v[0] = par.alpha;
  if (hasTrend) v[1] = par.beta;
  if (seasonal) v[sOffset] = par.gamma;
  const variance = new Float64Array(horizon);
  let acc = 1;
  variance[0] = sigma2;
  for (let h = 1; h < horizon; h++) {
    // c = w′v, then v ← Fv.
    const c = v[0] + (hasTrend ? phi * v[1] : 0) + (seasonal ? v[p - 1] : 0);
    acc += c * c;
    variance[h] = sigma2 * acc;
    const next = new Float64Array(p);
    next[0] = v[0] + (hasTrend ? phi * v[1] : 0);
    if (hasTrend) next[1] = phi * v[1];
    if (seasonal) {
      next[sOffset] = v[p - 1];
      for (let j = 1; j < m; j++) next[sOffset + j] = v[sOffset + j - 1];
    }
    v = next;
  }
  return variance;
}

/**
 * Intervals by simulating future sample paths from the fitted model (as R's `simulate.ets`): draws ε ~ N(0, σ²),
 * feeds each simulated observation back through the recursions, and takes empirical quantiles per step.
 */
export function etsSimulatedIntervals(
  spec: EtsSpec,
  par: EtsSmoothing,
  state: Float64Array,
  sigma2: number,
  horizon: number,
  levels: readonly number[],
  nPaths: number,
  seed: number,
): Pick<Forecast, 'lower' | 'upper'> {
  const rng = new Rng(seed);
  const sigma = Math.sqrt(sigma2);
  const draws = Array.from({ length: horizon }, () => new Float64Array(nPaths));
  const hasTrend = spec.trend !== 'N';
  const m = spec.season === 'N' ? 1 : spec.m;
  const sOffset = hasTrend ? 2 : 1;
  const seas = new Float64Array(m);
  for (let path = 0; path < nPaths; path++) {
    let level = state[0];
    let slope = hasTrend ? state[1] : 0;
    // Ring as in etsFilter: slot h mod m holds the seasonal state for step h.
    if (spec.season !== 'N') for (let h = 0; h < m; h++) seas[h] = state[sOffset + m - 1 - h];
    for (let h = 0; h < horizon; h++) {
      const slot = h % m;
      const sOld = seas[slot];
      const phib = hasTrend ? par.phi * slope : 0;
      const q = level + phib;
      const f = spec.season === 'N' ? q : spec.season === 'A' ? q + sOld : q * sOld;
      const e = sigma * standardNormal(rng);
      const y = spec.error === 'A' ? f + e : f * (1 + e);
      draws[h][path] = y;
      const p = spec.season === 'N' ? y : spec.season === 'A' ? y - sOld : y / sOld;
      const newLevel = q + par.alpha * (p - q);
      if (hasTrend) slope = phib + (par.beta / par.alpha) * (newLevel - level - phib);
      if (spec.season === 'A') seas[slot] = sOld + par.gamma * (y - q - sOld);
      else if (spec.season === 'M') seas[slot] = sOld + par.gamma * (y / q - sOld);
      level = newLevel;
    }
  }
  const lower: Record<number, Float64Array> = {};
  const upper: Record<number, Float64Array> = {};
  for (const level of levels) {
    lower[level] = new Float64Array(horizon);
    upper[level] = new Float64Array(horizon);
  }
  for (let h = 0; h < horizon; h++) {
    const sorted = draws[h].sort();
    for (const level of levels) {
      lower[level][h] = sortedQuantile(sorted, 0.5 - level / 200);
      upper[level][h] = sortedQuantile(sorted, 0.5 + level / 200);
    }
  }
  return { lower, upper };
}

/** Point forecasts and intervals: analytic for linear models, simulated otherwise. */
export function etsForecast(
  spec: EtsSpec,
  par: EtsSmoothing,
  state: Float64Array,
  sigma2: number,
  horizon: number,
  levels: readonly number[],
  simulation: { nPaths: number; seed: number },
): Forecast {
  const mean = etsPointForecast(spec, par, state, horizon);
  if (isLinearClass(spec)) {
    const variance = etsLinearVariance(spec, par, sigma2, horizon);
    const sd = variance.map(Math.sqrt);
    return { mean, ...normalIntervals(mean, sd, levels) };
  }
  return {
    mean,
    ...etsSimulatedIntervals(spec, par, state, sigma2, horizon, levels, simulation.nPaths, simulation.seed),
  };
}
