import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { DecisionTreeClassifier } from './decision-tree-classifier';
import { reference } from './fixtures/decision-tree';

const X = Matrix.fromRows(reference.X);
const XTest = Matrix.fromRows(reference.XTest);
const y = Int32Array.from(reference.yClass);

describe.each(['gini', 'entropy'] as const)('DecisionTreeClassifier vs scikit-learn (%s)', (criterion) => {
  // Fixtures: scikit-learn 1.2.1, DecisionTreeClassifier(max_depth=4, min_samples_leaf=3). Continuous features,
  // so no two candidate splits tie and the trees must be identical node for node; probabilities are ratios of
  // the same counts (1e-12).
  const expected = reference[criterion];
  const model = new DecisionTreeClassifier({ criterion, maxDepth: 4, minSamplesLeaf: 3 }).fit(X, y);

  it('grows the same tree, node for node', () => {
    expect(model.nodeCount_).toBe(expected.nodeCount);
    // scikit-learn marks leaves with feature −2 (we use −1), and it searches float32 copies of X, so its
    // thresholds carry float32 rounding (~1e-7 here).
    expect(Array.from(model.feature_, (f) => Math.max(f, -1))).toEqual(
      expected.feature.map((f) => Math.max(f, -1)),
    );
    model.feature_.forEach((f, node) => {
      if (f >= 0) expect(Math.abs(model.threshold_[node] - expected.threshold[node])).toBeLessThan(1e-6);
    });
  });

  it('predicts the same probabilities and importances', () => {
    const proba = model.predictProba(XTest).toRows().flat();
    expected.proba.flat().forEach((p, k) => {
      expect(Math.abs(proba[k] - p)).toBeLessThan(1e-12);
    });
    expected.importances.forEach((v, j) => {
      expect(Math.abs(model.featureImportances_[j] - v)).toBeLessThan(1e-12);
    });
  });
});

describe('DecisionTreeClassifier', () => {
  it('recovers a simple rule exactly', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i % 10, Math.floor(i / 10)]);
    const labels = Int32Array.from(rows, ([a, b]) => (a > 4 && b < 3 ? 1 : 0));
    const model = new DecisionTreeClassifier().fit(Matrix.fromRows(rows), labels);
    expect(
      Array.from(
        model.predict(
          Matrix.fromRows([
            [7, 1],
            [2, 1],
            [7, 4],
            [5, 2],
          ]),
        ),
      ),
    ).toEqual([1, 0, 0, 1]);
    expect(model.getDepth()).toBe(2);
    expect(model.threshold_[0] === 4.5 || model.threshold_[0] === 2.5).toBe(true);
  });

  it('respects maxDepth and minSamplesLeaf', () => {
    const model = new DecisionTreeClassifier({ maxDepth: 2, minSamplesLeaf: 10 }).fit(X, y);
    expect(model.getDepth()).toBeLessThanOrEqual(2);
    for (let node = 0; node < model.nodeCount_; node++) {
      if (model.feature_[node] < 0) expect(model.nNodeSamples_[node]).toBeGreaterThanOrEqual(10);
    }
  });

  it('learns where missing values go and never crashes on NaN', () => {
    // x < 0 → class 0, x > 0 → class 1, and missing rows are all class 1: they must be sent right.
    const values = [-3, -2, -1, -0.5, 0.5, 1, 2, 3, Number.NaN, Number.NaN, Number.NaN];
    const labels = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    const model = new DecisionTreeClassifier().fit(Matrix.fromRows(values.map((v) => [v])), labels);
    expect(model.missingGoesLeft_[0]).toBe(0);
    expect(Array.from(model.predict(Matrix.fromRows([[Number.NaN], [-2], [2]])))).toEqual([1, 0, 1]);
  });

  it('sends missing values to the larger child when fit saw none', () => {
    const values = [[-3], [-2], [-1], [1], [2]];
    const model = new DecisionTreeClassifier().fit(Matrix.fromRows(values), Int32Array.from([0, 0, 0, 1, 1]));
    expect(Array.from(model.predict(Matrix.fromRows([[Number.NaN]])))).toEqual([0]);
  });

  it('can split missing against present values', () => {
    const values = [1, 2, 3, 4, Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    const labels = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1]);
    const model = new DecisionTreeClassifier().fit(Matrix.fromRows(values.map((v) => [v])), labels);
    expect(model.threshold_[0]).toBe(Number.POSITIVE_INFINITY);
    expect(Array.from(model.predict(Matrix.fromRows([[Number.NaN], [100]])))).toEqual([1, 0]);
  });

  it("with classWeight 'balanced', a rare class weighs as much as a common one", () => {
    const values = Array.from({ length: 40 }, (_, i) => [i]);
    // The rare class sits among the common one: unweighted, the root leaf predicts the majority.
    const labels = Int32Array.from(values, ([v]) => (v >= 18 && v < 22 ? 1 : 0));
    const plain = new DecisionTreeClassifier({ maxDepth: 1 }).fit(Matrix.fromRows(values), labels);
    const balanced = new DecisionTreeClassifier({ maxDepth: 1, classWeight: 'balanced' }).fit(
      Matrix.fromRows(values),
      labels,
    );
    const rareRow = Matrix.fromRows([[19]]);
    expect(balanced.predictProba(rareRow).get(0, 1)).toBeGreaterThan(plain.predictProba(rareRow).get(0, 1));
  });

  it('with maxFeatures, different seeds may pick different trees but each seed is reproducible', () => {
    const fit = (randomState: number) =>
      new DecisionTreeClassifier({ maxFeatures: 1, randomState }).fit(X, y);
    const roots = new Set([0, 1, 2, 3, 4, 5, 6, 7].map((seed) => fit(seed).feature_[0]));
    expect(roots.size).toBeGreaterThan(1);
    expect(Array.from(fit(3).feature_)).toEqual(Array.from(fit(3).feature_));
  });
});
