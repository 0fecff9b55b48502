import { BlockScratch, blockRoot4, blockRoot8, flushBlock } from './histogram-block-kernels';
import {
  accumulateNode1,
  accumulateNode4,
  accumulateNode8,
  accumulateRoot1,
  accumulateRoot4,
  accumulateRoot8,
  type KernelInput,
} from './histogram-kernels';
import { accumulateNode2, blockRoot2 } from './histogram-pair-kernels';
import {
  uncountedNode1,
  uncountedNode2,
  uncountedNode4,
  uncountedNode8,
} from './histogram-uncounted-kernels';

/**
 * Per-node histograms: for every feature and bin, the sums of the gradients and hessians of the node's rows and
 * their count (scikit-learn's `histogram.pyx`, LightGBM's `FeatureHistogram`). One node's histograms are one flat
 * `Float64Array`, feature after feature:
 *
 *   hist[(f · nBins + b) · 3 + 0]   Σ gradient   over the node's rows whose feature f falls in bin b
 *   hist[(f · nBins + b) · 3 + 1]   Σ hessian    (left at 0 when hessians are constant: the count stands in)
 *   hist[(f · nBins + b) · 3 + 2]   row count
 *
 * A node is a range `[start, end)` of the partition (see `partition.ts`): `rows[k]` is a row index and
 * `gh[2k]`, `gh[2k + 1]` its gradient and hessian, float32 like scikit-learn's, summed in the same order, so the
 * sums here equal scikit-learn's to the last bit.
 */
export const HIST_STRIDE = 3;

/**
 * A root of at least this many rows is summed through a dense scratch block (`histogram-block-kernels.ts`), faster
 * per row; a smaller one straight into its histograms, which saves the block's copy-out.
 */
const BLOCK_MIN_ROWS = 4096;

/**
 * parent[k] −= sibling[k] over the slots `[k, end)` (whole bins). With constant hessians the hessian slots hold 0 in
 * both and are skipped. (Unrolled by hand: V8 does not vectorise, and four independent updates per pass run ~1.5×
 * faster than one.)
 */
function subtractSlots(
  parent: Float64Array,
  sibling: Float64Array,
  k: number,
  end: number,
  constantHessian: boolean,
): void {
  if (constantHessian) {
    for (; k < end; k += HIST_STRIDE) {
      parent[k] -= sibling[k];
      parent[k + 2] -= sibling[k + 2];
    }
    return;
  }
  for (; k + 4 <= end; k += 4) {
    parent[k] -= sibling[k];
    parent[k + 1] -= sibling[k + 1];
    parent[k + 2] -= sibling[k + 2];
    parent[k + 3] -= sibling[k + 3];
  }
  for (; k < end; k++) parent[k] -= sibling[k];
}

export class HistogramBuilder {
  readonly nBins: number;
  readonly size: number;
  /** Slots rows can reach (what a subtraction visits). */
  readonly usedSlots: number;
  readonly #input: KernelInput;
  readonly #nFeatures: number;
  /**
   * The slots rows can reach, as [start, end) pairs: per feature its non-missing bins and the missing bin. Only
   * these are cleared before a build (the others are never read), which matters for features with few distinct
   * values.
   */
  readonly #used: Int32Array;
  /** Row counts per feature and bin at the root: the same for every tree of a fit, so counted only once. */
  #rootCounts: Float64Array | null = null;
  readonly #rootCounted: Uint8Array;
  readonly #nBinsNonMissing: Int32Array;
  /** Offset of the missing bin's slot within a feature's histogram. */
  readonly #missingSlot: number;
  #block: BlockScratch | null = null;
  /**
   * Whether building the root (every feature, rows in order) also yields the sums of all rows' gradients and
   * hessians, in row order, in `rootSumGradients` and `rootSumHessians` (the hessians' sum is 0 when they are
   * constant): true when the root goes through the scratch block.
   */
  readonly rootSumsFromBuild: boolean;
  rootSumGradients = 0;
  rootSumHessians = 0;

