/**
 * Percentiles of the values with linear interpolation between order statistics, computed exactly as NumPy 1.24's
 * `np.percentile(values, q)` (method 'linear': virtual index (n − 1)·q/100, and the lerp that measures from the
 * nearer neighbour), so quantile bin edges match scikit-learn's bit for bit.
 */
export function percentile(values: Float64Array, q: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return q.map((percent) => {
    const virtual = (n - 1) * (percent / 100);
    if (virtual >= n - 1) return sorted[n - 1];
    if (virtual < 0) return sorted[0];
    const previous = Math.floor(virtual);
    const a = sorted[previous];
    const b = sorted[previous + 1];
    const t = virtual - previous;
    const diff = b - a;
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  });
}
