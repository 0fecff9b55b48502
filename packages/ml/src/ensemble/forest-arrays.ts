import type { Matrix } from '../core/matrix';
import type { ForestTree } from './forest-tree';

/**
 * All trees of a fitted forest in one set of flat arrays, tree after tree:
 *
 *   nodeOffset = [0, n₀, n₀+n₁, …, total]       tree t owns nodes nodeOffset[t] … nodeOffset[t+1]−1
 *   feature / threshold / left / right / missingGoesLeft: one slot per node (child ids are tree-local)
 *   value[node * nValues + k]
 *
 * Flat typed arrays save as compact JSON and walk without touching an object per tree.
 */
export interface ForestArrays {
  nodeOffset: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  missingGoesLeft: Uint8Array;
  value: Float64Array;
}

export function packTrees(trees: readonly ForestTree[], nValues: number): ForestArrays {
  const nodeOffset = new Int32Array(trees.length + 1);
  trees.forEach((tree, t) => {
    nodeOffset[t + 1] = nodeOffset[t] + tree.nodeCount;
  });
  const total = nodeOffset[trees.length];
  const out: ForestArrays = {
    nodeOffset,
    feature: new Int32Array(total),
    threshold: new Float64Array(total),
    left: new Int32Array(total),
    right: new Int32Array(total),
    missingGoesLeft: new Uint8Array(total),
    value: new Float64Array(total * nValues),
  };
  trees.forEach((tree, t) => {
    const base = nodeOffset[t];
    out.feature.set(tree.feature, base);
    out.threshold.set(tree.threshold, base);
    out.left.set(tree.left, base);
    out.right.set(tree.right, base);
    out.missingGoesLeft.set(tree.missingGoesLeft, base);
    out.value.set(tree.value, base * nValues);
  });
  return out;
}

/**
 * The leaf (tree-local node id) row `i` of X reaches in the tree whose nodes start at `base`. Missing values follow
 * the learned direction.
 */
export function leafOf(
  f: Pick<ForestArrays, 'feature' | 'threshold' | 'left' | 'right' | 'missingGoesLeft'>,
  base: number,
  X: Matrix,
  i: number,
): number {
  const { data, nRows } = X;
  let node = 0;
  let feature = f.feature[base];
  while (feature >= 0) {
    const x = data[feature * nRows + i];
    const goLeft = Number.isNaN(x) ? f.missingGoesLeft[base + node] === 1 : x <= f.threshold[base + node];
    node = goLeft ? f.left[base + node] : f.right[base + node];
    feature = f.feature[base + node];
  }
  return node;
}

/** The mean over trees of the leaf values: n × nValues, column-major (class probabilities or predictions). */
export function forestMean(f: ForestArrays, nValues: number, X: Matrix): Float64Array {
  const n = X.nRows;
  const nTrees = f.nodeOffset.length - 1;
  const out = new Float64Array(n * nValues);
  for (let t = 0; t < nTrees; t++) {
    const base = f.nodeOffset[t];
    for (let i = 0; i < n; i++) {
      const at = (base + leafOf(f, base, X, i)) * nValues;
      for (let k = 0; k < nValues; k++) out[k * n + i] += f.value[at + k];
    }
  }
  for (let k = 0; k < out.length; k++) out[k] /= nTrees;
  return out;
}

/** What is wrong with loaded forest arrays (sizes, links, features), or null when they are walkable. */
export function forestArraysProblem(f: ForestArrays, nValues: number, nFeatures: number): string | null {
  const nTrees = f.nodeOffset.length - 1;
  const total = f.feature.length;
  if (nTrees < 1 || f.nodeOffset[0] !== 0 || f.nodeOffset[nTrees] !== total) return 'bad nodeOffset_';
  const sized = [f.threshold, f.left, f.right, f.missingGoesLeft];
  if (!sized.every((a) => a.length === total)) return 'one slot per node';
  if (f.value.length !== total * nValues) return 'value_ has nodes × nValues entries';
  for (let t = 0; t < nTrees; t++) {
    const base = f.nodeOffset[t];
    const count = f.nodeOffset[t + 1] - base;
    if (count < 1) return `tree ${t} has no nodes`;
    for (let node = 0; node < count; node++) {
      const feature = f.feature[base + node];
      const l = f.left[base + node];
      const r = f.right[base + node];
      // Children come after their parent (depth-first order), so every walk moves forward and ends in a leaf.
      const ok =
        feature < 0
          ? l === -1 && r === -1
          : feature < nFeatures && l > node && l < count && r > node && r < count;
      if (!ok) return `tree ${t} node ${node} has a bad feature or children`;
    }
  }
  return null;
}
