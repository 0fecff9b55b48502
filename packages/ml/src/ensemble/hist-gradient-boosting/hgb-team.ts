import { type ParallelTeam, sharedFloat64, sharedInt32, sharedUint8 } from '../../core/parallel';
import { type Allocator, unpooled } from '../../core/working-memory';
import { BITSET_WORDS } from './bitset';
import type { GrowNode } from './grower';
import {
  featureChunks,
  HGB_OP,
  type HgbHistMessage,
  type HgbSharedData,
  HIST_FLAG,
  HIST_ID_MASK,
  histChunks,
  MAX_ROW_CHUNKS,
  MAX_TEAM_LEAVES,
  NODE_SLOTS,
  rowChunks,
  SPLIT_SLOTS,
} from './parallel-kernel';
import { gatherPairs } from './parallel-partition';
import { readTree, treeCapacity, treeSlots } from './parallel-trees';
import { RowPartition } from './partition';
import { completeSplit, type SplitInfo } from './splitting';

/** Below these sizes a node is handled on the caller's thread: waking the team would cost more than it saves. */
const MIN_PARALLEL_CELLS = 1 << 13;
const MIN_PARALLEL_ROWS = 1 << 13;

/**
 * The grower's side of a team: opens the kernel with the fit's shared arrays, registers histogram buffers as the
 * pool creates them, and decides per node whether the team or the caller's thread does the work.
 */
export class HgbTeam {
  readonly #team: ParallelTeam;
  readonly #data: HgbSharedData;
  readonly #histIds = new Map<Float64Array, number>();
  readonly #nFeatures: number;
  readonly #memory: Allocator;
  /**
   * Within a tree whose gradients are the fit's shared ones (`beginTree`): the pair where its class's slice starts,
   * and that the team's splits move only rows, their pairs gathered before each node's histograms.
   */
  #offset = -1;
  #rowsOnly = false;
  readonly #byRow: Float64Array;

