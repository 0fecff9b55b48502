import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { DecisionTreeRegressor } from './decision-tree-regressor';
import { reference } from './fixtures/decision-tree';

describe('DecisionTreeRegressor vs scikit-learn', () => {
  // Fixture: scikit-learn 1.2.1, DecisionTreeRegressor(max_depth=5, min_samples_split=10). Leaf means are sums in a
  // different order, so predictions agree to 1e-12 rather than bit for bit.
  const expected = reference.squared_error;
  const model = new DecisionTreeRegressor({ maxDepth: 5, minSamplesSplit: 10 }).fit(
    Matrix.fromRows(reference.X),
    Float64Array.from(reference.yReg),
  );

  it('grows the same tree', () => {
    expect(model.nodeCount_).toBe(expected.nodeCount);
    expect(Array.from(model.feature_, (f) => Math.max(f, -1))).toEqual(
      expected.feature.map((f) => Math.max(f, -1)),
    );
    model.feature_.forEach((f, node) => {
      // scikit-learn searches float32 copies of X: its thresholds carry float32 rounding.
      if (f >= 0) expect(model.threshold_[node]).toBeCloseTo(expected.threshold[node], 6);
    });
  });

  it('predicts the same values and importances', () => {
    const pred = model.predict(Matrix.fromRows(reference.XTest));
    expected.predict.forEach((v, i) => {
      expect(Math.abs(pred[i] - v)).toBeLessThan(1e-12);
    });
    expected.importances.forEach((v, j) => {
      expect(Math.abs(model.featureImportances_[j] - v)).toBeLessThan(1e-12);
    });
  });
});

describe('DecisionTreeRegressor', () => {
  it('recovers a step function', () => {
    const X = Matrix.fromRows(Array.from({ length: 20 }, (_, i) => [i]));
    const y = Float64Array.from({ length: 20 }, (_, i) => (i < 8 ? 5 : -1));
    const model = new DecisionTreeRegressor().fit(X, y);
    expect(model.nodeCount_).toBe(3);
    expect(model.threshold_[0]).toBe(7.5);
    expect(Array.from(model.predict(Matrix.fromRows([[0], [7], [8], [100]])))).toEqual([5, 5, -1, -1]);
  });

  it('predicts the mean of a leaf and is a single leaf for a constant target', () => {
    const X = Matrix.fromRows([[1], [2], [3]]);
    const model = new DecisionTreeRegressor().fit(X, Float64Array.from([4, 4, 4]));
    expect(model.nodeCount_).toBe(1);
    expect(model.predict(X)[0]).toBe(4);
    const stump = new DecisionTreeRegressor({ maxDepth: 1, minSamplesLeaf: 2 }).fit(
      Matrix.fromRows([[1], [2], [3], [4]]),
      Float64Array.from([1, 2, 10, 20]),
    );
    expect(Array.from(stump.predict(Matrix.fromRows([[1], [4]])))).toEqual([1.5, 15]);
  });

  it('handles NaN features at fit and predict', () => {
    const X = Matrix.fromRows([[1], [2], [Number.NaN], [10], [11], [Number.NaN]]);
    const y = Float64Array.from([0, 0, 9, 9, 9, 9]);
    const model = new DecisionTreeRegressor().fit(X, y);
    expect(Array.from(model.predict(Matrix.fromRows([[Number.NaN], [1.5], [10.5]])))).toEqual([9, 0, 9]);
  });
});