  /** `nBinsNonMissing` per feature and `missingBin` as in the bin mapper; `nBins` = maxBins + 1. */
  constructor(
    binned: Uint8Array,
    nRows: number,
    nBinsNonMissing: Int32Array,
    nBins: number,
    missingBin: number,
  ) {
    const nFeatures = nBinsNonMissing.length;
    const span = nBins * HIST_STRIDE;
    this.#input = { binned, nRows, span };
    this.#nFeatures = nFeatures;
    this.#rootCounted = new Uint8Array(nFeatures);
    this.#nBinsNonMissing = nBinsNonMissing;
    this.#missingSlot = missingBin * HIST_STRIDE;
    this.nBins = nBins;
    this.size = nFeatures * span;
    const used: number[] = [];
    const add = (start: number, end: number) => {
      // A feature's missing bin ends where the next feature's first bin starts: one range instead of two.
      if (used.length > 0 && used[used.length - 1] >= start)
        used[used.length - 1] = Math.max(end, used[used.length - 1]);
      else used.push(start, end);
    };
    for (let f = 0; f < nFeatures; f++) {
      add(f * span, f * span + nBinsNonMissing[f] * HIST_STRIDE);
      add(f * span + missingBin * HIST_STRIDE, f * span + (missingBin + 1) * HIST_STRIDE);
    }
    this.rootSumsFromBuild = nRows >= BLOCK_MIN_ROWS && nFeatures >= 2;
    this.#used = Int32Array.from(used);
    let slots = 0;
    for (let r = 0; r < used.length; r += 2) slots += used[r + 1] - used[r];
    this.usedSlots = slots;
  }

  /** Sets the reachable slots of `hist` to 0. */
  clear(hist: Float64Array): void {
    const used = this.#used;
    for (let r = 0; r < used.length; r += 2) hist.fill(0, used[r], used[r + 1]);
  }

  /**
   * hist(larger child) = hist(parent) − hist(smaller child), in place in the parent's buffer, over the reachable
   * slots only (the others hold leftovers nobody reads): data with many low-cardinality features reach a small
   * share of the 256 bins, and this runs once per split.
   */
  subtract(parent: Float64Array, sibling: Float64Array, constantHessian = false): void {
    const used = this.#used;
    for (let r = 0; r < used.length; r += 2)
      subtractSlots(parent, sibling, used[r], used[r + 1], constantHessian);
  }

