import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { Rng } from '../core/rng';
import { buildTree, type TreeGrowth } from './build-tree';
import { applyTree } from './tree-arrays';

const growth: TreeGrowth = {
  criterion: 'squared_error',
  maxDepth: Number.POSITIVE_INFINITY,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  maxFeatures: 2,
  randomState: 0,
  splitter: 'random',
};

const rng = new Rng(9);
const X = Matrix.fromRows(Array.from({ length: 60 }, () => [rng.nextFloat() * 10, rng.nextFloat()]));
const target = Float64Array.from({ length: 60 }, (_, i) => (X.get(i, 0) > 5 ? 3 : -1) + X.get(i, 1));
const weight = new Float64Array(60).fill(1);

describe('random splitter (extra trees)', () => {
  it('draws every threshold inside the range of its node, and grows a tree that fits the rows exactly', () => {
    const tree = buildTree(X, { target, weight }, growth);
    const leaves = applyTree(tree, X);
    leaves.forEach((leaf, i) => {
      expect(tree.value[leaf]).toBeCloseTo(target[i], 12);
    });
    // Walk each training row down and check each threshold lies within the values that reached the node.
    const reached = new Map<number, number[]>();
    for (let i = 0; i < X.nRows; i++) {
      let node = 0;
      while (tree.feature[node] >= 0) {
        const f = tree.feature[node];
        reached.set(node, [...(reached.get(node) ?? []), X.get(i, f)]);
        node = X.get(i, f) <= tree.threshold[node] ? tree.left[node] : tree.right[node];
      }
    }
    for (const [node, values] of reached) {
      expect(tree.threshold[node]).toBeGreaterThanOrEqual(Math.min(...values));
      expect(tree.threshold[node]).toBeLessThan(Math.max(...values));
    }
  });

  it('depends on the seed, unlike the exact splitter on distinct values', () => {
    const a = buildTree(X, { target, weight }, { ...growth, randomState: 1 });
    const b = buildTree(X, { target, weight }, { ...growth, randomState: 2 });
    expect(a.threshold[0]).not.toBe(b.threshold[0]);
    const exact = (randomState: number) =>
      buildTree(X, { target, weight }, { ...growth, splitter: 'best', randomState }).threshold[0];
    expect(exact(1)).toBe(exact(2));
  });

  it('splits missing from present values when nothing else separates them', () => {
    const Xm = Matrix.fromRows([[1], [1], [1], [Number.NaN], [Number.NaN]]);
    const tree = buildTree(
      Xm,
      { target: Float64Array.from([0, 0, 0, 5, 5]), weight: new Float64Array(5).fill(1) },
      growth,
    );
    expect(tree.threshold[0]).toBe(Number.POSITIVE_INFINITY);
    expect(tree.missingGoesLeft[0]).toBe(0);
  });
});

describe('buildTree with zero weights (bootstrap samples)', () => {
  it('leaves rows of weight 0 out of the tree, as if they were not there', () => {
    const w = Float64Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 0 : i % 3));
    const exact = { ...growth, splitter: 'best' as const };
    const weighted = buildTree(X, { target, weight: w }, exact);
    const kept = Int32Array.from(Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 3 !== 0));
    const subset = buildTree(
      X.takeRows(kept),
      { target: Float64Array.from(kept, (i) => target[i]), weight: Float64Array.from(kept, (i) => w[i]) },
      exact,
    );
    expect(weighted.nNodeSamples[0]).toBe(40);
    expect(Array.from(weighted.threshold)).toEqual(Array.from(subset.threshold));
    expect(Array.from(weighted.value)).toEqual(Array.from(subset.value));
  });
});
