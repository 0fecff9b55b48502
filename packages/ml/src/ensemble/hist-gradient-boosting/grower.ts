import { type Allocator, unpooled } from '../../core/working-memory';
import type { HgbTeam } from './hgb-team';
import { HistogramBuilder, HistogramPool } from './histogram';
import { RowPartition } from './partition';
import { endPhase, startPhase } from './phase-timer';
import { findBestSplit, type NodeRows, type SplitContext, SplitInfo, SplitScratch } from './splitting';

export interface GrowerParams {
  /** null: no limit on leaves (only minSamplesLeaf and maxDepth stop growth). */
  maxLeafNodes: number | null;
  maxDepth: number | null;
  minSamplesLeaf: number;
  /** The learning rate: leaf values are multiplied by it once the tree is grown. */
  shrinkage: number;
}

/** Building costs about this many times a subtraction per touched slot (row × feature vs reachable bin). */
const DIRECT_BUILD_FACTOR = 3;

/** A node while a tree grows: its rows are `rows[start:end)` of the grower's partition array. */
export class GrowNode {
  readonly split = new SplitInfo();
  left: GrowNode | null = null;
  right: GrowNode | null = null;
  hist: Float64Array | null = null;
  isLeaf = false;
  /**
   * Whether the node's rows are in the partition's scratch arrays, where a team's split leaves its children (see
   * `HgbTeam.split`); the leaves are moved back once the tree is grown.
   */
  inScratch = false;
  /**
   * Whether the node's histograms hold row counts (the root's always do): without them its split finder bounds
   * counts from the hessians and counts a feature from the rows when it must (`SplitContext.rowHessianBound`).
   */
  counted = true;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly depth: number,
    readonly sumGradients: number,
    readonly sumHessians: number,
    /** The Newton step of the node (shrunk for leaves once the tree is grown). */
    public value: number,
  ) {}

  get nSamples(): number {
    return this.end - this.start;
  }
}

/** See `TreeGrower`'s `#countsRows`. */
const UNCOUNTED_MIN_LEAST_COUNT = 20;

/**
 * Grows one tree leaf-wise (best-first), as LightGBM and scikit-learn's `TreeGrower` do: among the nodes that can
 * still be split, the one whose best split gains most is split next, until `maxLeafNodes` leaves exist or no split
 * gains anything. Histograms are built only for the smaller child of each split; the larger child's come from
 * subtracting it from the parent's (LightGBM's histogram subtraction), in the parent's buffer.
 *
 * One grower serves a whole fit: the row partition, the scratch buffers and the histogram pool are reused tree
 * after tree.
 */
export class TreeGrower {
  /** After `grow`, every leaf owns `partition.rows[leaf.start:leaf.end)`. */
  readonly partition: RowPartition;
  /** The leaves of the last grown tree. */
  leaves: GrowNode[] = [];
  readonly #binned: Uint8Array;
  readonly #ctx: SplitContext;
  readonly #params: GrowerParams;
  readonly #builder: HistogramBuilder;
  readonly #pool: HistogramPool;
  readonly #team: HgbTeam | null;
  readonly #splitScratch = new SplitScratch();
  readonly #rowsOfNode: NodeRows;
  #splittable: GrowNode[] = [];
  #constantHessian = false;
  /** Whether the last `#build` ran on the team. */
  #builtOnTeam = false;
  /** The children of the split under way whose best split the team found as it built histograms. */
  readonly #scanned: GrowNode[] = [];
  /**
   * A tree's partition is not reset before its root is split: until then the root's rows are 0..n−1 and their
   * gradients are `grow`'s `gh`, which the root's histograms and split read directly (`RowPartition.splitRoot`,
   * or the team's `buildRoot` and `splitRoot`). Null once the root is split (or if `gh` is not 8-byte aligned).
   */
  #rootGradients: Float32Array | null = null;

