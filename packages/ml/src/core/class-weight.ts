/**
 * Per-row weights for `classWeight: 'balanced'`: n / (k · n_c), so every class carries the same total weight
 * (scikit-learn's `compute_class_weight`). `null` gives every row weight 1.
 */
export function classSampleWeights(
  y: Int32Array,
  nClasses: number,
  classWeight: 'balanced' | null,
): Float64Array {
  const weights = new Float64Array(y.length).fill(1);
  if (classWeight !== 'balanced') return weights;
  const counts = new Float64Array(nClasses);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  for (let i = 0; i < y.length; i++) weights[i] = y.length / (nClasses * counts[y[i]]);
  return weights;
}
