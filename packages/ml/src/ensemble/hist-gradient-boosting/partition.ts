import { hasBit } from './bitset';
import type { SplitInfo } from './splitting';

/**
 * Splits a node's rows in place (LightGBM's `DataPartition`, scikit-learn's `Splitter.split_indices`): every node
 * owns a contiguous range of one row-index array, and splitting it reorders that range so the left child's rows
 * come first. The partition is stable — both children keep their rows in increasing order — so the histogram
 * passes read the binned columns forwards and sum in the same order as scikit-learn.
 *
 *   rows = [ … | a b c d e f g h | … ]   →   [ … | a c d g | b e f h | … ]
 *               start         end               start   ↑ returned position
 *
 * `goesLeft` (256 entries, overwritten) and `scratch` (one slot per row) are reusable buffers. Returns the position
 * of the first right row.
 */
export function partitionRows(
  split: SplitInfo,
  binned: Uint8Array,
  nRows: number,
  missingBin: number,
  rows: Int32Array,
  start: number,
  end: number,
  scratch: Int32Array,
  goesLeft: Uint8Array,
): number {
  // One lookup per row for both kinds of split: numeric (bin ≤ threshold, plus the missing bin when missing
  // values go left) and categorical (the bins in the left set, the missing bin included when it goes left).
  for (let b = 0; b < 256; b++) {
    const left = split.isCategorical
      ? hasBit(split.leftBins, 0, b)
      : b <= split.bin || (split.missingGoesLeft && b === missingBin);
    goesLeft[b] = left ? 1 : 0;
  }
  const column = split.feature * nRows;
  let write = start;
  let nRight = 0;
  // Branch-free (a row's direction is unpredictable): write the row to both sides, advance one of them.
  // Plain version: if (goesLeft[bin]) rows[write++] = r; else scratch[nRight++] = r;
  for (let i = start; i < end; i++) {
    const r = rows[i];
    const left = goesLeft[binned[column + r]];
    rows[write] = r;
    scratch[nRight] = r;
    write += left;
    nRight += 1 - left;
  }
  rows.set(scratch.subarray(0, nRight), write);
  return write;
}
