import { type ParallelKernel, partBounds } from '../../core/parallel';
import { BITSET_WORDS } from './bitset';
import type { GrowerParams } from './grower';
import { HistogramBuilder } from './histogram';
import { type BoostingLoss, lossByName } from './loss';
import { copyBack, gatherPairs, mark, markRoot, scatter, scatterRoot } from './parallel-partition';
import { TreeTask } from './parallel-trees';
import { type SplitContext, SplitInfo, SplitScratch, scanFeatures } from './splitting';

/**
 * The parts of growing a tree that a `ParallelTeam` runs on several threads (scikit-learn does the same with
 * OpenMP, LightGBM with its own thread pool):
 *
 * - HIST: a node's histograms, in blocks of features (disjoint parts of the buffer, see `histChunks`), and when
 *   asked the sibling's by subtraction from the parent's, each block by the member that built it; when asked, the
 *   member then scans its block for the best split of the node and of the sibling (`SCAN_NODE`, `SCAN_SIBLING`),
 *   while the histograms are still in its cache, instead of a SPLIT op per child;
 * - MARK, SCATTER: splitting a node's rows, in chunks of rows. MARK notes each row's direction and counts the
 *   left rows of its chunk; from the counts every chunk's left and right rows have a known place, and SCATTER writes
 *   them there in the other pair of arrays (so the partition stays stable: rows keep their order within each child,
 *   as the one-thread partition keeps them). A node's rows are thus in `rows`/`pairs` or in `rowScratch`/
 *   `pairScratch` (its `inScratch` flag, an argument of HIST, MARK and SCATTER), and a split moves them from one
 *   to the other instead of copying them back every time; COPY moves a node back from the scratch arrays (the
 *   leaves, once the tree is grown);
 * - GATHER: a team whose splits move only rows (`HgbTeam.beginTree`) fills a node's (gradient, hessian) pairs
 *   from the row-indexed gradients before its histograms, in chunks of positions (scikit-learn's ordered
 *   gradients): a split then moves 4 bytes a row instead of 12;
 * - GRADIENTS: the loss's gradients and hessians, in chunks of rows;
 * - LEAF_OF, RAW: adding a tree's leaf values to the raw predictions as raw-update.ts does, in chunks of partition
 *   positions (each row's leaf number into `leafOf`), then in chunks of rows (the predictions in row order);
 * - SPLIT: the best split of a node, each block of features scanned apart; the caller keeps the best block's;
 * - TREES: a multiclass iteration's trees, one per chunk (parallel-trees.ts);
 * - RESET: a new tree's partition (every row, in order, with its gradient and hessian), in chunks of rows;
 * - HIST_ROOT, MARK_ROOT, SCATTER_ROOT: HIST and the row split of a tree's root before any RESET, as the grower does
 *   alone (`RowPartition.splitRoot`): the root's rows are 0..n−1 and their gradients are read from `gradients`
 *   in row order, and SCATTER_ROOT writes the children straight into the partition, so a tree saves RESET and the
 *   root's COPY.
 *
 * Every member builds the same histograms from the same rows in the same order as one thread would, so a fit with a
 * team is bit-for-bit the fit without one.
 */
export const HGB_OP = {
  HIST: 1,
  MARK: 2,
  SCATTER: 3,
  COPY: 4,
  GRADIENTS: 5,
  RAW: 6,
  SPLIT: 7,
  TREES: 8,
  RESET: 9,
  LEAF_OF: 10,
  HIST_ROOT: 11,
  MARK_ROOT: 12,
  SCATTER_ROOT: 13,
  GATHER: 14,
} as const;

/**
 * HIST's histogram argument: the buffer's id in the low 16 bits and, when the op also turns the parent's buffer
 * into the sibling's (parent − this node, feature block by feature block), the parent's id + 1 above them.
 */
export const HIST_ID_MASK = 0xffff;

/** Per feature block of SPLIT: its best split's gain, feature, bin, missing-left, categorical, G_L, H_L, n_L. */
export const SPLIT_SLOTS = 8;

/** Slots of `nodeSums` per node: rows, G, H, value, start, end, in scratch, counted (`writeNodeSums`). */
export const NODE_SLOTS = 8;

/**
 * HIST's flags (its third argument): constant hessians, the node's rows in the scratch arrays, no row counts, and
 * whether to scan the node (`nodeSums` slot 0, splits at `splitOut` block 0…) and the sibling (slot 1, splits
 * after the node's) once its histograms are built.
 */
export const HIST_FLAG = {
  CONSTANT_HESSIAN: 1,
  IN_SCRATCH: 2,
  UNCOUNTED: 4,
  SCAN_NODE: 8,
  SCAN_SIBLING: 16,
} as const;

