import type { Matrix } from '../../core/matrix';
import type { BinMapper } from './binning';
import { BITSET_WORDS } from './bitset';
import type { GrowNode } from './grower';

/**
 * Every tree of a fitted model in flat typed arrays (one slot per node, all trees one after another; a tree's
 * nodes are in depth-first order from its root at `treeStart[t]`, and `left`/`right` are absolute node indices):
 *
 *   feature[node]          split feature, −1 for a leaf
 *   threshold[node]        numeric split on raw values: x ≤ threshold goes left (+∞: only missing values go right)
 *   binThreshold[node]     the same split on bins (bin ≤ binThreshold goes left), for data binned during fit
 *   missingGoesLeft[node]  1 when a missing value (or an unseen category) goes left
 *   bitsetIndex[node]      categorical split: the left categories are bitset `bitsets[8·index …]`, else −1
 *   value[node]            a leaf's contribution to the raw prediction (learning rate already applied)
 *
 * Raw thresholds mean `predict` never bins its input (scikit-learn's `TreePredictor`).
 */
export interface TreeArrays {
  treeStart: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  binThreshold: Uint8Array;
  missingGoesLeft: Uint8Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
  bitsetIndex: Int32Array;
  bitsets: Int32Array;
}

function enlarge<T extends Int32Array | Float64Array | Uint8Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const out = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  out.set(array);
  return out;
}

