import { acf } from './acf';

/**
 * The M4 competition's seasonality test (`SeasonalityTest` in the organisers' benchmark code): a series is
 * seasonal when its autocorrelation at lag m exceeds the 90% one-sided limit of Bartlett's formula,
 *
 *   |r_m| > 1.645 · √((1 + 2 Σ_{k<m} r_k²) / n),
 *
 * and it is never seasonal for m <= 1 or with fewer than three full cycles.
 */
export function seasonalityTest(y: Float64Array, m: number): boolean {
  const n = y.length;
  if (m <= 1 || n < 3 * m) return false;
  const r = acf(y, m);
  let sumSq = 0;
  for (let k = 0; k < m - 1; k++) sumSq += r[k] * r[k];
  const limit = (1.645 * Math.sqrt(1 + 2 * sumSq)) / Math.sqrt(n);
  return Math.abs(r[m - 1]) > limit;
}
