import { partBounds } from '../../core/parallel';
import type { HgbState } from './parallel-kernel';

/**
 * The team's row split (parallel-kernel.ts's MARK, SCATTER, COPY and their root variants), chunk by chunk. A node's
 * rows and their (gradient, hessian) pairs are in `rows`/`pairs` or in `rowScratch`/`pairScratch` (`inScratch`):
 * SCATTER moves them from one pair of arrays to the other, so a split reads and writes each row once instead of
 * also copying the node back (the grower moves its leaves back once the tree is grown, with COPY).
 */

/** MARK: each row's direction into `mask` (1 = left), and the chunk's left rows into `counts`. */
export function mark(
  s: HgbState,
  start: number,
  end: number,
  feature: number,
  inScratch: boolean,
  chunk: number,
  chunks: number,
) {
  const [from, to] = partBounds(start, end, chunk, chunks);
  const { binned, goesLeft, mask } = s;
  const rows = inScratch ? s.rowScratch : s.rows;
  const column = feature * s.nRows;
  let nLeft = 0;
  for (let i = from; i < to; i++) {
    const left = goesLeft[binned[column + rows[i]]];
    mask[i] = left;
    nLeft += left;
  }
  s.counts[chunk] = nLeft;
}

/** Where chunk `chunk`'s first left and first right row go, from the left counts of the chunks before it. */
function chunkCursors(
  s: HgbState,
  start: number,
  end: number,
  position: number,
  chunk: number,
  chunks: number,
): [number, number] {
  let left = start;
  let right = position;
  for (let q = 0; q < chunk; q++) {
    const [from, to] = partBounds(start, end, q, chunks);
    left += s.counts[q];
    right += to - from - s.counts[q];
  }
  return [left, right];
}

/**
 * SCATTER: from the node's arrays (the scratch ones when `inScratch`) into the other pair; with `rowsOnly`, the
 * rows alone (their pairs are gathered before a node's histograms, `gatherPairs`).
 */
export function scatter(
  s: HgbState,
  start: number,
  end: number,
  position: number,
  inScratch: boolean,
  rowsOnly: boolean,
  chunk: number,
  chunks: number,
) {
  let [left, right] = chunkCursors(s, start, end, position, chunk, chunks);
  const [from, to] = partBounds(start, end, chunk, chunks);
  const { mask } = s;
  const rows = inScratch ? s.rowScratch : s.rows;
  const rowScratch = inScratch ? s.rows : s.rowScratch;
  if (rowsOnly) {
    for (let i = from; i < to; i++) {
      const m = mask[i];
      rowScratch[(left & -m) | (right & (m - 1))] = rows[i];
      left += m;
      right += 1 - m;
    }
    return;
  }
  const pairs = inScratch ? s.pairScratch : s.pairs;
  const pairScratch = inScratch ? s.pairs : s.pairScratch;
  // Branch-free: a row's direction is unpredictable, and `m === 1 ? left : right` compiles to a branch (4× slower
  // on random directions, measured); -m and m − 1 are all-ones or zero.
  for (let i = from; i < to; i++) {
    const m = mask[i];
    const at = (left & -m) | (right & (m - 1));
    rowScratch[at] = rows[i];
    pairScratch[at] = pairs[i];
    left += m;
    right += 1 - m;
  }
}

/** MARK of the root: row i is at position i. */
export function markRoot(s: HgbState, feature: number, chunk: number, chunks: number) {
  const [from, to] = partBounds(0, s.nRows, chunk, chunks);
  const { binned, goesLeft, mask } = s;
  const column = feature * s.nRows;
  let nLeft = 0;
  for (let i = from; i < to; i++) {
    const left = goesLeft[binned[column + i]];
    mask[i] = left;
    nLeft += left;
  }
  s.counts[chunk] = nLeft;
}

/**
 * SCATTER of the root, from the row-indexed gradients at pair `offset` (a class's slice) straight into the
 * partition: its rows and pairs are not read, so they need no RESET first and no COPY after. With `rowsOnly`, the
 * rows alone.
 */
export function scatterRoot(
  s: HgbState,
  position: number,
  offset: number,
  rowsOnly: boolean,
  chunk: number,
  chunks: number,
) {
  let [left, right] = chunkCursors(s, 0, s.nRows, position, chunk, chunks);
  const [from, to] = partBounds(0, s.nRows, chunk, chunks);
  const { rows, pairs, mask, gradientPairs } = s;
  if (rowsOnly) {
    for (let i = from; i < to; i++) {
      const m = mask[i];
      rows[(left & -m) | (right & (m - 1))] = i;
      left += m;
      right += 1 - m;
    }
    return;
  }
  for (let i = from; i < to; i++) {
    const m = mask[i];
    const at = (left & -m) | (right & (m - 1));
    rows[at] = i;
    pairs[at] = gradientPairs[offset + i];
    left += m;
    right += 1 - m;
  }
}

export function copyBack(
  s: HgbState,
  start: number,
  end: number,
  rowsOnly: boolean,
  chunk: number,
  chunks: number,
) {
  const [from, to] = partBounds(start, end, chunk, chunks);
  s.rows.set(s.rowScratch.subarray(from, to), from);
  if (!rowsOnly) s.pairs.set(s.pairScratch.subarray(from, to), from);
}

/**
 * The (gradient, hessian) pairs of the rows at positions `[from, to)` from the row-indexed pairs `byRow` (a class's
 * slice from pair `offset`): a team that moves only rows in its splits fills a node's pairs this way before its
 * histograms, as scikit-learn gathers its ordered gradients.
 */
export function gatherPairs(
  rows: Int32Array,
  pairs: Float64Array,
  byRow: Float64Array,
  offset: number,
  from: number,
  to: number,
): void {
  for (let k = from; k < to; k++) pairs[k] = byRow[offset + rows[k]];
}
