import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { reference } from './fixtures/naive-bayes';
import { GaussianNB } from './gaussian-nb';

const { gaussian } = reference;
const X = Matrix.fromRows(gaussian.X);
const XTest = Matrix.fromRows(gaussian.XTest);
const y = Int32Array.from(gaussian.y);

/** |a − b| within `rel` of the larger magnitude (log-likelihoods reach the thousands). */
function close(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}

describe.each(gaussian.cases)(
  'GaussianNB vs scikit-learn (priors $priors, varSmoothing $varSmoothing)',
  (c) => {
    // Exact up to summation order: NumPy sums pairwise, we sum in order, so means and variances agree to ~1e-15
    // relative and log-likelihoods to ~1e-13 relative (1e-12 allowed); feature 3 has a variance of 1e-6, so
    // epsilon_ matters there.
    const model = new GaussianNB({ priors: c.priors, varSmoothing: c.varSmoothing }).fit(X, y);

    it('learns the same class means, variances, priors and epsilon', () => {
      expect(close(model.epsilon_, c.epsilon, 1e-12)).toBe(true);
      c.theta.forEach((row, k) => {
        row.forEach((v, j) => {
          expect(close(model.theta_.get(k, j), v, 1e-12)).toBe(true);
          expect(close(model.var_.get(k, j), c.var[k][j], 1e-12)).toBe(true);
        });
      });
      expect(Array.from(model.classPrior_).map((p) => p.toFixed(12))).toEqual(
        c.classPrior.map((p) => p.toFixed(12)),
      );
    });

    it('gives the same joint log-likelihoods, probabilities and classes', () => {
      const jll = model.jointLogLikelihood(XTest).toRows();
      const proba = model.predictProba(XTest).toRows();
      c.jll.forEach((row, i) => {
        row.forEach((v, k) => {
          expect(close(jll[i][k], v, 1e-12)).toBe(true);
          expect(Math.abs(proba[i][k] - c.proba[i][k])).toBeLessThan(1e-9);
        });
      });
      expect(Array.from(model.predict(XTest))).toEqual(c.predict);
    });
  },
);

describe('GaussianNB', () => {
  it('checks priors: one per class, summing to 1', () => {
    expect(() => new GaussianNB({ priors: [0.5, 0.5] }).fit(X, y)).toThrow(
      /one prior per class \(3\), got 2/,
    );
    expect(() => new GaussianNB({ priors: [0.5, 0.5, 0.5] }).fit(X, y)).toThrow(/must sum to 1/);
  });

  it('refuses NaN (impute first)', () => {
    const bad = Matrix.fromRows([[1], [Number.NaN], [2], [3]]);
    expect(() => new GaussianNB().fit(bad, Int32Array.from([0, 0, 1, 1]))).toThrow(
      expect.objectContaining({ code: 'INPUT_HAS_NAN' }),
    );
  });
});