/**
 * Leaves a tree may have for its raw-prediction update to run on the team (more: the caller's thread does it): a
 * leaf's number is one byte of `leafOf` (see raw-update.ts).
 */
export const MAX_TEAM_LEAVES = 256;
/** Row ranges are cut into at most this many chunks (MARK's per-chunk counts have one slot each). */
export const MAX_ROW_CHUNKS = 64;
const ROWS_PER_CHUNK = 4096;

/** Chunks of a row range: a few per member, so that a late member's share is picked up by the others. */
export function rowChunks(nRows: number, teamSize: number): number {
  return Math.max(1, Math.min(MAX_ROW_CHUNKS, Math.ceil(nRows / ROWS_PER_CHUNK), 4 * teamSize));
}

/**
 * Feature blocks for HIST: eight features where possible, the width of the fastest histogram kernel, else one
 * block per member.
 */
export function featureChunks(nFeatures: number, teamSize: number): number {
  return Math.max(Math.ceil(nFeatures / 8), Math.min(teamSize, nFeatures));
}

function featureBlock(nFeatures: number, chunk: number, chunks: number): [number, number] {
  if (chunks === Math.ceil(nFeatures / 8)) return [8 * chunk, Math.min(8 * chunk + 8, nFeatures)];
  return partBounds(0, nFeatures, chunk, chunks);
}

/**
 * HIST's chunks: every member's equal share of the features, cut in two — a multiple of four features (the wide
 * kernels) and the rest (fewer than four) — with the wide parts first, so each member claims one of them and then
 * the rests even out. Two threads on 20 features take 8 + 2 each; eight-feature blocks would give one of them 12.
 * (SPLIT keeps `featureChunks`: its blocks must be in feature order, which its tie-breaking relies on.)
 */
export function histChunks(nFeatures: number, teamSize: number): number {
  return 2 * Math.max(1, Math.min(teamSize, nFeatures));
}

/** The features `[f0, f1)` of HIST's chunk `chunk` of `chunks` (possibly empty). */
export function histBlock(nFeatures: number, chunk: number, chunks: number): [number, number] {
  const shares = chunks >> 1;
  const [from, to] = partBounds(0, nFeatures, chunk % shares, shares);
  const wide = from + 4 * Math.floor((to - from) / 4);
  return chunk < shares ? [from, wide] : [wide, to];
}

/** What every member shares: the binned data, the partition's arrays and the split's scratch. */
export interface HgbSharedData {
  binned: Uint8Array;
  nRows: number;
  nBinsNonMissing: Int32Array;
  nBins: number;
  missingBin: number;
  rows: Int32Array;
  /** The partition's (gradient, hessian) float32 pairs, one 8-byte slot per row. */
  pairs: Float64Array;
  rowScratch: Int32Array;
  pairScratch: Float64Array;
  /** Per row position: 1 when the row goes left in the split under way. */
  mask: Uint8Array;
  /** Per bin of the split feature: 1 when it goes left. */
  goesLeft: Uint8Array;
  /** Per chunk of MARK: its left rows. */
  counts: Int32Array;
  /** The training target, sample weights (or null), raw predictions (class-major) and row-indexed gradients. */
  y: Float64Array;
  w: Float64Array | null;
  raw: Float64Array;
  gradients: Float32Array;
  lossName: string;
  /** The last tree's leaves: partition ranges [leafStart, leafEnd) and shrunk values; per row, its leaf. */
  leafOf: Uint8Array;
  leafStart: Int32Array;
  leafEnd: Int32Array;
  leafValue: Float64Array;
  /** What the splitter knows of the data and parameters. */
  ctx: SplitContext;
  /** After HIST of the root: its gradient and hessian totals, and 1 when a member wrote them (else 0). */
  rootSums: Float64Array;
  /**
   * The node SPLIT works on (and HIST's scans: the node, then the sibling; NODE_SLOTS each): its row count, gradient
   * and hessian sums and value; its rows' range, 1 if they are in the scratch arrays, 1 if its histograms have row
   * counts.
   */
  nodeSums: Float64Array;
  /** Per feature block: its best split (SPLIT_SLOTS numbers) and its categorical left set. */
  splitOut: Float64Array;
  splitBits: Int32Array;
  growerParams: GrowerParams;
  /** Per class, the tree grown by TREES (see parallel-trees.ts), `trees.length / nClasses` numbers each. */
  trees: Float64Array;
  treeCapacity: number;
}

/** A histogram buffer the grower hands to the team. */
export interface HgbHistMessage {
  histId: number;
  hist: Float64Array;
}