  /**
   * `subtract` for the features `[f0, f1)` only: a team member subtracts the block of features it has just built
   * into the sibling's buffer (`parallel-kernel.ts`), while its histograms are still in its core's cache.
   */
  subtractFeatures(
    parent: Float64Array,
    sibling: Float64Array,
    f0: number,
    f1: number,
    constantHessian = false,
  ): void {
    const { span } = this.#input;
    const missing = this.#missingSlot;
    for (let f = f0; f < f1; f++) {
      const at = f * span;
      subtractSlots(parent, sibling, at, at + this.#nBinsNonMissing[f] * HIST_STRIDE, constantHessian);
      subtractSlots(parent, sibling, at + missing, at + missing + HIST_STRIDE, constantHessian);
    }
  }

  /**
   * Builds the histograms of the node `[start, end)` into `out` (overwritten). With `constantHessian`, the
   * hessian sums are not accumulated (scikit-learn's `_build_histogram_no_hessian`). With `countRows` false (and
   * hessians not constant), a node below the root gets no row counts: its count slots stay 0 and its split finder
   * bounds counts from the hessians (`SplitContext.rowHessianBound`). A node with every row is the root, whose rows
   * are 0..n−1 in order and whose counts are always there.
   */
  build(
    rows: Int32Array,
    gh: Float32Array,
    start: number,
    end: number,
    constantHessian: boolean,
    out: Float64Array,
    countRows = true,
  ) {
    this.clear(out);
    this.#accumulate(rows, gh, start, end, constantHessian, out, 0, this.#nFeatures, countRows);
  }

  /**
   * `build` for the features `[f0, f1)` only, clearing only their slots: threads that share `out` each take a
   * block of features (see `parallel-kernel.ts`).
   */
  buildFeatures(
    rows: Int32Array,
    gh: Float32Array,
    start: number,
    end: number,
    constantHessian: boolean,
    out: Float64Array,
    f0: number,
    f1: number,
    countRows = true,
  ) {
    const { span } = this.#input;
    const missing = this.#missingSlot;
    for (let f = f0; f < f1; f++) {
      out.fill(0, f * span, f * span + this.#nBinsNonMissing[f] * HIST_STRIDE);
      out.fill(0, f * span + missing, f * span + missing + HIST_STRIDE);
    }
    this.#accumulate(rows, gh, start, end, constantHessian, out, f0, f1, countRows);
  }

  #accumulate(
    rows: Int32Array,
    gh: Float32Array,
    start: number,
    end: number,
    constantHessian: boolean,
    out: Float64Array,
    f0: number,
    f1: number,
    countRows: boolean,
  ) {
    const input = this.#input;
    let f = f0;
    if (end - start === input.nRows) {
      if (input.nRows >= BLOCK_MIN_ROWS) f = this.#accumulateRootBlocks(gh, constantHessian, out, f0, f1);
      for (; f + 8 <= f1; f += 8) accumulateRoot8(input, f, gh, constantHessian, out);
      for (; f + 4 <= f1; f += 4) accumulateRoot4(input, f, gh, constantHessian, out);
      for (; f < f1; f++) accumulateRoot1(input, f, gh, constantHessian, out);
      // Counts of unreachable bins are 0: writing them all keeps this loop simple.
      const counts = this.#countRoot(f0, f1);
      const nBins = this.nBins;
      for (let k = f0 * nBins; k < f1 * nBins; k++) out[k * HIST_STRIDE + 2] = counts[k];
      return;
    }
    if (!constantHessian && !countRows) {
      for (; f + 8 <= f1; f += 8) uncountedNode8(input, f, rows, gh, start, end, out);
      for (; f + 4 <= f1; f += 4) uncountedNode4(input, f, rows, gh, start, end, out);
      for (; f + 2 <= f1; f += 2) uncountedNode2(input, f, rows, gh, start, end, out);
      for (; f < f1; f++) uncountedNode1(input, f, rows, gh, start, end, out);
      return;
    }
    for (; f + 8 <= f1; f += 8) accumulateNode8(input, f, rows, gh, start, end, constantHessian, out);
    for (; f + 4 <= f1; f += 4) accumulateNode4(input, f, rows, gh, start, end, constantHessian, out);
    for (; f + 2 <= f1; f += 2) accumulateNode2(input, f, rows, gh, start, end, constantHessian, out);
    for (; f < f1; f++) accumulateNode1(input, f, rows, gh, start, end, constantHessian, out);
  }

  /**
   * The root's gradient and hessian sums of the features `[f0, f1)` through the scratch block, eight, four or two
   * features at a time; returns the first feature left (at most one remains).
   */
  #accumulateRootBlocks(
    gh: Float32Array,
    constantHessian: boolean,
    out: Float64Array,
    f0: number,
    f1: number,
  ) {
    const input = this.#input;
    this.#block ??= new BlockScratch();
    const block = this.#block;
    let f = f0;
    // The first block's kernel also sums the gradients and hessians of all rows (see `rootSumsFromBuild`).
    if (f0 === 0 && f1 - f0 >= 2) {
      const width = f1 >= 8 ? 8 : f1 >= 4 ? 4 : 2;
      if (width === 8) blockRoot8(input, 0, gh, constantHessian, block);
      else if (width === 4) blockRoot4(input, 0, gh, constantHessian, block);
      else blockRoot2(input, 0, gh, constantHessian, block);
      flushBlock(block, 0, width, input.span, out);
      this.rootSumGradients = block.sumGradients;
      this.rootSumHessians = block.sumHessians;
      f = width;
    }
    for (; f + 8 <= f1; f += 8) {
      blockRoot8(input, f, gh, constantHessian, block);
      flushBlock(block, f, 8, input.span, out);
    }
    for (; f + 4 <= f1; f += 4) {
      blockRoot4(input, f, gh, constantHessian, block);
      flushBlock(block, f, 4, input.span, out);
    }
    for (; f + 2 <= f1; f += 2) {
      blockRoot2(input, f, gh, constantHessian, block);
      flushBlock(block, f, 2, input.span, out);
    }
    return f;
  }

  /** The root's row counts per bin of the features `[f0, f1)`, counted on first use. */
  #countRoot(f0: number, f1: number): Float64Array {
    const { binned, nRows: n } = this.#input;
    const nBins = this.nBins;
    this.#rootCounts ??= new Float64Array(this.#nFeatures * nBins);
    const counts = this.#rootCounts;
    for (let f = f0; f < f1; f++) {
      if (this.#rootCounted[f] === 1) continue;
      for (let i = 0; i < n; i++) counts[f * nBins + binned[f * n + i]]++;
      this.#rootCounted[f] = 1;
    }
    return counts;
  }
}

/**
 * Recycles histogram buffers: a tree needs one per open node, and a fit grows hundreds of trees, so buffers are
 * handed back when a node is split or becomes a leaf and reused instead of allocated again.
 */
export class HistogramPool {
  readonly #size: number;
  readonly #free: Float64Array[] = [];
  readonly #allocate: (size: number) => Float64Array;

  /** `allocate` makes a new buffer (in shared memory when a team builds histograms). */
  constructor(size: number, allocate: (size: number) => Float64Array = (n) => new Float64Array(n)) {
    this.#size = size;
    this.#allocate = allocate;
  }

  acquire(): Float64Array {
    return this.#free.pop() ?? this.#allocate(this.#size);
  }

  release(hist: Float64Array): void {
    this.#free.push(hist);
  }
}
