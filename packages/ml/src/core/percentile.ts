/**
 * The q-th percentile (0 ≤ q ≤ 100) of the non-missing values, NaN when none, with NumPy's default 'linear'
 * method: position h = q/100 · (n − 1) in the sorted values, interpolated between its neighbours with NumPy's
 * `_lerp` (which computes from the upper neighbour when the fraction is ≥ ½, so results match bit for bit).
 */
export function nanPercentile(values: Float64Array, q: number): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (q / 100) * (n - 1);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const t = h - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
