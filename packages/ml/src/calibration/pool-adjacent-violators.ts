export interface IsotonicOptions {
  sampleWeight?: Float64Array;
  /** Lower and upper bounds the fitted values are clipped to (null: none). */
  yMin?: number | null;
  yMax?: number | null;
  increasing?: boolean;
}

/**
 * In-place pool-adjacent-violators on y with weights w (scikit-learn's `_inplace_contiguous_isotonic_regression`,
 * same single pass with backtracking, so the same floating-point results). Blocks are runs [i..j] with
 * target[i] = j and target[j] = i; y[i] and w[i] hold a block's weighted mean and total weight.
 */
function poolAdjacentViolators(y: Float64Array, w: Float64Array): void {
  const n = y.length;
  const target = Int32Array.from({ length: n }, (_, i) => i);
  let i = 0;
  while (i < n) {
    let k = target[i] + 1;
    if (k === n) break;
    if (y[i] < y[k]) {
      i = k;
      continue;
    }
    let sumWy = w[i] * y[i];
    let sumW = w[i];
    for (;;) {
      // Within a decreasing run: absorb the next block.
      const previousY = y[k];
      sumWy += w[k] * y[k];
      sumW += w[k];
      k = target[k] + 1;
      if (k === n || previousY < y[k]) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        target[i] = k - 1;
        target[k - 1] = i;
        // Backtrack one block so a new violation with the block before is fixed in the same pass.
        if (i > 0) i = target[i - 1];
        break;
      }
    }
  }
  for (i = 0; i < n; ) {
    const k = target[i] + 1;
    y.fill(y[i], i + 1, k);
    i = k;
  }
}

/**
 * The isotonic (monotone) least-squares fit of y in the given order (scikit-learn's `isotonic_regression`): the
 * non-decreasing (or non-increasing) sequence closest to y in weighted squared error, then clipped to
 * [yMin, yMax].
 */
export function isotonicRegression(y: Float64Array, options: IsotonicOptions = {}): Float64Array {
  const { increasing = true, yMin = null, yMax = null } = options;
  const n = y.length;
  const order = (i: number) => (increasing ? i : n - 1 - i);
  const values = Float64Array.from({ length: n }, (_, i) => y[order(i)]);
  const weights = Float64Array.from({ length: n }, (_, i) => options.sampleWeight?.[order(i)] ?? 1);
  poolAdjacentViolators(values, weights);
  const low = yMin ?? Number.NEGATIVE_INFINITY;
  const high = yMax ?? Number.POSITIVE_INFINITY;
  return Float64Array.from({ length: n }, (_, i) => Math.min(high, Math.max(low, values[order(i)])));
}
