import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { CategoricalNB } from './categorical-nb';
import { reference } from './fixtures/naive-bayes';

const { categorical } = reference;
const X = Matrix.fromRows(categorical.X);
const XTest = Matrix.fromRows(categorical.XTest);
const y = Int32Array.from(categorical.y);

describe.each(categorical.cases)(
  'CategoricalNB vs scikit-learn (alpha $alpha, minCategories $minCategories)',
  (c) => {
    // Exact: counts are integers and the formulas are scikit-learn's, term for term (1e-12).
    const model = new CategoricalNB({
      alpha: c.alpha,
      fitPrior: c.fitPrior,
      classPrior: c.classPrior,
      minCategories: c.minCategories,
    }).fit(X, y);

    it('learns the same category counts and log-probabilities', () => {
      expect(Array.from(model.nCategories_)).toEqual(c.nCategories);
      let offset = 0;
      c.featureLogProb.forEach((perClass) => {
        perClass.forEach((row) => {
          row.forEach((v) => {
            expect(Math.abs(model.featureLogProb_[offset++] - v)).toBeLessThan(1e-12);
          });
        });
      });
      c.classLogPrior.forEach((v, k) => {
        expect(Math.abs(model.classLogPrior_[k] - v)).toBeLessThan(1e-12);
      });
    });

    it('predicts the same probabilities and classes', () => {
      const proba = model.predictProba(XTest).toRows();
      c.proba.forEach((row, i) => {
        row.forEach((p, k) => {
          expect(Math.abs(proba[i][k] - p)).toBeLessThan(1e-12);
        });
      });
      expect(Array.from(model.predict(XTest))).toEqual(c.predict);
    });
  },
);

describe('CategoricalNB', () => {
  const model = new CategoricalNB().fit(X, y);

  it('gives an unseen category the smoothed zero count α / (N_c + α · nCategories)', () => {
    const seen = model.jointLogLikelihood(Matrix.fromRows([[0, 0, 0]])).row(0);
    const unseen = model.jointLogLikelihood(Matrix.fromRows([[9, 0, 0]])).row(0);
    for (let c = 0; c < 3; c++) {
      const m = model.nCategories_[0];
      const zero = Math.log(1) - Math.log(model.classCount_[c] + m);
      const offset = c * m; // feature 0 comes first
      expect(unseen[c] - seen[c]).toBeCloseTo(zero - model.featureLogProb_[offset + 0], 12);
    }
  });

  it('refuses values that are not category codes', () => {
    for (const bad of [-1, 1.5]) {
      expect(() => new CategoricalNB().fit(Matrix.fromRows([[0], [bad]]), Int32Array.from([0, 1]))).toThrow(
        expect.objectContaining({
          code: 'WRONG_COLUMN_KIND',
          message: expect.stringMatching(/OrdinalEncoder/),
        }),
      );
    }
    expect(() =>
      new CategoricalNB().fit(Matrix.fromRows([[0], [Number.NaN]]), Int32Array.from([0, 1])),
    ).toThrow(expect.objectContaining({ code: 'INPUT_HAS_NAN' }));
    expect(() => model.predict(Matrix.fromRows([[0, -2, 0]]))).toThrow(/category codes/);
  });

  it('checks minCategories per feature and classPrior', () => {
    expect(() => new CategoricalNB({ minCategories: [2, 2] }).fit(X, y)).toThrow(
      /one integer >= 1 per feature/,
    );
    expect(() => new CategoricalNB({ classPrior: [1, 0] }).fit(X, y)).toThrow(/one prior per class/);
  });
});
