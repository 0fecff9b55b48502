import type { Rng } from '../core/rng';

/** A standard normal draw by the Box–Muller transform on the seeded generator (one of the pair is used). */
export function standardNormal(rng: Rng): number {
  let u = 0;
  while (u === 0) u = rng.nextFloat();
  const v = rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** The `q`-quantile (0..1) of sorted values, with linear interpolation (R's type 7). */
export function sortedQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}
