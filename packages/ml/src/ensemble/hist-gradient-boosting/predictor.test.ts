import { describe, expect, it } from 'vitest';
import { Matrix } from '../../core/matrix';
import { Rng } from '../../core/rng';
import { binMatrix, fitBinMapper } from './binning';
import { BITSET_WORDS, setBit } from './bitset';
import { TreeGrower } from './grower';
import { addTreeBinned, addTreeRaw, TreeStore } from './predictor';

// A numeric feature with missing values and a categorical one (codes 0..4), target driven by both.
const n = 500;
const rng = new Rng(8);
const x0 = Float64Array.from({ length: n }, (_, i) => (i % 9 === 0 ? Number.NaN : rng.nextFloat() * 10));
const x1 = Float64Array.from({ length: n }, () => rng.nextInt(5));
const X = Matrix.fromColumns([x0, x1]);
const y = Float64Array.from(
  { length: n },
  (_, i) => (Number.isNaN(x0[i]) ? 3 : x0[i] > 5 ? 1 : 0) + (x1[i] === 2 ? 2 : 0),
);
const isCategorical = Uint8Array.of(0, 1);
const mapper = fitBinMapper(X, isCategorical, Int32Array.of(0, 5), 255, new Rng(0));
const binned = binMatrix(X, mapper);
const hasMissing = Uint8Array.of(1, 0);
const grower = new TreeGrower(
  binned,
  n,
  {
    nFeatures: 2,
    nBins: 256,
    missingBin: 255,
    nBinsNonMissing: mapper.nBinsNonMissing,
    hasMissing,
    isCategorical,
    l2Regularization: 0,
    minSamplesLeaf: 5,
    minHessianToSplit: 1e-3,
    rowHessianBound: 0,
  },
  { maxLeafNodes: 8, maxDepth: null, minSamplesLeaf: 5, shrinkage: 1 },
);
const gh = new Float32Array(2 * n);
y.forEach((v, i) => {
  gh[2 * i] = -v;
  gh[2 * i + 1] = 1;
});
const store = new TreeStore(mapper);
store.add(grower.grow(gh, true));
const trees = store.finish();
const known = new Int32Array(2 * BITSET_WORDS);
for (let c = 0; c < 5; c++) setBit(known, BITSET_WORDS, c);

describe('tree predictors', () => {
  it('predict the same from raw values (raw thresholds) as from the binned training data', () => {
    const fromRaw = new Float64Array(n);
    const fromBins = new Float64Array(n);
    addTreeRaw(trees, 0, X, known, fromRaw, 0);
    addTreeBinned(trees, 0, binned, n, mapper.missingBin, fromBins, 0);
    expect(Array.from(fromRaw)).toEqual(Array.from(fromBins));
    // The tree recovers the target exactly: every leaf is pure.
    fromRaw.forEach((v, i) => {
      expect(v).toBeCloseTo(y[i], 5);
    });
  });

  it('store trees flat: depth-first, children after their parent, categorical sets in a bitset array', () => {
    expect(trees.treeStart[0]).toBe(0);
    expect(trees.treeStart[1]).toBe(trees.feature.length);
    trees.feature.forEach((f, node) => {
      if (f >= 0) expect(trees.left[node] > node && trees.right[node] > node).toBe(true);
    });
    expect(trees.bitsets.length).toBe(BITSET_WORDS * trees.bitsetIndex.filter((b) => b >= 0).length);
    expect(trees.threshold.some((t) => Number.isFinite(t))).toBe(true);
  });

  it('send unseen or invalid category codes the way missing values go', () => {
    const probe = (code: number) => {
      const out = new Float64Array(1);
      addTreeRaw(trees, 0, Matrix.fromRows([[7, code]]), known, out, 0);
      return out[0];
    };
    expect(probe(7)).toBe(probe(Number.NaN));
    expect(probe(-1)).toBe(probe(Number.NaN));
    expect(probe(2.5)).toBe(probe(Number.NaN));
    expect(probe(2)).toBeCloseTo(3, 5);
  });
});