export interface HgbState extends HgbSharedData {
  gh: Float32Array;
  /** `pairScratch` as float32 pairs. */
  ghScratch: Float32Array;
  loss: BoostingLoss;
  info: SplitInfo;
  scratch: SplitScratch;
  treeTask: TreeTask;
  /** `gradients` seen as one 8-byte (gradient, hessian) pair per row. */
  gradientPairs: Float64Array;
  builder: HistogramBuilder;
  nFeatures: number;
  hists: Float64Array[];
}

/** HIST's chunk `chunk`: the node's histograms of one block of features (the root's also its totals). */
function buildHist(
  s: HgbState,
  rows: Int32Array,
  gh: Float32Array,
  start: number,
  end: number,
  constantHessian: boolean,
  histIds: number,
  chunk: number,
  chunks: number,
  countRows = true,
  scan = 0,
) {
  const [f0, f1] = histBlock(s.nFeatures, chunk, chunks);
  const histId = histIds & HIST_ID_MASK;
  s.builder.buildFeatures(rows, gh, start, end, constantHessian, s.hists[histId], f0, f1, countRows);
  const parentId = (histIds >>> 16) - 1;
  if (parentId >= 0) s.builder.subtractFeatures(s.hists[parentId], s.hists[histId], f0, f1, constantHessian);
  if ((scan & HIST_FLAG.SCAN_NODE) !== 0) scanRange(s, histId, constantHessian, 0, f0, f1, chunk);
  if ((scan & HIST_FLAG.SCAN_SIBLING) !== 0)
    scanRange(s, parentId, constantHessian, 1, f0, f1, chunks + chunk);
  if (f0 === 0 && f1 >= 2 && end - start === s.nRows && s.builder.rootSumsFromBuild) {
    // The root's first block also summed every row's gradient and hessian (see the grower's `#buildRoot`).
    s.rootSums[0] = s.builder.rootSumGradients;
    s.rootSums[1] = s.builder.rootSumHessians;
    s.rootSums[2] = 1;
  }
}

function markLeaves(s: HgbState, nLeaves: number, chunk: number, chunks: number) {
  const [from, to] = partBounds(0, s.nRows, chunk, chunks);
  const { rows, leafOf, leafStart, leafEnd } = s;
  for (let j = 0; j < nLeaves; j++) {
    const hi = Math.min(leafEnd[j], to);
    for (let r = Math.max(leafStart[j], from); r < hi; r++) leafOf[rows[r]] = j;
  }
}

function addLeaves(s: HgbState, k: number, chunk: number, chunks: number) {
  const [from, to] = partBounds(0, s.nRows, chunk, chunks);
  const { raw, leafOf, leafValue } = s;
  const offset = k * s.nRows;
  for (let i = from; i < to; i++) raw[offset + i] += leafValue[leafOf[i]];
}

/**
 * The best split among the features `[f0, f1)` of the node in `nodeSums` slot `slot`, from its histograms
 * `histId`, into `splitOut` block `block`.
 */
function scanRange(
  s: HgbState,
  histId: number,
  constantHessian: boolean,
  slot: number,
  f0: number,
  f1: number,
  block: number,
) {
  const { nodeSums, info } = s;
  const base = slot * NODE_SLOTS;
  const node = {
    nSamples: nodeSums[base],
    sumGradients: nodeSums[base + 1],
    sumHessians: nodeSums[base + 2],
    value: nodeSums[base + 3],
  };
  // A node whose histograms lack row counts comes with its rows (to count a feature, see `scanFeatures`).
  const start = nodeSums[base + 4];
  const end = nodeSums[base + 5];
  const nodeRows =
    nodeSums[base + 7] === 1
      ? null
      : {
          binned: s.binned,
          nRows: s.nRows,
          rows: nodeSums[base + 6] === 1 ? s.rowScratch : s.rows,
          start,
          end,
        };
  scanFeatures(s.hists[histId], s.ctx, node, constantHessian, info, s.scratch, f0, f1, nodeRows);
  const at = block * SPLIT_SLOTS;
  const out = s.splitOut;
  out[at] = info.gain;
  out[at + 1] = info.feature;
  out[at + 2] = info.bin;
  out[at + 3] = info.missingGoesLeft ? 1 : 0;
  out[at + 4] = info.isCategorical ? 1 : 0;
  out[at + 5] = info.sumGradientLeft;
  out[at + 6] = info.sumHessianLeft;
  out[at + 7] = info.nLeft;
  if (info.isCategorical) s.splitBits.set(info.leftBins, block * BITSET_WORDS);
}

