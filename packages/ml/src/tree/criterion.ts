/**
 * Split criteria over sufficient statistics kept in flat arrays:
 *
 *   classification (gini, entropy):  stats = [w₀, w₁, …, w_{K−1}]  weighted class counts
 *   regression (squared_error):       stats = [Σw, Σw·y, Σw·y²]
 */
export type Criterion = 'gini' | 'entropy' | 'squared_error';

export function statsSize(criterion: Criterion, nClasses: number): number {
  return criterion === 'squared_error' ? 3 : nClasses;
}

export function totalWeight(criterion: Criterion, stats: Float64Array, dim: number): number {
  if (criterion === 'squared_error') return stats[0];
  let sum = 0;
  for (let k = 0; k < dim; k++) sum += stats[k];
  return sum;
}

/** The impurity of a node from its statistics (entropy in bits, as scikit-learn). */
export function impurity(criterion: Criterion, stats: Float64Array, dim: number): number {
  const weight = totalWeight(criterion, stats, dim);
  if (weight <= 0) return 0;
  if (criterion === 'squared_error') {
    const mean = stats[1] / weight;
    return Math.max(0, stats[2] / weight - mean * mean);
  }
  let out = criterion === 'gini' ? 1 : 0;
  for (let k = 0; k < dim; k++) {
    const p = stats[k] / weight;
    if (p <= 0) continue;
    out -= criterion === 'gini' ? p * p : p * Math.log2(p);
  }
  return out;
}

/**
 * A quantity that orders candidate splits like the impurity decrease but is cheaper (scikit-learn's
 * `proxy_impurity_improvement`): larger is better. For squared error and gini it drops the terms that do not
 * depend on the split, e.g. for squared error −(W_L·MSE_L + W_R·MSE_R) + const = (Σ_L w y)²/W_L + (Σ_R w y)²/W_R.
 */
export function splitProxy(
  criterion: Criterion,
  left: Float64Array,
  right: Float64Array,
  dim: number,
): number {
  if (criterion === 'squared_error') return (left[1] * left[1]) / left[0] + (right[1] * right[1]) / right[0];
  const wl = totalWeight(criterion, left, dim);
  const wr = totalWeight(criterion, right, dim);
  if (criterion === 'gini') {
    let sl = 0;
    let sr = 0;
    for (let k = 0; k < dim; k++) {
      sl += left[k] * left[k];
      sr += right[k] * right[k];
    }
    return sl / wl + sr / wr;
  }
  return -(wl * impurity(criterion, left, dim) + wr * impurity(criterion, right, dim));
}