  /** `memory`: the fit's lease of working memory (core/working-memory.ts) for the per-row arrays and histograms. */
  constructor(
    team: ParallelTeam,
    data: Omit<
      HgbSharedData,
      | 'mask'
      | 'goesLeft'
      | 'counts'
      | 'leafOf'
      | 'leafStart'
      | 'leafEnd'
      | 'leafValue'
      | 'nodeSums'
      | 'rootSums'
      | 'splitOut'
      | 'splitBits'
      | 'trees'
      | 'treeCapacity'
    >,
    nClasses: number,
    memory: Allocator = unpooled,
  ) {
    this.#team = team;
    this.#memory = memory;
    // Split results: SPLIT's feature blocks, or HIST's chunks for a node and its sibling.
    const nFeatures = data.nBinsNonMissing.length;
    const blocks = Math.max(featureChunks(nFeatures, team.size), 2 * histChunks(nFeatures, team.size));
    const capacity = treeCapacity(data.growerParams.maxLeafNodes, data.nRows);
    this.#data = {
      ...data,
      nodeSums: sharedFloat64(2 * NODE_SLOTS),
      rootSums: sharedFloat64(3),
      splitOut: sharedFloat64(blocks * SPLIT_SLOTS),
      splitBits: sharedInt32(blocks * BITSET_WORDS),
      treeCapacity: capacity,
      trees: nClasses > 1 ? sharedFloat64(nClasses * treeSlots(capacity)) : sharedFloat64(0),
      mask: memory.uint8(data.nRows, true),
      goesLeft: sharedUint8(256),
      counts: sharedInt32(MAX_ROW_CHUNKS),
      leafOf: memory.uint8(data.nRows, true),
      leafStart: sharedInt32(MAX_TEAM_LEAVES),
      leafEnd: sharedInt32(MAX_TEAM_LEAVES),
      leafValue: sharedFloat64(MAX_TEAM_LEAVES),
    };
    this.#nFeatures = data.nBinsNonMissing.length;
    this.#byRow = new Float64Array(
      data.gradients.buffer,
      data.gradients.byteOffset,
      data.gradients.length / 2,
    );
    team.open('hgb', this.#data);
  }

  /**
   * A new tree on the gradients `gh`: when they are (a class's slice of) the fit's shared gradients, the team's
   * splits move rows only and every node's pairs are gathered before its histograms (`gatherFor`, on the team or,
   * for a node built on the caller's thread, by the grower); else splits move rows and pairs together.
   */
  beginTree(gh: Float32Array): void {
    this.#offset = this.#pairOffset(gh);
    this.#rowsOnly = this.#offset >= 0;
  }

  /** Whether the tree's team splits move rows only: then a node's pairs are gathered before its histograms. */
  get rowsOnly(): boolean {
    return this.#rowsOnly;
  }

  /** Fills the pairs of the node `[start, end)` (in the scratch arrays when `inScratch`) from the tree's gradients. */
  gatherFor(start: number, end: number, inScratch: boolean): void {
    if (end - start >= MIN_PARALLEL_ROWS) {
      this.#team.run(HGB_OP.GATHER, start, end, inScratch ? 1 : 0, this.#offset);
      return;
    }
    const { rows, rowScratch, pairs, pairScratch } = this.#data;
    gatherPairs(
      inScratch ? rowScratch : rows,
      inScratch ? pairScratch : pairs,
      this.#byRow,
      this.#offset,
      start,
      end,
    );
  }

  /**
   * Grows the `nClasses` trees of a multiclass iteration side by side (each adds itself to its class's raw
   * predictions) and returns them, class by class, for the tree store.
   */
  growTrees(nClasses: number, constantHessian: boolean): GrowNode[] {
    this.#team.run(HGB_OP.TREES, nClasses, constantHessian ? 1 : 0, 0, 0);
    return Array.from({ length: nClasses }, (_, k) => readTree(this.#data.trees, this.#data.treeCapacity, k));
  }

  /**
   * Puts every row back in one node, in order, with its gradient and hessian from `gh` (a class's slice of the
   * fit's gradients); false when the caller should.
   */
  reset(gh: Float32Array): boolean {
    const { nRows, gradients } = this.#data;
    if (nRows < MIN_PARALLEL_ROWS || gh.buffer !== gradients.buffer) return false;
    this.#team.run(HGB_OP.RESET, (gh.byteOffset - gradients.byteOffset) / 8, 0, 0, 0);
    return true;
  }

  /** The gradients and hessians of every row at the current raw predictions (multiclass: of every class). */
  gradients(): boolean {
    if (this.#data.nRows < MIN_PARALLEL_ROWS) return false;
    this.#team.run(HGB_OP.GRADIENTS, 0, 0, 0, 0);
    return true;
  }

  /** Adds the leaves' values to the raw predictions of class `k`'s rows; false when the caller should. */
  addLeaves(k: number, leaves: readonly { start: number; end: number; value: number }[]): boolean {
    if (this.#data.nRows < MIN_PARALLEL_ROWS || leaves.length > MAX_TEAM_LEAVES) return false;
    const { leafStart, leafEnd, leafValue } = this.#data;
    for (let j = 0; j < leaves.length; j++) {
      leafStart[j] = leaves[j].start;
      leafEnd[j] = leaves[j].end;
      leafValue[j] = leaves[j].value;
    }
    this.#team.run(HGB_OP.LEAF_OF, leaves.length, 0, 0, 0);
    this.#team.run(HGB_OP.RAW, k, 0, 0, 0);
    return true;
  }

  /** A new histogram buffer in shared memory, known to every member. */
  allocateHistogram(size: number): Float64Array {
    const histId = this.#histIds.size;
    // HIST packs two ids in one argument (HIST_ID_MASK); a fit holds about one buffer per leaf.
    if (histId >= HIST_ID_MASK) throw new Error('Internal error: too many histogram buffers for a team.');
    const hist = this.#memory.float64(size, true);
    this.#histIds.set(hist, histId);
    this.#team.post({ histId, hist } satisfies HgbHistMessage);
    return hist;
  }

  /**
   * Builds the node's histograms on the team (its rows in the scratch arrays when `inScratch`), and with
   * `subtractFrom` (the parent's buffer) turns that buffer into the sibling's, parent − node; false when the node
   * is too small to be worth it (then nothing is done). With `scanNode` (the node) and `scanSibling` (the sibling,
   * with `subtractFrom`), each member also scans the features it built for their best split, and `takeSplit` then
   * gives each one's best, with no SPLIT op.
   */
  build(
    start: number,
    end: number,
    constantHessian: boolean,
    inScratch: boolean,
    out: Float64Array,
    countRows = true,
    subtractFrom: Float64Array | null = null,
    scanNode: GrowNode | null = null,
    scanSibling: GrowNode | null = null,
  ): boolean {
    if ((end - start) * this.#nFeatures < MIN_PARALLEL_CELLS) return false;
    this.#data.rootSums[2] = 0;
    let flags =
      (constantHessian ? HIST_FLAG.CONSTANT_HESSIAN : 0) |
      (inScratch ? HIST_FLAG.IN_SCRATCH : 0) |
      (countRows ? 0 : HIST_FLAG.UNCOUNTED);
    if (scanNode !== null) {
      this.#writeNodeSums(scanNode, 0);
      flags |= HIST_FLAG.SCAN_NODE;
    }
    if (scanSibling !== null && subtractFrom !== null) {
      this.#writeNodeSums(scanSibling, 1);
      flags |= HIST_FLAG.SCAN_SIBLING;
    }
    const parent = subtractFrom === null ? 0 : this.#histIds.get(subtractFrom)! + 1;
    if (this.#rowsOnly) this.gatherFor(start, end, inScratch);
    this.#team.run(HGB_OP.HIST, start, end, flags, this.#histIds.get(out)! | (parent << 16));
    return true;
  }

  /**
   * After a `build` that scanned them: the best split of the node (`sibling` false) or of the sibling into `out`.
   * HIST's chunks are not in feature order, so a tie goes to the lower feature, as one scan in feature order
   * would have it.
   */
  takeSplit(node: GrowNode, sibling: boolean, out: SplitInfo): void {
    const chunks = histChunks(this.#nFeatures, this.#team.size);
    const { splitOut } = this.#data;
    const first = sibling ? chunks : 0;
    let best = first;
    for (let k = first + 1; k < first + chunks; k++) {
      const gain = splitOut[k * SPLIT_SLOTS];
      const bestGain = splitOut[best * SPLIT_SLOTS];
      if (
        gain > bestGain ||
        (gain === bestGain && splitOut[k * SPLIT_SLOTS + 1] < splitOut[best * SPLIT_SLOTS + 1])
      )
        best = k;
    }
    this.#readSplit(best, node, out);
  }

  /**
   * The root's histograms on the team, its gradients read from `gh` (a class's slice of the fit's gradients) in
   * row order, before the partition is reset; false when the caller should build them.
   */
  buildRoot(gh: Float32Array, constantHessian: boolean, out: Float64Array): boolean {
    const offset = this.#pairOffset(gh);
    if (offset < 0 || this.#data.nRows * this.#nFeatures < MIN_PARALLEL_CELLS) return false;
    this.#data.rootSums[2] = 0;
    this.#team.run(HGB_OP.HIST_ROOT, offset, 0, constantHessian ? 1 : 0, this.#histIds.get(out)!);
    return true;
  }

  /**
   * Splits the root's rows on the team straight from `gh` into the partition (which needs no reset first) and
   * returns the first right row; -1 when the caller should (`RowPartition.splitRoot`).
   */
  splitRoot(split: SplitInfo, gh: Float32Array): number {
    const offset = this.#pairOffset(gh);
    const { nRows, counts } = this.#data;
    if (offset < 0 || nRows < MIN_PARALLEL_ROWS) return -1;
    const team = this.#team;
    RowPartition.directions(split, this.#data.missingBin, this.#data.goesLeft);
    team.run(HGB_OP.MARK_ROOT, split.feature, 0, 0, 0);
    let position = 0;
    const chunks = rowChunks(nRows, team.size);
    for (let p = 0; p < chunks; p++) position += counts[p];
    team.run(HGB_OP.SCATTER_ROOT, position, offset, this.#rowsOnly ? 1 : 0, 0);
    return position;
  }

  /** Where `gh` starts in the fit's shared gradients, in (gradient, hessian) pairs; -1 if it is not in them. */
  #pairOffset(gh: Float32Array): number {
    const { gradients } = this.#data;
    if (gh.buffer !== gradients.buffer || (gh.byteOffset - gradients.byteOffset) % 8 !== 0) return -1;
    return (gh.byteOffset - gradients.byteOffset) / 8;
  }

  /** After `build` of the root: its gradient and hessian totals into `out`, if a member summed them. */
  rootSums(out: [number, number]): boolean {
    const { rootSums } = this.#data;
    if (rootSums[2] !== 1) return false;
    out[0] = rootSums[0];
    out[1] = rootSums[1];
    return true;
  }

  /**
   * The best split of a node into `out`, its feature blocks scanned on the team; false when there is only one
   * block (the caller scans it). The first best block wins ties, as one scan in feature order would pick.
   */
  findSplit(node: GrowNode, hist: Float64Array, constantHessian: boolean, out: SplitInfo): boolean {
    const blocks = featureChunks(this.#nFeatures, this.#team.size);
    if (blocks < 2) return false;
    const { splitOut } = this.#data;
    this.#writeNodeSums(node, 0);
    this.#team.run(HGB_OP.SPLIT, this.#histIds.get(hist)!, constantHessian ? 1 : 0, 0, 0);
    let best = 0;
    for (let k = 1; k < blocks; k++) if (splitOut[k * SPLIT_SLOTS] > splitOut[best * SPLIT_SLOTS]) best = k;
    this.#readSplit(best, node, out);
    return true;
  }

  /** The node's numbers into `nodeSums` slot `slot`, for the members' scans (parallel-kernel.ts `scanRange`). */
  #writeNodeSums(node: GrowNode, slot: number): void {
    const { nodeSums } = this.#data;
    const at = slot * NODE_SLOTS;
    nodeSums[at] = node.nSamples;
    nodeSums[at + 1] = node.sumGradients;
    nodeSums[at + 2] = node.sumHessians;
    nodeSums[at + 3] = node.value;
    nodeSums[at + 4] = node.start;
    nodeSums[at + 5] = node.end;
    nodeSums[at + 6] = node.inScratch ? 1 : 0;
    nodeSums[at + 7] = node.counted ? 1 : 0;
  }

  /** The split a member's scan left in `splitOut` block `best` into `out`, completed for `node`. */
  #readSplit(best: number, node: GrowNode, out: SplitInfo): void {
    const { splitOut, splitBits, ctx } = this.#data;
    const at = best * SPLIT_SLOTS;
    out.gain = splitOut[at];
    out.feature = splitOut[at + 1];
    out.bin = splitOut[at + 2];
    out.missingGoesLeft = splitOut[at + 3] === 1;
    out.isCategorical = splitOut[at + 4] === 1;
    out.sumGradientLeft = splitOut[at + 5];
    out.sumHessianLeft = splitOut[at + 6];
    out.nLeft = splitOut[at + 7];
    if (out.isCategorical)
      out.leftBins.set(splitBits.subarray(best * BITSET_WORDS, (best + 1) * BITSET_WORDS));
    completeSplit(ctx, node, out);
  }

  /**
   * Splits the node's rows on the team and returns the first right row, or -1 when the node is too small. The
   * children land in the other pair of arrays than the node's (`inScratch`): the caller flips their flag.
   */
  split(split: SplitInfo, start: number, end: number, inScratch: boolean): number {
    if (end - start < MIN_PARALLEL_ROWS) return -1;
    const team = this.#team;
    RowPartition.directions(split, this.#data.missingBin, this.#data.goesLeft);
    team.run(HGB_OP.MARK, start, end, split.feature, inScratch ? 1 : 0);
    let position = start;
    const chunks = rowChunks(end - start, team.size);
    for (let p = 0; p < chunks; p++) position += this.#data.counts[p];
    team.run(HGB_OP.SCATTER, start, end, position, (inScratch ? 1 : 0) | (this.#rowsOnly ? 2 : 0));
    return position;
  }

  /** Moves the node `[start, end)` back from the scratch arrays on the team; false when the caller should. */
  copyBack(start: number, end: number): boolean {
    if (end - start < MIN_PARALLEL_ROWS) return false;
    this.#team.run(HGB_OP.COPY, start, end, this.#rowsOnly ? 1 : 0, 0);
    return true;
  }

  close(): void {
    this.#team.close();
  }
}
