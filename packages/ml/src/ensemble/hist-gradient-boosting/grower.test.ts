import { describe, expect, it } from 'vitest';
import { type GrowNode, TreeGrower } from './grower';
import type { SplitContext } from './splitting';

// Two binary features over 400 rows (bins 0/1, plus an unused missing bin 2). The target is 10·x0, plus 4·x1 but
// only where x0 = 1: the root splits on x0, and only its right child has anything left to gain.
const n = 400;
const x0 = Uint8Array.from({ length: n }, (_, i) => (i < n / 2 ? 0 : 1));
const x1 = Uint8Array.from({ length: n }, (_, i) => i % 2);
const binned = new Uint8Array(2 * n);
binned.set(x0, 0);
binned.set(x1, n);
const y = Float64Array.from({ length: n }, (_, i) => 10 * x0[i] + (x0[i] === 1 ? 4 * x1[i] : 0.01 * x1[i]));
// Squared error at raw = 0: gradient −y, hessian 1.
const gh = new Float32Array(2 * n);
y.forEach((v, i) => {
  gh[2 * i] = -v;
  gh[2 * i + 1] = 1;
});

const ctx: SplitContext = {
  nFeatures: 2,
  nBins: 3,
  missingBin: 2,
  nBinsNonMissing: Int32Array.of(2, 2),
  hasMissing: Uint8Array.of(0, 0),
  isCategorical: Uint8Array.of(0, 0),
  l2Regularization: 0,
  minSamplesLeaf: 1,
  minHessianToSplit: 1e-3,
  rowHessianBound: 0,
};

function grow(maxLeafNodes: number | null, maxDepth: number | null = null) {
  const grower = new TreeGrower(binned, n, ctx, {
    maxLeafNodes,
    maxDepth,
    minSamplesLeaf: 1,
    shrinkage: 0.5,
  });
  const root = grower.grow(gh, true);
  return { grower, root };
}

describe('TreeGrower', () => {
  it('grows leaf-wise: the second split goes to the child that gains most, not the next in breadth order', () => {
    const { grower, root } = grow(3);
    expect(root.split.feature).toBe(0);
    expect(root.left!.isLeaf).toBe(true);
    expect(root.right!.isLeaf).toBe(false);
    expect(root.right!.split.feature).toBe(1);
    expect(grower.leaves).toHaveLength(3);
  });

  it('stops at maxDepth and when no split gains anything', () => {
    const shallow = grow(null, 1);
    expect(shallow.grower.leaves).toHaveLength(2);
    const full = grow(null);
    // Both children of the root split on x1 (the left one gains a little too); then nothing is left to gain.
    expect(full.grower.leaves).toHaveLength(4);
  });

  it('leaves own disjoint ranges of the row array covering every row, with shrunk Newton values', () => {
    const { grower } = grow(null);
    const seen = new Uint8Array(n);
    for (const leaf of grower.leaves) {
      const rows = grower.partition.rows.subarray(leaf.start, leaf.end);
      let sum = 0;
      for (const r of rows) {
        seen[r]++;
        sum += y[r];
      }
      // −G/H = mean target of the leaf, times the shrinkage 0.5.
      expect(leaf.value).toBeCloseTo((0.5 * sum) / rows.length, 4);
      expect(rows.every((r, k) => k === 0 || rows[k - 1] < r)).toBe(true);
    }
    expect(seen.every((count) => count === 1)).toBe(true);
  });

  it('sends rows to the side their bins say', () => {
    const { grower, root } = grow(null);
    const check = (node: GrowNode, path: (r: number) => boolean) => {
      for (let k = node.start; k < node.end; k++) expect(path(grower.partition.rows[k])).toBe(true);
    };
    check(root.left!, (r) => x0[r] === 0);
    check(root.right!.right!, (r) => x0[r] === 1 && x1[r] === 1);
  });
});
