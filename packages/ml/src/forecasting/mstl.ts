import { MlError } from '../core/errors';
import { stl } from './stl';

export interface MstlResult {
  trend: Float64Array;
  /** One seasonal component per kept period, in increasing period order. */
  seasonals: Float64Array[];
  periods: number[];
  remainder: Float64Array;
}

/**
 * Multiple seasonal decomposition, as R's `forecast::mstl` (Bandara, Hyndman & Bergmeir 2021): periods with
 * fewer than two full cycles are dropped; each seasonal component is re-estimated by STL (seasonal windows
 * 11, 15, 19, …) on the series minus the other components, `iterate` times (once for a single period); the
 * trend is the last STL's.
 */
export function mstl(
  y: Float64Array,
  periods: readonly number[],
  options: { iterate?: number } = {},
): MstlResult {
  const n = y.length;
  const kept = [...new Set(periods)].filter((p) => p > 1 && p < n / 2).sort((a, b) => a - b);
  if (kept.length === 0) {
    throw new MlError(
      'TOO_FEW_ROWS',
      `MSTL needs at least one period p > 1 with two full cycles in the ${n} points (periods given: ${periods.join(', ')}).`,
    );
  }
  const iterate = kept.length === 1 ? 1 : Math.max(1, options.iterate ?? 2);
  const seasonals: Float64Array[] = kept.map(() => new Float64Array(n));
  const deseasonalised = y.slice();
  let trend: Float64Array = new Float64Array(n);
  for (let pass = 0; pass < iterate; pass++) {
    kept.forEach((period, i) => {
      const s = seasonals[i];
      for (let t = 0; t < n; t++) deseasonalised[t] += s[t];
      const fit = stl(deseasonalised, period, { seasonalWindow: 7 + 4 * (i + 1) });
      seasonals[i] = fit.seasonal;
      for (let t = 0; t < n; t++) deseasonalised[t] -= fit.seasonal[t];
      trend = fit.trend;
    });
  }
  const remainder = new Float64Array(n);
  for (let t = 0; t < n; t++) remainder[t] = deseasonalised[t] - trend[t];
  return { trend, seasonals, periods: kept, remainder };
}

/**
 * Strength of each seasonal component (Wang, Smith & Hyndman 2006): max(0, 1 − var(R) / var(S + R)), from an
 * MSTL decomposition. R's `nsdiffs` takes a seasonal difference when it exceeds 0.64.
 */
export function seasonalStrength(y: Float64Array, periods: readonly number[]): number[] {
  const { seasonals, remainder } = mstl(y, periods);
  const varR = variance(remainder);
  return seasonals.map((s) => {
    const sum = new Float64Array(s.length);
    for (let t = 0; t < s.length; t++) sum[t] = s[t] + remainder[t];
    return Math.max(0, Math.min(1, 1 - varR / variance(sum)));
  });
}

function variance(x: Float64Array): number {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  return ss / (x.length - 1);
}
