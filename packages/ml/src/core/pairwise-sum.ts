/**
 * The sum NumPy's `np.sum` returns for a contiguous float64 array: pairwise summation over blocks of at most 128
 * values, each summed by 8 interleaved accumulators (`pairwise_sum` in numpy/core/src/umath/loops_utils.h.src).
 * Adding in the same order makes means and averages bit-identical to scikit-learn's, not merely close. Plain
 * version:
 *
 *   let sum = 0; for (let i = start; i < end; i++) sum += values[i];
 */
export function pairwiseSum(values: ArrayLike<number>, start = 0, end = values.length): number {
  const n = end - start;
  if (n < 8) {
    let sum = 0;
    for (let i = start; i < end; i++) sum += values[i];
    return sum;
  }
  if (n <= 128) {
    const r = new Float64Array(8);
    for (let j = 0; j < 8; j++) r[j] = values[start + j];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += values[start + i + j];
    let sum = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) sum += values[start + i];
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return pairwiseSum(values, start, start + half) + pairwiseSum(values, start + half, end);
}
