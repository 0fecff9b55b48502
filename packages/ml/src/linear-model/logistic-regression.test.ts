import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { reference } from './fixtures/logistic-regression';
import { LogisticRegression } from './logistic-regression';

interface Case {
  X: number[][];
  y: number[];
  tight: { coef: number[][]; intercept: number[]; proba: number[][] };
  default: { coef: number[][]; intercept: number[]; proba: number[][] };
  modern: { coef: number[][]; intercept: number[] };
}

function fitCase(c: Case, params: ConstructorParameters<typeof LogisticRegression>[0] = {}) {
  return new LogisticRegression(params).fit(Matrix.fromRows(c.X), Int32Array.from(c.y));
}

function expectClose(actual: Matrix | Float64Array, expected: number[][] | number[], tolerance: number) {
  const flat = actual instanceof Matrix ? actual.toRows().flat() : Array.from(actual);
  const want = expected.flat();
  expect(flat).toHaveLength(want.length);
  flat.forEach((v, i) => {
    expect(Math.abs(v - want[i])).toBeLessThan(tolerance);
  });
}

// Fixtures from scripts/sklearn-reference.py (scikit-learn 1.2.1, C = 1):
// - "tight": the exact optimum (newton-cg, gradient ~1e-11). Run to tol 1e-10 we must agree to 1e-6.
// - "modern": LogisticRegression(C=1.0) as scikit-learn ≥ 1.4 fits it (PR #26721: mean loss, scipy L-BFGS-B,
//   gtol = tol = 1e-4), rebuilt from 1.2's own loss code. Our default fit stops by the same rule along a slightly
//   different path, so we require 1e-3 (the brief's bar) against it.
// - "default": 1.2's own lbfgs fit, whose tol applies to the summed loss (so it stops closer to the optimum);
//   both it and the modern fit are ~1e-3 from the optimum, hence 2e-3 for the comparisons that cross versions.
describe.each([
  ['binary', reference.binary as Case, {}],
  ['multinomial', reference.multinomial as Case, {}],
  ['balanced', reference.balanced as Case, { classWeight: 'balanced' as const }],
])('LogisticRegression vs scikit-learn (%s)', (_name, c, params) => {
  it('matches the optimum when run to a tight tolerance', () => {
    const model = fitCase(c, { ...params, tol: 1e-10, maxIter: 10000 });
    expectClose(model.coef_, c.tight.coef, 1e-6);
    expectClose(model.intercept_, c.tight.intercept, 1e-6);
    expectClose(model.predictProba(Matrix.fromRows(c.X.slice(0, 10))), c.tight.proba, 1e-6);
    expect(model.converged_).toBe(true);
  });

  it('matches scikit-learn (≥ 1.4 rule) to 1e-3 with the default tolerance', () => {
    const model = fitCase(c, params);
    expectClose(model.coef_, c.modern.coef, 1e-3);
    expectClose(model.intercept_, c.modern.intercept, 1e-3);
    expectClose(model.coef_, c.tight.coef, 2e-3);
    expectClose(model.coef_, c.default.coef, 2e-3);
  });
});

describe('LogisticRegression', () => {
  it('uses one coefficient row for two classes and one per class otherwise', () => {
    expect(fitCase(reference.binary as Case).coef_.nRows).toBe(1);
    expect(fitCase(reference.multinomial as Case).coef_.nRows).toBe(3);
  });

  it('separates an easy problem and maps predictions onto the label levels', () => {
    const X = Matrix.fromRows([[-3], [-2], [-1.5], [-1], [1], [1.5], [2], [3]]);
    const y = { codes: Int32Array.from([1, 1, 1, 1, 0, 0, 0, 0]), levels: ['yes', 'no'] };
    const model = new LogisticRegression().fit(X, y);
    expect(model.classes_).toEqual(['yes', 'no']);
    expect(Array.from(model.predict(X))).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    expect(model.coef_.get(0, 0)).toBeLessThan(0); // scores favour classes_[1] = 'no', which lives on the left
  });

  it('penalises more with a smaller C', () => {
    const c = reference.multinomial as Case;
    const norm = (m: LogisticRegression) => Math.hypot(...m.coef_.data);
    expect(norm(fitCase(c, { C: 0.01 }))).toBeLessThan(norm(fitCase(c, { C: 1 })));
  });

  it('keeps the multinomial intercepts centred (softmax is shift invariant)', () => {
    const model = fitCase(reference.multinomial as Case);
    expect(Math.abs(model.intercept_.reduce((a, b) => a + b, 0))).toBeLessThan(1e-10);
  });

  it('reports non-convergence when maxIter is too small', () => {
    const model = fitCase(reference.multinomial as Case, { maxIter: 2 });
    expect(model.converged_).toBe(false);
    expect(model.nIter_).toBe(2);
  });

  it('rejects missing values in X with INPUT_HAS_NAN', () => {
    const X = Matrix.fromRows([[0], [Number.NaN], [1], [2]]);
    expect(() => new LogisticRegression().fit(X, Int32Array.from([0, 0, 1, 1]))).toThrow(
      expect.objectContaining({ code: 'INPUT_HAS_NAN' }),
    );
  });
});
