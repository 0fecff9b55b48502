/**
 * Piecewise-linear interpolation through the knots (xs increasing), NaN outside [xs[0], xs[last]] and for NaN
 * inputs: what scikit-learn's isotonic predictions get from SciPy's `interp1d` (which calls NumPy's `interp`), same
 * formula, slope · (x − xs[j]) + ys[j], so the same bits. A single knot predicts its value everywhere.
 */
export function interpolate(x: Float64Array, xs: Float64Array, ys: Float64Array): Float64Array {
  const m = xs.length;
  if (m === 1) return new Float64Array(x.length).fill(ys[0]);
  return x.map((v) => {
    if (!(v >= xs[0] && v <= xs[m - 1])) return Number.NaN;
    // The last j with xs[j] ≤ v.
    let lo = 0;
    let hi = m - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (xs[mid] <= v) lo = mid;
      else hi = mid;
    }
    const j = v === xs[m - 1] ? m - 1 : lo;
    if (j === m - 1 || xs[j] === v) return ys[j];
    const slope = (ys[j + 1] - ys[j]) / (xs[j + 1] - xs[j]);
    return slope * (v - xs[j]) + ys[j];
  });
}
