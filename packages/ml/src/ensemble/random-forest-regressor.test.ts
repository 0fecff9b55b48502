import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { r2Score } from '../metrics/r2-score';
import {
  forestData,
  IMPORTANCE_TOLERANCE,
  meanOverSeeds,
  forestReference as ref,
  SCORE_TOLERANCE,
} from './forest-test-data';
import { RandomForestRegressor } from './random-forest-regressor';

const { X, y, XTest, yTest } = forestData.regression;

describe('RandomForestRegressor vs scikit-learn (statistical, see forest-test-data.ts)', () => {
  const models = [0, 1].map((seed) =>
    new RandomForestRegressor({ oobScore: true, randomState: seed }).fit(X, y),
  );

  it('has the defaults of scikit-learn >= 1.1 (every feature per split: maxFeatures null = 1.0)', () => {
    expect(models[0].params).toMatchObject({ nEstimators: 100, maxFeatures: null, bootstrap: true });
  });

  it('scores like scikit-learn on held-out rows and out of bag', () => {
    const r2 = meanOverSeeds([0, 1], (s) => r2Score(yTest, models[s].predict(XTest)));
    expect(Math.abs(r2 - ref.randomForestRegressor.mean)).toBeLessThan(SCORE_TOLERANCE);
    const oob = meanOverSeeds([0, 1], (s) => models[s].oobScore_!);
    expect(Math.abs(oob - ref.randomForestRegressor.oobMean)).toBeLessThan(SCORE_TOLERANCE);
  });

  it('finds the same feature importances (Friedman #1: features 5–7 are noise)', () => {
    ref.randomForestRegressor.importances.forEach((expected, j) => {
      expect(Math.abs(models[0].featureImportances_[j] - expected)).toBeLessThan(IMPORTANCE_TOLERANCE);
    });
  });

  it('gives an out-of-bag prediction per training row, consistent with oobScore_', () => {
    const oob = models[0].oobPrediction_!;
    expect(oob.length).toBe(X.nRows);
    expect(oob.every(Number.isFinite)).toBe(true);
    expect(r2Score(y, oob)).toBeCloseTo(models[0].oobScore_!, 12);
  });
});

describe('RandomForestRegressor', () => {
  it('predicts the mean of its trees, which stays within the range of the target', () => {
    const model = new RandomForestRegressor({ nEstimators: 10, randomState: 3 }).fit(X, y);
    const pred = model.predict(XTest);
    const [lo, hi] = [Math.min(...y), Math.max(...y)];
    expect(pred.every((v) => v >= lo && v <= hi)).toBe(true);
    expect(model.nTrees).toBe(10);
  });

  it('handles NaN features at fit and predict', () => {
    const rows = X.toRows().map((row, i) => (i % 3 === 0 ? [row[0], Number.NaN, ...row.slice(2)] : row));
    const model = new RandomForestRegressor({ nEstimators: 20 }).fit(Matrix.fromRows(rows), y);
    const pred = model.predict(
      Matrix.fromRows(XTest.toRows().map((row) => [row[0], Number.NaN, ...row.slice(2)])),
    );
    expect(pred.every(Number.isFinite)).toBe(true);
    expect(r2Score(yTest, pred)).toBeGreaterThan(0.5);
  });
});
