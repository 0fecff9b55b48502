/**
 * Which categories of one column are grouped as "infrequent" (scikit-learn ≥ 1.1's `_identify_infrequent`):
 * those seen fewer than `minFrequency` times (an int: a count; a float in (0, 1): a fraction of `nRows`), and then,
 * if more than `maxCategories` outputs would remain (the infrequent group counts as one), the least frequent ones
 * until `maxCategories − 1` frequent categories are left (ties: the earlier category stays infrequent first, as
 * NumPy's stable argsort). Returns the indices into the column's categories, ascending.
 */
export function infrequentIndices(
  counts: ArrayLike<number>,
  nRows: number,
  minFrequency: number | null,
  maxCategories: number | null,
): number[] {
  const n = counts.length;
  const infrequent = new Uint8Array(n);
  if (minFrequency !== null) {
    const threshold = Number.isInteger(minFrequency) ? minFrequency : nRows * minFrequency;
    for (let c = 0; c < n; c++) if (counts[c] < threshold) infrequent[c] = 1;
  }
  let nInfrequent = infrequent.reduce((a, b) => a + b, 0);
  // As scikit-learn, the infrequent group is counted as an output even when it is still empty.
  const nOutputs = n - nInfrequent + 1;
  if (maxCategories !== null && maxCategories < nOutputs) {
    const keep = maxCategories - 1;
    const order = Array.from({ length: n }, (_, c) => c).sort((a, b) => counts[a] - counts[b]);
    for (const c of order.slice(0, n - keep)) infrequent[c] = 1;
    nInfrequent = infrequent.reduce((a, b) => a + b, 0);
  }
  const out: number[] = [];
  if (nInfrequent === 0) return out;
  for (let c = 0; c < n; c++) if (infrequent[c]) out.push(c);
  return out;
}
