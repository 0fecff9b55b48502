import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { brierScoreLoss } from '../metrics/brier-score-loss';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier';
import { CalibratedClassifierCV } from './calibrated-classifier-cv';
import { reference } from './fixtures/calibration';
import { sigmoidCalibration } from './sigmoid-calibration';

const { sigmoid, calibrated } = reference;

describe('sigmoidCalibration (Platt, scikit-learn’s regularised targets)', () => {
  for (const { f, y, sklearn, exact } of sigmoid) {
    it(`reaches the exact optimum of scikit-learn’s objective (${f.length} rows)`, () => {
      const { a, b } = sigmoidCalibration(Float64Array.from(f), y);
      // Newton converges to the optimum to ~1e-13; scikit-learn 1.2's BFGS stops at gradient 1e-5, ~1e-6 away.
      expect(Math.abs(a - exact[0])).toBeLessThan(1e-10);
      expect(Math.abs(b - exact[1])).toBeLessThan(1e-10);
      expect(Math.abs(a - sklearn[0])).toBeLessThan(1e-5);
      expect(Math.abs(b - sklearn[1])).toBeLessThan(1e-5);
    });
  }

  it('keeps a finite slope on perfectly separated scores (the regularised targets)', () => {
    const { a, b } = sigmoidCalibration(Float64Array.from([-2, -1, 1, 2]), [0, 0, 1, 1]);
    expect(Number.isFinite(a) && a < 0).toBe(true);
    expect(Math.abs(b)).toBeLessThan(1e-9);
  });
});

describe('CalibratedClassifierCV vs scikit-learn (decision tree, 3 stratified folds)', () => {
  const X = Matrix.fromRows(calibrated.X);
  const XTest = Matrix.fromRows(calibrated.XTest);
  for (const target of ['binary', 'multiclass'] as const) {
    const y = Int32Array.from(calibrated[target].y);
    for (const method of ['isotonic', 'sigmoid'] as const) {
      for (const ensemble of [true, false]) {
        const expected = calibrated[target][`${method}${ensemble ? 'Ensemble' : 'Single'}`];
        it(`${target}, ${method}, ensemble ${ensemble}`, () => {
          const model = new CalibratedClassifierCV({
            estimator: new DecisionTreeClassifier({ maxDepth: 2, minSamplesLeaf: 20 }),
            method,
            cv: 3,
            ensemble,
          }).fit(X, y);
          const proba = model.predictProba(XTest).toRows();
          // Isotonic: the same folds, trees and pool-adjacent-violators give the same bits. Sigmoid: within the
          // distance between scikit-learn's BFGS stopping point and the exact optimum.
          const tolerance = method === 'isotonic' ? 0 : 2e-6;
          proba.forEach((row, i) => {
            row.forEach((p, c) => {
              expect(Math.abs(p - expected[i][c])).toBeLessThanOrEqual(tolerance);
            });
          });
        });
      }
    }
  }
});

describe('CalibratedClassifierCV', () => {
  const n = 300;
  const X = Matrix.fromRows(Array.from({ length: n }, (_, i) => [Math.sin(i * 1.3) * 2, Math.cos(i * 0.7)]));
  const y = Int32Array.from({ length: n }, (_, i) =>
    Math.sin(i * 1.3) * 2 + Math.sin(i * 7.1) > 0.2 ? 1 : 0,
  );

  it('improves the Brier score of an overconfident tree', () => {
    const tree = new DecisionTreeClassifier({ minSamplesLeaf: 1 });
    const train = Int32Array.from({ length: 200 }, (_, i) => i);
    const test = Int32Array.from({ length: 100 }, (_, i) => 200 + i);
    const Xtr = X.takeRows(train);
    const ytr = y.slice(0, 200);
    const raw = tree.fit(Xtr, ytr).predictProba(X.takeRows(test)).column(1);
    const calibrated = new CalibratedClassifierCV({ estimator: tree, method: 'sigmoid' }).fit(Xtr, ytr);
    const better = calibrated.predictProba(X.takeRows(test)).column(1);
    expect(brierScoreLoss(y.slice(200), better)).toBeLessThan(brierScoreLoss(y.slice(200), raw));
  });

  it('calibrates a prefit estimator without refitting it, and accepts a factory', () => {
    const fitted = new LogisticRegression().fit(X, y);
    const model = new CalibratedClassifierCV({ estimator: fitted, cv: 'prefit' }).fit(X, y);
    expect(model.calibratedClassifiers_[0].estimator).toBe(fitted);
    expect(() =>
      new CalibratedClassifierCV({ estimator: new LogisticRegression(), cv: 'prefit' }).fit(X, y),
    ).toThrow(expect.objectContaining({ code: 'NOT_FITTED' }));
    let made = 0;
    const factory = () => {
      made++;
      return new LogisticRegression({ C: 0.5 });
    };
    const viaFactory = new CalibratedClassifierCV({ estimator: factory, cv: 4 }).fit(X, y);
    expect(made).toBe(4);
    expect(viaFactory.calibratedClassifiers_.length).toBe(4);
  });

  it('needs as many rows per class as folds', () => {
    const few = Int32Array.from({ length: n }, (_, i) => (i < 3 ? 1 : 0));
    expect(() => new CalibratedClassifierCV({ cv: 5 }).fit(X, few)).toThrow(
      expect.objectContaining({ code: 'TOO_FEW_ROWS' }),
    );
  });
});