/** Collects grown trees into `TreeArrays`, growing the arrays by doubling. */
export class TreeStore {
  #trees: TreeArrays = {
    treeStart: new Int32Array(64),
    feature: new Int32Array(256),
    threshold: new Float64Array(256),
    binThreshold: new Uint8Array(256),
    missingGoesLeft: new Uint8Array(256),
    left: new Int32Array(256),
    right: new Int32Array(256),
    value: new Float64Array(256),
    bitsetIndex: new Int32Array(256),
    bitsets: new Int32Array(64),
  };
  #nNodes = 0;
  #nTrees = 0;
  #nBitsets = 0;
  readonly #mapper: BinMapper;

  constructor(mapper: BinMapper) {
    this.#mapper = mapper;
  }

  get nTrees(): number {
    return this.#nTrees;
  }

  /** Appends a grown tree (depth-first, left subtree first) and returns its index. */
  add(root: GrowNode): number {
    const t = this.#trees;
    t.treeStart = enlarge(t.treeStart, this.#nTrees + 2);
    t.treeStart[this.#nTrees] = this.#nNodes;
    this.#append(root);
    t.treeStart[this.#nTrees + 1] = this.#nNodes;
    return this.#nTrees++;
  }

  #append(node: GrowNode): number {
    const t = this.#reserve(this.#nNodes + 1);
    const id = this.#nNodes++;
    t.value[id] = node.value;
    t.bitsetIndex[id] = -1;
    if (node.isLeaf) {
      t.feature[id] = -1;
      t.left[id] = -1;
      t.right[id] = -1;
      return id;
    }
    const split = node.split;
    const f = split.feature;
    t.feature[id] = f;
    t.missingGoesLeft[id] = split.missingGoesLeft ? 1 : 0;
    t.binThreshold[id] = split.bin;
    if (split.isCategorical) {
      t.threshold[id] = Number.NaN;
      t.bitsets = enlarge(t.bitsets, (this.#nBitsets + 1) * BITSET_WORDS);
      t.bitsets.set(split.leftBins, this.#nBitsets * BITSET_WORDS);
      t.bitsetIndex[id] = this.#nBitsets++;
    } else {
      // The last non-missing bin as threshold means "every value left, missing values right".
      const edges = this.#mapper.thresholds[f];
      t.threshold[id] =
        split.bin === this.#mapper.nBinsNonMissing[f] - 1 ? Number.POSITIVE_INFINITY : edges[split.bin];
    }
    // Children first, then the links: appending may reallocate the arrays.
    const leftId = this.#append(node.left!);
    const rightId = this.#append(node.right!);
    this.#trees.left[id] = leftId;
    this.#trees.right[id] = rightId;
    return id;
  }

  #reserve(size: number): TreeArrays {
    const t = this.#trees;
    t.feature = enlarge(t.feature, size);
    t.threshold = enlarge(t.threshold, size);
    t.binThreshold = enlarge(t.binThreshold, size);
    t.missingGoesLeft = enlarge(t.missingGoesLeft, size);
    t.left = enlarge(t.left, size);
    t.right = enlarge(t.right, size);
    t.value = enlarge(t.value, size);
    t.bitsetIndex = enlarge(t.bitsetIndex, size);
    return t;
  }

  /** The trees, trimmed to size. */
  finish(): TreeArrays {
    const t = this.#trees;
    const n = this.#nNodes;
    return {
      treeStart: t.treeStart.slice(0, this.#nTrees + 1),
      feature: t.feature.slice(0, n),
      threshold: t.threshold.slice(0, n),
      binThreshold: t.binThreshold.slice(0, n),
      missingGoesLeft: t.missingGoesLeft.slice(0, n),
      left: t.left.slice(0, n),
      right: t.right.slice(0, n),
      value: t.value.slice(0, n),
      bitsetIndex: t.bitsetIndex.slice(0, n),
      bitsets: t.bitsets.slice(0, this.#nBitsets * BITSET_WORDS),
    };
  }

  /** The trees so far, without copying (valid until the next `add`). */
  view(): TreeArrays {
    return this.#trees;
  }
}

/**
 * Adds the value of tree `t` for every row of the raw matrix X to `out[offset + i]`. A categorical value goes left
 * when its code is in the split's set, right when it is another category seen in training, and with the missing
 * values otherwise (NaN, an unseen or invalid code), as in scikit-learn.
 */
export function addTreeRaw(
  trees: TreeArrays,
  t: number,
  X: Matrix,
  knownCategories: Int32Array,
  out: Float64Array,
  offset: number,
): void {
  const { feature, threshold, missingGoesLeft, right, value, bitsetIndex, bitsets } = trees;
  const { nRows: n, data } = X;
  // Locals, not imports, in the hot loop (imports can compile to getter calls under CommonJS transforms).
  const words = BITSET_WORDS;
  const root = trees.treeStart[t];
  for (let i = 0; i < n; i++) {
    let node = root;
    let f: number;
    // A left child is always the next node (depth-first layout): one load fewer per level, −5% in this loop.
    while ((f = feature[node]) >= 0) {
      const x = data[f * n + i];
      const set = bitsetIndex[node];
      if (set < 0) {
        // NaN fails the comparison and goes where the split sends missing values.
        node =
          x <= threshold[node] || (Number.isNaN(x) && missingGoesLeft[node] === 1) ? node + 1 : right[node];
        continue;
      }
      let goLeft: boolean;
      if (!(x >= 0 && x < 256 && Number.isInteger(x))) {
        goLeft = missingGoesLeft[node] === 1;
      } else if ((bitsets[set * words + (x >>> 5)] & (1 << (x & 31))) !== 0) {
        goLeft = true;
      } else {
        const known = (knownCategories[f * words + (x >>> 5)] & (1 << (x & 31))) !== 0;
        goLeft = known ? false : missingGoesLeft[node] === 1;
      }
      node = goLeft ? node + 1 : right[node];
    }
    out[offset + i] += value[node];
  }
}

/** Adds the value of tree `t` for every row of column-major binned data (validation rows during fit). */
export function addTreeBinned(
  trees: TreeArrays,
  t: number,
  binned: Uint8Array,
  nRows: number,
  missingBin: number,
  out: Float64Array,
  offset: number,
): void {
  const { feature, binThreshold, missingGoesLeft, left, right, value, bitsetIndex, bitsets } = trees;
  const words = BITSET_WORDS;
  const root = trees.treeStart[t];
  for (let i = 0; i < nRows; i++) {
    let node = root;
    while (feature[node] >= 0) {
      const b = binned[feature[node] * nRows + i];
      let goLeft: boolean;
      if (b === missingBin) goLeft = missingGoesLeft[node] === 1;
      else if (bitsetIndex[node] >= 0)
        goLeft = (bitsets[bitsetIndex[node] * words + (b >>> 5)] & (1 << (b & 31))) !== 0;
      else goLeft = b <= binThreshold[node];
      node = goLeft ? left[node] : right[node];
    }
    out[offset + i] += value[node];
  }
}