export const hgbKernel: ParallelKernel<HgbState> = {
  init(data) {
    const d = data as HgbSharedData;
    return {
      ...d,
      gh: new Float32Array(d.pairs.buffer, d.pairs.byteOffset, d.pairs.length * 2),
      ghScratch: new Float32Array(d.pairScratch.buffer, d.pairScratch.byteOffset, d.pairScratch.length * 2),
      builder: new HistogramBuilder(d.binned, d.nRows, d.nBinsNonMissing, d.nBins, d.missingBin),
      nFeatures: d.nBinsNonMissing.length,
      hists: [],
      loss: lossByName(d.lossName),
      info: new SplitInfo(),
      scratch: new SplitScratch(),
      treeTask: new TreeTask(),
      gradientPairs: new Float64Array(d.gradients.buffer, d.gradients.byteOffset, d.gradients.length / 2),
    };
  },
  message(state, message) {
    const { histId, hist } = message as HgbHistMessage;
    state.hists[histId] = hist;
  },
  chunks(s, op, a, b, _c, _d, teamSize) {
    if (op === HGB_OP.HIST || op === HGB_OP.HIST_ROOT) return histChunks(s.nFeatures, teamSize);
    if (op === HGB_OP.SPLIT) return featureChunks(s.nFeatures, teamSize);
    if (
      op === HGB_OP.GRADIENTS ||
      op === HGB_OP.RAW ||
      op === HGB_OP.LEAF_OF ||
      op === HGB_OP.RESET ||
      op === HGB_OP.MARK_ROOT ||
      op === HGB_OP.SCATTER_ROOT
    )
      return rowChunks(s.nRows, teamSize);
    if (op === HGB_OP.TREES) return a;
    return rowChunks(b - a, teamSize);
  },
  run(s, op, a, b, c, d, chunk, chunks) {
    switch (op) {
      case HGB_OP.HIST: {
        const inScratch = (c & HIST_FLAG.IN_SCRATCH) !== 0;
        const rows = inScratch ? s.rowScratch : s.rows;
        const gh = inScratch ? s.ghScratch : s.gh;
        const constantHessian = (c & HIST_FLAG.CONSTANT_HESSIAN) !== 0;
        const counted = (c & HIST_FLAG.UNCOUNTED) === 0;
        const scan = c & (HIST_FLAG.SCAN_NODE | HIST_FLAG.SCAN_SIBLING);
        return buildHist(s, rows, gh, a, b, constantHessian, d, chunk, chunks, counted, scan);
      }
      case HGB_OP.HIST_ROOT: {
        // The root's kernels read the gradients in row order, here straight from the class's slice at pair `a`.
        const gh = s.gradients.subarray(2 * a, 2 * (a + s.nRows));
        return buildHist(s, s.rows, gh, 0, s.nRows, c === 1, d, chunk, chunks);
      }
      case HGB_OP.MARK_ROOT:
        return markRoot(s, a, chunk, chunks);
      case HGB_OP.SCATTER_ROOT:
        return scatterRoot(s, a, b, c === 1, chunk, chunks);
      case HGB_OP.MARK:
        return mark(s, a, b, c, d === 1, chunk, chunks);
      case HGB_OP.SCATTER:
        // d: bit 0 the node in the scratch arrays, bit 1 rows only.
        return scatter(s, a, b, c, (d & 1) === 1, (d & 2) === 2, chunk, chunks);
      case HGB_OP.COPY:
        return copyBack(s, a, b, c === 1, chunk, chunks);
      case HGB_OP.GATHER: {
        const [from, to] = partBounds(a, b, chunk, chunks);
        const rows = c === 1 ? s.rowScratch : s.rows;
        const pairs = c === 1 ? s.pairScratch : s.pairs;
        return gatherPairs(rows, pairs, s.gradientPairs, d, from, to);
      }
      case HGB_OP.GRADIENTS: {
        const [from, to] = partBounds(0, s.nRows, chunk, chunks);
        return s.loss.gradients(s.y, s.w, s.raw, s.gradients, from, to);
      }
      case HGB_OP.LEAF_OF:
        return markLeaves(s, a, chunk, chunks);
      case HGB_OP.RAW:
        return addLeaves(s, a, chunk, chunks);
      case HGB_OP.SPLIT: {
        const [f0, f1] = featureBlock(s.nFeatures, chunk, chunks);
        return scanRange(s, a, b === 1, 0, f0, f1, chunk);
      }
      case HGB_OP.RESET: {
        const [from, to] = partBounds(0, s.nRows, chunk, chunks);
        for (let i = from; i < to; i++) s.rows[i] = i;
        s.pairs.set(s.gradientPairs.subarray(a + from, a + to), from);
        return;
      }
      case HGB_OP.TREES:
        return s.treeTask.grow(
          {
            binned: s.binned,
            nRows: s.nRows,
            ctx: s.ctx,
            growerParams: s.growerParams,
            gradients: s.gradients,
            raw: s.raw,
            trees: s.trees,
            capacity: s.treeCapacity,
          },
          chunk,
          b === 1,
        );
    }
  },
};
