import { pairwiseSum } from '../core/pairwise-sum';

/**
 * NumPy's `np.average(values, weights=weights)`: Σ wᵢ·vᵢ / Σ wᵢ, or the plain mean without weights, both summed
 * pairwise as NumPy does so results match scikit-learn's bit for bit.
 */
export function npAverage(values: Float64Array, weights?: Float64Array): number {
  if (weights === undefined) return pairwiseSum(values) / values.length;
  const products = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) products[i] = values[i] * weights[i];
  return pairwiseSum(products) / pairwiseSum(weights);
}
