import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { accuracyScore } from '../metrics/accuracy-score';
import { balancedAccuracyScore } from '../metrics/balanced-accuracy-score';
import {
  forestData,
  IMPORTANCE_TOLERANCE,
  meanOverSeeds,
  forestReference as ref,
  SCORE_TOLERANCE,
} from './forest-test-data';
import { RandomForestClassifier } from './random-forest-classifier';

const { X, y, XTest, yTest } = forestData.classification;

describe('RandomForestClassifier vs scikit-learn (statistical, see forest-test-data.ts)', () => {
  const models = [0, 1, 2].map((seed) =>
    new RandomForestClassifier({ oobScore: true, randomState: seed }).fit(X, y),
  );

  it('has the defaults of scikit-learn >= 1.1', () => {
    const { params } = models[0];
    expect(params).toMatchObject({
      nEstimators: 100,
      maxFeatures: 'sqrt',
      bootstrap: true,
      criterion: 'gini',
    });
  });

  it('scores like scikit-learn on held-out rows and out of bag', () => {
    const accuracy = meanOverSeeds([0, 1, 2], (s) => accuracyScore(yTest, models[s].predict(XTest)));
    expect(Math.abs(accuracy - ref.randomForestClassifier.mean)).toBeLessThan(SCORE_TOLERANCE);
    const oob = meanOverSeeds([0, 1, 2], (s) => models[s].oobScore_!);
    expect(Math.abs(oob - ref.randomForestClassifier.oobMean)).toBeLessThan(SCORE_TOLERANCE);
  });

  it('finds the same feature importances', () => {
    ref.randomForestClassifier.importances.forEach((expected, j) => {
      expect(Math.abs(models[0].featureImportances_[j] - expected)).toBeLessThan(IMPORTANCE_TOLERANCE);
    });
    expect(models[0].featureImportances_.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('with balanced class weights, scores like scikit-learn on an imbalanced problem', () => {
    // Noisier than the main data (depth 4, 50 trees, 300 test rows with 30 positives): scikit-learn's balanced
    // accuracy varies with a standard deviation of ≈ 0.015 across seeds, so the tolerance is 0.04.
    const im = forestData.imbalanced;
    for (const [classWeight, expected] of [
      [null, ref.imbalanced_plain.mean],
      ['balanced', ref.imbalanced_balanced.mean],
      ['balanced_subsample', ref.imbalanced_balancedSubsample.mean],
    ] as const) {
      const score = meanOverSeeds([0, 1, 2, 3], (randomState) =>
        balancedAccuracyScore(
          im.yTest,
          new RandomForestClassifier({ nEstimators: 50, maxDepth: 4, classWeight, randomState })
            .fit(im.X, im.y)
            .predict(im.XTest),
        ),
      );
      expect(Math.abs(score - expected)).toBeLessThan(0.04);
    }
  });
});

describe('RandomForestClassifier', () => {
  const small = { nEstimators: 20, randomState: 5 };

  it('averages the trees: probabilities are multiples of 1/nEstimators on a pure leaf per tree', () => {
    const model = new RandomForestClassifier({ nEstimators: 8, randomState: 1 }).fit(X, y);
    const proba = model.predictProba(XTest);
    for (const p of proba.data) expect(Math.abs(p * 8 - Math.round(p * 8))).toBeLessThan(1e-9);
    expect(Array.from(model.predict(XTest))).toEqual(
      Array.from(proba.toRows(), (row) => row.indexOf(Math.max(...row))),
    );
  });

  it('gives out-of-bag probabilities only for rows some tree did not draw', () => {
    const model = new RandomForestClassifier({ nEstimators: 3, oobScore: true, randomState: 2 }).fit(X, y);
    const oob = model.oobDecisionFunction_!;
    expect(oob.nRows).toBe(X.nRows);
    const missing = oob.toRows().filter((row) => row.every(Number.isNaN)).length;
    // With 3 trees a row is in every bootstrap sample with probability (1 − 0.368)³ ≈ 0.25.
    expect(missing / X.nRows).toBeGreaterThan(0.15);
    expect(missing / X.nRows).toBeLessThan(0.35);
    expect(model.oobScore_).toBeGreaterThan(0.7);
  });

  it('handles NaN features at fit and predict', () => {
    const rows = X.toRows().map((row, i) => (i % 4 === 0 ? [Number.NaN, ...row.slice(1)] : row));
    const model = new RandomForestClassifier(small).fit(Matrix.fromRows(rows), y);
    const test = Matrix.fromRows(XTest.toRows().map((row) => [Number.NaN, ...row.slice(1)]));
    expect(accuracyScore(yTest, model.predict(test))).toBeGreaterThan(0.8);
  });

  it('refuses out-of-bag scoring and maxSamples without bootstrap', () => {
    expect(() => new RandomForestClassifier({ bootstrap: false, oobScore: true }).fit(X, y)).toThrow(
      /oobScore needs bootstrap/,
    );
    expect(() => new RandomForestClassifier({ bootstrap: false, maxSamples: 0.5 }).fit(X, y)).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
    expect(() => new RandomForestClassifier({ maxSamples: 10_000 }).fit(X, y)).toThrow(
      /more than the 600 rows/,
    );
  });

  it('draws maxSamples rows per tree: fewer rows give shallower trees', () => {
    const few = new RandomForestClassifier({ ...small, maxSamples: 30 }).fit(X, y);
    const all = new RandomForestClassifier(small).fit(X, y);
    expect(few.feature_.length).toBeLessThan(all.feature_.length / 4);
  });
});
