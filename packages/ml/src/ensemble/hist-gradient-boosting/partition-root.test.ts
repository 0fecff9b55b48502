import { describe, expect, it } from 'vitest';
import { TreeGrower } from './grower';
import { RowPartition } from './partition';
import type { SplitContext } from './splitting';
import { SplitInfo } from './splitting';

// One feature over 8 rows; bin 9 is the missing bin.
const bins = Uint8Array.of(3, 0, 9, 5, 1, 9, 2, 4);
const gh = Float32Array.from({ length: 16 }, (_, k) => (k % 2 === 0 ? k / 2 : -k));

describe('RowPartition.splitRoot', () => {
  it('leaves the rows and gradients exactly as reset followed by split of the whole range does', () => {
    for (const missingGoesLeft of [false, true]) {
      const split = new SplitInfo();
      split.feature = 0;
      split.bin = 2;
      split.missingGoesLeft = missingGoesLeft;
      const usual = new RowPartition(8);
      usual.reset(gh);
      const position = usual.split(split, bins, 8, 9, 0, 8);
      const direct = new RowPartition(8);
      // Stale contents from a previous tree must not matter.
      direct.rows.fill(7);
      direct.pairs.fill(-1);
      expect(direct.splitRoot(split, bins, 9, gh)).toBe(position);
      expect(Array.from(direct.rows)).toEqual(Array.from(usual.rows));
      expect(Array.from(direct.gh)).toEqual(Array.from(usual.gh));
    }
  });
});

describe('TreeGrower without a team', () => {
  const n = 64;
  const binned = Uint8Array.from({ length: n }, (_, i) => i % 4);
  const ctx: SplitContext = {
    nFeatures: 1,
    nBins: 5,
    missingBin: 4,
    nBinsNonMissing: Int32Array.of(4),
    hasMissing: Uint8Array.of(0),
    isCategorical: Uint8Array.of(0),
    l2Regularization: 0,
    minSamplesLeaf: 1,
    minHessianToSplit: 1e-3,
    rowHessianBound: 0,
  };
  const params = { maxLeafNodes: 4, maxDepth: null, minSamplesLeaf: 1, shrinkage: 1 };

  it('gives a root that stays a leaf every row, after a tree that reordered them', () => {
    const grower = new TreeGrower(binned, n, ctx, params);
    // First a tree that splits (gradient = bin), which leaves the rows reordered ...
    const steep = Float32Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? binned[k >> 1] : 1));
    grower.grow(steep, false);
    expect(grower.leaves.length).toBeGreaterThan(1);
    expect(Array.from(grower.partition.rows)).not.toEqual(Array.from({ length: n }, (_, i) => i));
    // ... then one whose hessians sum to less than a split needs: the root is the only leaf and owns rows 0..n−1
    // with their gradients.
    const flat = Float32Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? 0.5 : 0));
    const root = grower.grow(flat, false);
    expect(root.isLeaf).toBe(true);
    expect(grower.leaves).toEqual([root]);
    expect(Array.from(grower.partition.rows)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(Array.from(grower.partition.gh)).toEqual(Array.from(flat));
  });
});
