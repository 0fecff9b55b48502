import {
  accumulateNode1,
  accumulateNode4,
  accumulateNode8,
  accumulateRoot1,
  accumulateRoot4,
  accumulateRoot8,
  type KernelInput,
} from './histogram-kernels';

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

export class HistogramBuilder {
  readonly nBins: number;
  readonly size: number;
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
    this.nBins = nBins;
    this.size = nFeatures * span;
    const used: number[] = [];
    for (let f = 0; f < nFeatures; f++) {
      used.push(f * span, f * span + nBinsNonMissing[f] * HIST_STRIDE);
      used.push(f * span + missingBin * HIST_STRIDE, f * span + (missingBin + 1) * HIST_STRIDE);
    }
    this.#used = Int32Array.from(used);
  }

  /** Sets the reachable slots of `hist` to 0. */
  clear(hist: Float64Array): void {
    const used = this.#used;
    for (let r = 0; r < used.length; r += 2) hist.fill(0, used[r], used[r + 1]);
  }

  /**
   * hist(larger child) = hist(parent) − hist(smaller child), in place in the parent's buffer. Over every slot: one
   * flat loop is faster than visiting only the reachable ones (unreachable slots hold leftovers nobody reads).
   */
  subtract(parent: Float64Array, sibling: Float64Array): void {
    for (let k = 0; k < parent.length; k++) parent[k] -= sibling[k];
  }

  /**
   * Builds the histograms of the node `[start, end)` into `out` (overwritten). With `constantHessian`, the
   * hessian sums are not accumulated (scikit-learn's `_build_histogram_no_hessian`). A node with every row is the
   * root, whose rows are 0..n−1 in order.
   */
  build(
    rows: Int32Array,
    gh: Float32Array,
    start: number,
    end: number,
    constantHessian: boolean,
    out: Float64Array,
  ) {
    this.clear(out);
    const p = this.#nFeatures;
    const input = this.#input;
    let f = 0;
    if (end - start === input.nRows) {
      for (; f + 8 <= p; f += 8) accumulateRoot8(input, f, gh, constantHessian, out);
      for (; f + 4 <= p; f += 4) accumulateRoot4(input, f, gh, constantHessian, out);
      for (; f < p; f++) accumulateRoot1(input, f, gh, constantHessian, out);
      // Counts of unreachable bins are 0: writing them all keeps this loop simple.
      const counts = this.#countRoot();
      for (let k = 0; k < counts.length; k++) out[k * HIST_STRIDE + 2] = counts[k];
      return;
    }
    for (; f + 8 <= p; f += 8) accumulateNode8(input, f, rows, gh, start, end, constantHessian, out);
    for (; f + 4 <= p; f += 4) accumulateNode4(input, f, rows, gh, start, end, constantHessian, out);
    for (; f < p; f++) accumulateNode1(input, f, rows, gh, start, end, constantHessian, out);
  }

  #countRoot(): Float64Array {
    if (this.#rootCounts !== null) return this.#rootCounts;
    const { binned, nRows: n } = this.#input;
    const counts = new Float64Array(this.#nFeatures * this.nBins);
    for (let f = 0; f < this.#nFeatures; f++) {
      for (let i = 0; i < n; i++) counts[f * this.nBins + binned[f * n + i]]++;
    }
    this.#rootCounts = counts;
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

  constructor(size: number) {
    this.#size = size;
  }

  acquire(): Float64Array {
    return this.#free.pop() ?? new Float64Array(this.#size);
  }

  release(hist: Float64Array): void {
    this.#free.push(hist);
  }
}
