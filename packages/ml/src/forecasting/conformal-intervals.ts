import type { Forecast } from './forecaster';

/**
 * Split-conformal half-widths per forecast step from backtest residuals (Vovk, Gammerman & Shafer 2005;
 * Stankeviciute et al., "Conformal time-series forecasting", NeurIPS 2021): for level L and k residuals at step
 * h, the ⌈(k + 1)·L/100⌉-th smallest |residual| (the largest when k is too small). Distribution-free, so it
 * also gives intervals to models that have none.
 */
export function conformalIntervals(
  residualsPerHorizon: readonly Float64Array[],
  levels: readonly number[],
): Record<number, Float64Array> {
  const out: Record<number, Float64Array> = {};
  for (const level of levels) {
    out[level] = Float64Array.from(residualsPerHorizon, (residuals) => {
      const abs = residuals.map(Math.abs).sort();
      const k = abs.length;
      if (k === 0) return Number.NaN;
      const rank = Math.min(k, Math.ceil(((k + 1) * level) / 100));
      return abs[rank - 1];
    });
  }
  return out;
}

/** A forecast with symmetric intervals mean ± halfWidth (from `conformalIntervals`), replacing any it had. */
export function withConformalIntervals(
  mean: Float64Array,
  halfWidths: Record<number, Float64Array>,
): Forecast {
  const lower: Record<number, Float64Array> = {};
  const upper: Record<number, Float64Array> = {};
  for (const [level, widths] of Object.entries(halfWidths)) {
    lower[Number(level)] = mean.map((v, h) => v - widths[Math.min(h, widths.length - 1)]);
    upper[Number(level)] = mean.map((v, h) => v + widths[Math.min(h, widths.length - 1)]);
  }
  return { mean, lower, upper };
}

/** The share of actual values inside [lower, upper] over all windows and steps (0..1). */
export function empiricalCoverage(
  actuals: readonly Float64Array[],
  lowers: readonly Float64Array[],
  uppers: readonly Float64Array[],
): number {
  let inside = 0;
  let total = 0;
  actuals.forEach((actual, i) => {
    for (let h = 0; h < actual.length; h++) {
      total++;
      if (actual[h] >= lowers[i][h] && actual[h] <= uppers[i][h]) inside++;
    }
  });
  return total === 0 ? Number.NaN : inside / total;
}
