import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { r2Score } from '../metrics/r2-score';
import { ExtraTreesRegressor } from './extra-trees-regressor';
import {
  forestData,
  IMPORTANCE_TOLERANCE,
  meanOverSeeds,
  forestReference as ref,
  SCORE_TOLERANCE,
} from './forest-test-data';

const { X, y, XTest, yTest } = forestData.regression;

describe('ExtraTreesRegressor vs scikit-learn (statistical, see forest-test-data.ts)', () => {
  const models = [0, 1].map((seed) => new ExtraTreesRegressor({ randomState: seed }).fit(X, y));

  it('has the defaults of scikit-learn >= 1.1', () => {
    expect(models[0].params).toMatchObject({ nEstimators: 100, maxFeatures: null, bootstrap: false });
  });

  it('scores like scikit-learn on held-out rows and finds the same importances', () => {
    const r2 = meanOverSeeds([0, 1], (s) => r2Score(yTest, models[s].predict(XTest)));
    expect(Math.abs(r2 - ref.extraTreesRegressor.mean)).toBeLessThan(SCORE_TOLERANCE);
    ref.extraTreesRegressor.importances.forEach((expected, j) => {
      expect(Math.abs(models[0].featureImportances_[j] - expected)).toBeLessThan(IMPORTANCE_TOLERANCE);
    });
  });
});

describe('ExtraTreesRegressor', () => {
  it('fits the training rows exactly when fully grown on all rows (distinct inputs)', () => {
    const model = new ExtraTreesRegressor({ nEstimators: 5 }).fit(X, y);
    const pred = model.predict(X);
    pred.forEach((v, i) => {
      expect(v).toBeCloseTo(y[i], 9);
    });
  });

  it('learns where missing values go', () => {
    // x < 0 → 0, x > 0 → 10, missing → 10: every tree must send NaN right.
    const values = [-3, -2, -1, -0.5, 0.5, 1, 2, 3, Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    const target = Float64Array.from(values, (v) => (v < 0 ? 0 : 10));
    const model = new ExtraTreesRegressor({ nEstimators: 10 }).fit(
      Matrix.fromRows(values.map((v) => [v])),
      target,
    );
    expect(Array.from(model.predict(Matrix.fromRows([[Number.NaN], [-2.5], [2.5]])))).toEqual([10, 0, 10]);
  });
});