  /**
   * `partition` holds the rows (in shared memory when there is a `team`); with a team, large nodes' histograms and
   * row splits run on it (the trees are the same, bit for bit).
   */
  constructor(
    binned: Uint8Array,
    nRows: number,
    ctx: SplitContext,
    params: GrowerParams,
    partition: RowPartition = new RowPartition(nRows),
    team: HgbTeam | null = null,
    memory: Allocator = unpooled,
  ) {
    this.#binned = binned;
    this.#ctx = ctx;
    this.#params = params;
    this.#builder = new HistogramBuilder(binned, nRows, ctx.nBinsNonMissing, ctx.nBins, ctx.missingBin);
    this.#rowsOfNode = { binned, nRows, rows: partition.rows, start: 0, end: 0 };
    this.partition = partition;
    this.#team = team;
    this.#pool = new HistogramPool(
      this.#builder.size,
      team === null ? (size) => memory.float64(size) : (size) => team.allocateHistogram(size),
    );
  }

  /**
   * The histograms of the node `[start, end)` into `out`, with row counts unless `countRows` is false (never for
   * the root): on the team when the node is large enough, which then also turns `subtractFrom` (the parent's
   * buffer, if given) into the sibling's (`#builtOnTeam` says whether it did), and finds the best split of
   * `scanNode` (this node) and `scanSibling` (the sibling, with `subtractFrom`) on the way (`#scanned` says which).
   */
  #build(
    start: number,
    end: number,
    inScratch: boolean,
    out: Float64Array,
    countRows = true,
    subtractFrom: Float64Array | null = null,
    scanNode: GrowNode | null = null,
    scanSibling: GrowNode | null = null,
  ): void {
    const constantHessian = this.#constantHessian;
    const t0 = startPhase();
    const rootGradients = this.#rootGradients;
    this.#builtOnTeam = false;
    if (rootGradients !== null) {
      // The root (only it is built before the first split); its kernels read `gh` in row order, not `rows`.
      this.#builtOnTeam = this.#team?.buildRoot(rootGradients, constantHessian, out) ?? false;
      if (!this.#builtOnTeam)
        this.#builder.build(this.partition.rows, rootGradients, start, end, constantHessian, out);
    } else if (
      this.#team?.build(
        start,
        end,
        constantHessian,
        inScratch,
        out,
        countRows,
        subtractFrom,
        scanNode,
        scanSibling,
      )
    ) {
      this.#builtOnTeam = true;
      if (scanNode !== null) {
        this.#team!.takeSplit(scanNode, false, scanNode.split);
        this.#scanned.push(scanNode);
      }
      if (scanSibling !== null && subtractFrom !== null) {
        this.#team!.takeSplit(scanSibling, true, scanSibling.split);
        this.#scanned.push(scanSibling);
      }
    } else {
      const { partition } = this;
      const rows = inScratch ? partition.rowScratch : partition.rows;
      const gh = inScratch ? partition.ghScratch : partition.gh;
      // A team that splits rows alone leaves a node's pairs to be gathered first.
      if (this.#team?.rowsOnly) this.#team.gatherFor(start, end, inScratch);
      this.#builder.build(rows, gh, start, end, constantHessian, out, countRows);
    }
    endPhase('histograms', t0);
  }

  /**
   * Builds the root's histograms into `out` (unless null) and returns its gradient and hessian totals, summed in
   * row order: by the root's first histogram kernel on the way when it can (`HistogramBuilder.rootSumsFromBuild`),
   * which saves a pass over every row per tree, else by a loop of their own.
   */
  #buildRoot(gh: Float32Array, n: number, out: Float64Array | null): [number, number] {
    const sums: [number, number] = [0, 0];
    if (out !== null) {
      this.#build(0, n, false, out);
      if (this.#builtOnTeam) {
        if (this.#team!.rootSums(sums)) return sums;
      } else if (this.#builder.rootSumsFromBuild) {
        return [this.#builder.rootSumGradients, this.#builder.rootSumHessians];
      }
    }
    for (let i = 0; i < n; i++) {
      sums[0] += gh[2 * i];
      sums[1] += gh[2 * i + 1];
    }
    return sums;
  }

  /**
   * Grows a tree on the interleaved gradients/hessians `gh` (`gh[2i]`, `gh[2i + 1]` for row i) and returns its
   * root. With `constantHessian`, every hessian is 1 and the row counts stand in for hessian sums.
   */
  grow(gh: Float32Array, constantHessian: boolean): GrowNode {
    const { partition } = this;
    const n = partition.rows.length;
    const aligned = gh.byteOffset % 8 === 0;
    this.#rootGradients = aligned ? gh : null;
    this.#team?.beginTree(gh);
    if (this.#rootGradients === null) this.#reset(gh);
    this.#constantHessian = constantHessian;
    this.leaves = [];
    this.#splittable = [];
    // The root's histograms before its totals, which their kernel sums on the way (a root that then cannot split
    // wasted its build; that takes a hessian sum below 1e-3).
    const rootHist = n >= 2 * this.#params.minSamplesLeaf ? this.#pool.acquire() : null;
    let [sumGradients, sumHessians] = this.#buildRoot(gh, n, rootHist);
    if (constantHessian) sumHessians = n;
    // The root's own value is 0, as in scikit-learn (only differences of gains matter at the root).
    const root = new GrowNode(0, n, 0, sumGradients, sumHessians, 0);
    if (n < 2 * this.#params.minSamplesLeaf || sumHessians < this.#ctx.minHessianToSplit) {
      if (rootHist !== null) this.#pool.release(rootHist);
      this.#finalize(root);
    } else {
      root.hist = rootHist;
      this.#findSplit(root);
    }
    while (this.#splittable.length > 0) this.#splitNext();
    this.#leavesBack();
    // A root that stayed a leaf owns every row: the partition is reset for the leaves' readers after all.
    if (this.#rootGradients !== null) this.#reset(gh);
    this.#rootGradients = null;
    for (const leaf of this.leaves) leaf.value *= this.#params.shrinkage;
    return root;
  }

  /** Every row in one node, in order, with its gradient and hessian from `gh`: on the team if there is one. */
  #reset(gh: Float32Array): void {
    const t0 = startPhase();
    if (!this.#team?.reset(gh)) this.partition.reset(gh);
    endPhase('reset', t0);
  }

  /** Moves the leaves a team's split left in the scratch arrays back to `partition.rows`, for their readers. */
  #leavesBack(): void {
    const t0 = startPhase();
    for (const leaf of this.leaves) {
      if (!leaf.inScratch) continue;
      if (!this.#team?.copyBack(leaf.start, leaf.end)) this.partition.copyBack(leaf.start, leaf.end);
      leaf.inScratch = false;
    }
    endPhase('partition', t0);
  }

  #findSplit(node: GrowNode): void {
    const t0 = startPhase();
    if (!this.#team?.findSplit(node, node.hist!, this.#constantHessian, node.split)) {
      const nodeRows = this.#nodeRows(node);
      findBestSplit(
        node.hist!,
        this.#ctx,
        node,
        this.#constantHessian,
        node.split,
        this.#splitScratch,
        nodeRows,
      );
    }
    endPhase('splitFinding', t0);
    this.#settle(node);
  }

  /** A node whose best split is known: a leaf if it gains nothing, else a candidate for splitting. */
  #settle(node: GrowNode): void {
    if (node.split.gain <= 0) this.#finalize(node);
    else this.#splittable.push(node);
  }

  /**
   * Whether a node's histograms are built with row counts. Without them, the split finder's least count of a side
   * is its hessian sum over `rowHessianBound`; where hessians are small (a multiclass fit's rare classes, a fit
   * near its end), the least counts say little, most features would be counted from the rows anyway, and one
   * pass per feature costs more than counting in the histogram kernels. So only a node whose own least count is at
   * least 20 × `minSamplesLeaf` goes without (most of a binary fit's nodes, few of a 26-class fit's).
   */
  #countsRows(node: GrowNode): boolean {
    const bound = this.#ctx.rowHessianBound;
    if (bound === 0 || this.#constantHessian) return true;
    return node.sumHessians / bound < UNCOUNTED_MIN_LEAST_COUNT * this.#params.minSamplesLeaf;
  }

  /** The rows of a node whose histograms carry no row counts, for its split finder; null when they have counts. */
  #nodeRows(node: GrowNode): NodeRows | null {
    if (node.counted) return null;
    const rows = this.#rowsOfNode;
    rows.rows = node.inScratch ? this.partition.rowScratch : this.partition.rows;
    rows.start = node.start;
    rows.end = node.end;
    return rows;
  }

  #finalize(node: GrowNode): void {
    node.isLeaf = true;
    this.leaves.push(node);
    if (node.hist !== null) {
      this.#pool.release(node.hist);
      node.hist = null;
    }
  }

  /** Removes and returns the splittable node with the largest gain (the earliest pushed on ties). */
  #popBest(): GrowNode {
    const nodes = this.#splittable;
    let best = 0;
    for (let k = 1; k < nodes.length; k++) if (nodes[k].split.gain > nodes[best].split.gain) best = k;
    return nodes.splice(best, 1)[0];
  }

  #splitNext(): void {
    const { maxLeafNodes, maxDepth, minSamplesLeaf } = this.#params;
    const node = this.#popBest();
    const split = node.split;
    const { partition } = this;
    const t0 = startPhase();
    let position = -1;
    let childrenInScratch = false;
    const rootGradients = this.#rootGradients;
    if (rootGradients !== null) {
      position = this.#team?.splitRoot(split, rootGradients) ?? -1;
      if (position < 0)
        position = partition.splitRoot(split, this.#binned, this.#ctx.missingBin, rootGradients);
      this.#rootGradients = null;
    } else {
      position = this.#team?.split(split, node.start, node.end, node.inScratch) ?? -1;
      childrenInScratch = position >= 0 && !node.inScratch;
    }
    if (position < 0) {
      // A small node (the caller splits it) a team's split left in the scratch arrays goes back first.
      if (node.inScratch) partition.copyBack(node.start, node.end);
      position = partition.split(
        split,
        this.#binned,
        partition.rows.length,
        this.#ctx.missingBin,
        node.start,
        node.end,
      );
    }
    endPhase('partition', t0);
    // The split finder may not have known the counts (histograms without them): the partition does.
    split.nLeft = position - node.start;
    split.nRight = node.end - position;
    const depth = node.depth + 1;
    const nLeaves = this.leaves.length + this.#splittable.length + 2;
    const left = new GrowNode(
      node.start,
      position,
      depth,
      split.sumGradientLeft,
      split.sumHessianLeft,
      split.valueLeft,
    );
    const right = new GrowNode(
      position,
      node.end,
      depth,
      split.sumGradientRight,
      split.sumHessianRight,
      split.valueRight,
    );
    left.inScratch = childrenInScratch;
    right.inScratch = childrenInScratch;
    node.left = left;
    node.right = right;
    // Without missing values in training, missing values met at predict time follow the larger child.
    if (!this.#ctx.hasMissing[split.feature]) split.missingGoesLeft = left.nSamples > right.nSamples;

    const parentHist = node.hist!;
    node.hist = null;
    if (maxLeafNodes !== null && nLeaves === maxLeafNodes) {
      this.#pool.release(parentHist);
      this.#finalize(left);
      this.#finalize(right);
      while (this.#splittable.length > 0) this.#finalize(this.#splittable.pop()!);
      return;
    }
    if (maxDepth !== null && depth === maxDepth) {
      this.#pool.release(parentHist);
      this.#finalize(left);
      this.#finalize(right);
      return;
    }
    if (left.nSamples < 2 * minSamplesLeaf) this.#finalize(left);
    if (right.nSamples < 2 * minSamplesLeaf) this.#finalize(right);
    if (left.isLeaf && right.isLeaf) {
      this.#pool.release(parentHist);
      return;
    }
    // Build the smaller child's histograms from its rows; the larger child's are parent − smaller, except for a
    // small node, which is cheaper to build from its rows than to subtract over every reachable bin.
    const smaller = left.nSamples < right.nSamples ? left : right;
    const larger = smaller === left ? right : left;
    const direct =
      !larger.isLeaf && larger.nSamples * this.#ctx.nFeatures * DIRECT_BUILD_FACTOR < this.#builder.usedSlots;
    // A team subtracts as it builds, each member the features it built (the caller would read them from the
    // other members' caches).
    const subtract = !direct && !larger.isLeaf;
    let subtracted = false;
    this.#scanned.length = 0;
    if (!smaller.isLeaf || subtract) {
      smaller.hist = this.#pool.acquire();
      smaller.counted = this.#countsRows(smaller);
      // Parent − sibling has true counts only if both had them.
      if (subtract) larger.counted = node.counted && smaller.counted;
      const { start, end, inScratch, hist, counted } = smaller;
      const scanNode = smaller.isLeaf ? null : smaller;
      this.#build(start, end, inScratch, hist, counted, subtract ? parentHist : null, scanNode, larger);
      subtracted = subtract && this.#builtOnTeam;
    }
    if (direct) {
      this.#pool.release(parentHist);
      larger.hist = this.#pool.acquire();
      larger.counted = this.#countsRows(larger);
      this.#build(larger.start, larger.end, larger.inScratch, larger.hist, larger.counted, null, larger);
    } else {
      const t1 = startPhase();
      if (subtract && !subtracted) this.#builder.subtract(parentHist, smaller.hist!, this.#constantHessian);
      endPhase('subtraction', t1);
      larger.counted = node.counted && smaller.counted;
      larger.hist = parentHist;
    }
    for (const child of [left, right]) {
      if (child.isLeaf) {
        if (child.hist !== null) this.#pool.release(child.hist);
        child.hist = null;
      } else if (this.#scanned.includes(child)) {
        this.#settle(child);
      } else {
        this.#findSplit(child);
      }
    }
  }
}
