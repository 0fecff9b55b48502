import { BITSET_WORDS } from './bitset';
import { type GrowerParams, GrowNode, TreeGrower } from './grower';
import { addLeafValues } from './raw-update';
import type { SplitContext } from './splitting';

/**
 * Multiclass boosting grows one tree per class on each iteration, and those trees are independent given the
 * iteration's gradients: a team grows them side by side, one tree per chunk, each member with a grower of its own
 * (histograms and row partition in its own memory, the binned data shared). A member adds its tree's leaf values
 * to its class's raw predictions (a disjoint slice) and writes the tree, node by node in depth-first order, to the
 * class's slot of a shared buffer, from which the caller rebuilds it for the tree store. The trees are the ones one
 * thread would grow, bit for bit.
 */

/** Numbers per node in the shared tree buffer: leaf, value, feature, missing-left, bin, categorical, left set. */
const NODE_SLOTS = 6 + BITSET_WORDS;

/** Nodes a tree of at most `maxLeafNodes` leaves (or of `nRows` rows) can have. */
export function treeCapacity(maxLeafNodes: number | null, nRows: number): number {
  return 2 * Math.min(maxLeafNodes ?? nRows, nRows) + 1;
}

/** Slots of one class's tree in the shared buffer. */
export function treeSlots(capacity: number): number {
  return 1 + capacity * NODE_SLOTS;
}

export interface TreeTaskData {
  binned: Uint8Array;
  nRows: number;
  ctx: SplitContext;
  growerParams: GrowerParams;
  /** Row-indexed gradients and hessians of every class (class-major), and the raw predictions likewise. */
  gradients: Float32Array;
  raw: Float64Array;
  /** Per class, `treeSlots(capacity)` numbers: the node count, then the nodes. */
  trees: Float64Array;
  capacity: number;
}

function writeTree(root: GrowNode, out: Float64Array, base: number): void {
  let count = 0;
  const visit = (node: GrowNode) => {
    const at = base + 1 + count++ * NODE_SLOTS;
    out[at] = node.isLeaf ? 1 : 0;
    out[at + 1] = node.value;
    if (node.isLeaf) return;
    const split = node.split;
    out[at + 2] = split.feature;
    out[at + 3] = split.missingGoesLeft ? 1 : 0;
    out[at + 4] = split.bin;
    out[at + 5] = split.isCategorical ? 1 : 0;
    if (split.isCategorical) out.set(split.leftBins, at + 6);
    visit(node.left!);
    visit(node.right!);
  };
  visit(root);
  out[base] = count;
}

/** Rebuilds class `k`'s tree from the shared buffer, as the tree store reads it. */
export function readTree(trees: Float64Array, capacity: number, k: number): GrowNode {
  const base = k * treeSlots(capacity);
  let next = 0;
  const build = (): GrowNode => {
    const at = base + 1 + next++ * NODE_SLOTS;
    const node = new GrowNode(0, 0, 0, 0, 0, trees[at + 1]);
    if (trees[at] === 1) {
      node.isLeaf = true;
      return node;
    }
    const split = node.split;
    split.feature = trees[at + 2];
    split.missingGoesLeft = trees[at + 3] === 1;
    split.bin = trees[at + 4];
    split.isCategorical = trees[at + 5] === 1;
    if (split.isCategorical) {
      for (let w = 0; w < BITSET_WORDS; w++) split.leftBins[w] = trees[at + 6 + w];
    }
    node.left = build();
    node.right = build();
    return node;
  };
  return build();
}

/** A member's side: its own grower, made on its first tree. */
export class TreeTask {
  #grower: TreeGrower | null = null;
  #leafOf: Uint8Array | null = null;

  /** Grows class `k`'s tree, adds it to the class's raw predictions and writes it to the shared buffer. */
  grow(data: TreeTaskData, k: number, constantHessian: boolean): void {
    const n = data.nRows;
    this.#grower ??= new TreeGrower(data.binned, n, data.ctx, data.growerParams);
    const grower = this.#grower;
    const root = grower.grow(data.gradients.subarray(2 * k * n, 2 * (k + 1) * n), constantHessian);
    this.#leafOf ??= new Uint8Array(n);
    addLeafValues(data.raw.subarray(k * n, (k + 1) * n), grower.partition.rows, grower.leaves, this.#leafOf);
    writeTree(root, data.trees, k * treeSlots(data.capacity));
  }
}
