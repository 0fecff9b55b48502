/**
 * Sorts `values[start:end]` ascending in place, moving `indices` along. Hot kernel of the exact split search; a
 * hand-written 3-way quicksort (Bentley & McIlroy) because columns often hold many equal values (encoded
 * categories, counts) and a comparator sort on an index array is several times slower. Plain version:
 *
 *   order.sort((a, b) => values[a] - values[b])
 */
export function sortPairs(values: Float64Array, indices: Int32Array, start: number, end: number): void {
  while (end - start > 16) {
    // Median of three as the pivot.
    const mid = (start + end) >>> 1;
    const a = values[start];
    const b = values[mid];
    const c = values[end - 1];
    const pivot = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    // Dijkstra partition: [start, lt) < pivot, [lt, i) == pivot, (gt, end) > pivot.
    let lt = start;
    let gt = end - 1;
    let i = start;
    while (i <= gt) {
      const v = values[i];
      if (v < pivot) swap(values, indices, lt++, i++);
      else if (v > pivot) swap(values, indices, i, gt--);
      else i++;
    }
    // Recurse into the smaller side, loop on the larger: O(log n) stack.
    if (lt - start < end - gt - 1) {
      sortPairs(values, indices, start, lt);
      start = gt + 1;
    } else {
      sortPairs(values, indices, gt + 1, end);
      end = lt;
    }
  }
  // Insertion sort for short runs.
  for (let i = start + 1; i < end; i++) {
    const v = values[i];
    const idx = indices[i];
    let j = i - 1;
    while (j >= start && values[j] > v) {
      values[j + 1] = values[j];
      indices[j + 1] = indices[j];
      j--;
    }
    values[j + 1] = v;
    indices[j + 1] = idx;
  }
}

function swap(values: Float64Array, indices: Int32Array, i: number, j: number): void {
  const v = values[i];
  values[i] = values[j];
  values[j] = v;
  const k = indices[i];
  indices[i] = indices[j];
  indices[j] = k;
}
