import { type Allocator, unpooled } from '../../core/working-memory';
import { hasBit } from './bitset';
import type { SplitInfo } from './splitting';

/**
 * The rows of a growing tree, node by node (LightGBM's `DataPartition`, scikit-learn's `Splitter.partition`):
 * every node owns a contiguous range of one row-index array, and splitting a node reorders its range so the left
 * child's rows come first. The partition is stable — both children keep their rows in increasing order — so
 * histograms sum in the same order as scikit-learn's.
 *
 *   rows = [ … | a b c d e f g h | … ]   →   [ … | a c d g | b e f h | … ]
 *               start         end               start   ↑ first right row
 *
 * The gradients and hessians travel with the rows (`gh[2k]`, `gh[2k + 1]` belong to `rows[k]`), so a node's
 * histograms read them sequentially instead of gathering them through the row indices.
 */
export class RowPartition {
  readonly rows: Int32Array;
  readonly gh: Float32Array;
  // The same (gradient, hessian) float32 pairs seen as one 8-byte number each, to move both in one step: the
  // bits are copied as they are (a pair would only read as NaN if its hessian were NaN or infinite, which
  // the losses never produce).
  readonly pairs: Float64Array;
  readonly rowScratch: Int32Array;
  readonly pairScratch: Float64Array;
  /** `pairScratch` as float32 (gradient, hessian) pairs: a team's split leaves its children there (hgb-team.ts). */
  readonly ghScratch: Float32Array;
  readonly #goesLeft = new Uint8Array(256);
  /** Whether `split` keeps its right rows in the node's own range of the scratch arrays (see `split`). */
  readonly #scratchInNode: boolean;

  /**
   * With `shared`, the arrays live in `SharedArrayBuffer`s so a `ParallelTeam` can work on them; `memory` is a fit's
   * lease of working memory (core/working-memory.ts) or new memory.
   */
  constructor(nRows: number, shared = false, memory: Allocator = unpooled) {
    this.rows = memory.int32(nRows, shared);
    this.pairs = memory.float64(nRows, shared);
    this.gh = new Float32Array(this.pairs.buffer);
    this.rowScratch = memory.int32(nRows, shared);
    this.pairScratch = memory.float64(nRows, shared);
    this.ghScratch = new Float32Array(this.pairScratch.buffer);
    this.#scratchInNode = shared;
  }

  /** Moves the node `[start, end)` from the scratch arrays, where a team's split left it, back to `rows`/`pairs`. */
  copyBack(start: number, end: number): void {
    this.rows.set(this.rowScratch.subarray(start, end), start);
    this.pairs.set(this.pairScratch.subarray(start, end), start);
  }

  /** Which bins go left under `split`, as 0/1 per bin (256 entries), into `out`. */
  static directions(split: SplitInfo, missingBin: number, out: Uint8Array): void {
    if (split.isCategorical) {
      for (let b = 0; b < 256; b++) out[b] = hasBit(split.leftBins, 0, b) ? 1 : 0;
      return;
    }
    // Numeric: bins 0..bin go left, the rest right, and the missing bin as learned (two fills: this runs per split,
    // and on small nodes a 256-step loop would cost more than the rows).
    out.fill(1, 0, split.bin + 1);
    out.fill(0, split.bin + 1, 256);
    out[missingBin] = split.missingGoesLeft || split.bin >= missingBin ? 1 : 0;
  }

  /** Every row in one node, in order, with its gradient and hessian from `gh` (row-indexed). */
  reset(gh: Float32Array): void {
    const rows = this.rows;
    for (let i = 0; i < rows.length; i++) rows[i] = i;
    this.gh.set(gh.subarray(0, 2 * rows.length));
  }

  /**
   * `reset(gh)` then `split` of the whole range in one pass, reading the rows in order and their gradients from
   * `gh` (row-indexed, 8-byte aligned) instead of from this partition: a tree's root needs neither the identity
   * rows nor the copied gradients written first. Returns the position of the first right row.
   */
  splitRoot(split: SplitInfo, binned: Uint8Array, missingBin: number, gh: Float32Array): number {
    const goesLeft = this.#goesLeft;
    RowPartition.directions(split, missingBin, goesLeft);
    const { rows, pairs, rowScratch, pairScratch } = this;
    const n = rows.length;
    const byRow = new Float64Array(gh.buffer, gh.byteOffset, n);
    const column = split.feature * n;
    let write = 0;
    let nRight = 0;
    // As in `split`, with row r at position r.
    for (let r = 0; r < n; r++) {
      const pair = byRow[r];
      const left = goesLeft[binned[column + r]];
      rows[write] = r;
      pairs[write] = pair;
      rowScratch[nRight] = r;
      pairScratch[nRight] = pair;
      write += left;
      nRight += 1 - left;
    }
    rows.set(rowScratch.subarray(0, nRight), write);
    pairs.set(pairScratch.subarray(0, nRight), write);
    return write;
  }

  /** Splits the node `[start, end)` by `split` and returns the position of its first right row. */
  split(
    split: SplitInfo,
    binned: Uint8Array,
    nRows: number,
    missingBin: number,
    start: number,
    end: number,
  ): number {
    // One lookup per row for both kinds of split: numeric (bin ≤ threshold, plus the missing bin when missing
    // values go left) and categorical (the bins in the left set, the missing bin included when it goes left).
    const goesLeft = this.#goesLeft;
    RowPartition.directions(split, missingBin, goesLeft);
    const rows = this.rows;
    const pairs = this.pairs;
    const rowScratch = this.rowScratch;
    const pairScratch = this.pairScratch;
    const column = split.feature * nRows;
    let write = start;
    // The right rows wait at the start of the scratch arrays (hot in the cache), or in the node's own range of them
    // when a team shares the partition: it keeps other nodes' rows in the rest (hgb-team.ts).
    const base = this.#scratchInNode ? start : 0;
    let right = base;
    // Branch-free (a row's direction is unpredictable): write the row to both sides, advance one of them.
    // Plain version: if (goesLeft[bin]) keep it at rows[write++]; else move it to scratch[right++].
    for (let i = start; i < end; i++) {
      const r = rows[i];
      const pair = pairs[i];
      const left = goesLeft[binned[column + r]];
      rows[write] = r;
      pairs[write] = pair;
      rowScratch[right] = r;
      pairScratch[right] = pair;
      write += left;
      right += 1 - left;
    }
    rows.set(rowScratch.subarray(base, right), write);
    pairs.set(pairScratch.subarray(base, right), write);
    return write;
  }
}
