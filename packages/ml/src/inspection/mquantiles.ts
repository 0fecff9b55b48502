/**
 * Quantiles by SciPy's `mstats.mquantiles` with its defaults α = β = 0.4 (Hyndman & Fan's type between 7 and 8),
 * which scikit-learn's partial dependence uses for its grid ends; same arithmetic, so the same grid.
 */
export function mquantiles(values: Float64Array, probabilities: readonly number[]): number[] {
  const x = Float64Array.from(values).sort();
  const n = x.length;
  if (n === 1) return probabilities.map(() => x[0]);
  const alpha = 0.4;
  const beta = 0.4;
  return probabilities.map((p) => {
    const m = alpha + p * (1 - alpha - beta);
    const aleph = n * p + m;
    const k = Math.floor(Math.min(n - 1, Math.max(1, aleph)));
    const gamma = Math.min(1, Math.max(0, aleph - k));
    return (1 - gamma) * x[k - 1] + gamma * x[k];
  });
}
