import type { Matrix } from '../core/matrix';

/**
 * A fitted tree in flat typed arrays (one slot per node, nodes in depth-first order, root = 0):
 *
 *   feature[node]    split feature, or −1 for a leaf
 *   threshold[node]  go left when x ≤ threshold
 *   left/right[node] child node ids (−1 for a leaf)
 *   missingGoesLeft  1 when a missing x (NaN) goes left
 *   value[node * nValues + k]  class proportions (classifier) or the mean (regressor)
 */
export interface TreeArrays {
  nodeCount: number;
  nValues: number;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  missingGoesLeft: Uint8Array;
  value: Float64Array;
  impurity: Float64Array;
  nNodeSamples: Int32Array;
  weightedNodeSamples: Float64Array;
}

/** Node storage that grows by doubling while the tree is built, then is trimmed. */
export class GrowableTree {
  tree: TreeArrays;

  constructor(nValues: number, capacity = 64) {
    this.tree = allocate(nValues, capacity);
    this.tree.nodeCount = 0;
  }

  addNode(parent: number, isLeft: boolean): number {
    const t = this.tree;
    if (t.nodeCount === t.feature.length) this.tree = resize(t, t.feature.length * 2);
    const node = this.tree.nodeCount++;
    this.tree.feature[node] = -1;
    this.tree.left[node] = -1;
    this.tree.right[node] = -1;
    if (parent >= 0) {
      if (isLeft) this.tree.left[parent] = node;
      else this.tree.right[parent] = node;
    }
    return node;
  }

  finish(): TreeArrays {
    return resize(this.tree, this.tree.nodeCount);
  }
}

function allocate(nValues: number, capacity: number): TreeArrays {
  return {
    nodeCount: capacity,
    nValues,
    feature: new Int32Array(capacity),
    threshold: new Float64Array(capacity),
    left: new Int32Array(capacity),
    right: new Int32Array(capacity),
    missingGoesLeft: new Uint8Array(capacity),
    value: new Float64Array(capacity * nValues),
    impurity: new Float64Array(capacity),
    nNodeSamples: new Int32Array(capacity),
    weightedNodeSamples: new Float64Array(capacity),
  };
}

function resize(t: TreeArrays, capacity: number): TreeArrays {
  const out = allocate(t.nValues, capacity);
  const n = Math.min(t.nodeCount, capacity);
  out.nodeCount = n;
  out.feature.set(t.feature.subarray(0, n));
  out.threshold.set(t.threshold.subarray(0, n));
  out.left.set(t.left.subarray(0, n));
  out.right.set(t.right.subarray(0, n));
  out.missingGoesLeft.set(t.missingGoesLeft.subarray(0, n));
  out.value.set(t.value.subarray(0, n * t.nValues));
  out.impurity.set(t.impurity.subarray(0, n));
  out.nNodeSamples.set(t.nNodeSamples.subarray(0, n));
  out.weightedNodeSamples.set(t.weightedNodeSamples.subarray(0, n));
  return out;
}

/** The leaf each row of X lands in. */
export function applyTree(
  t: Pick<TreeArrays, 'feature' | 'threshold' | 'left' | 'right' | 'missingGoesLeft'>,
  X: Matrix,
): Int32Array {
  const { nRows: n, data } = X;
  const leaves = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let node = 0;
    while (t.feature[node] >= 0) {
      const x = data[t.feature[node] * n + i];
      const goLeft = Number.isNaN(x) ? t.missingGoesLeft[node] === 1 : x <= t.threshold[node];
      node = goLeft ? t.left[node] : t.right[node];
    }
    leaves[i] = node;
  }
  return leaves;
}
