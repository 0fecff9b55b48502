import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { choleskySolve } from '../linalg/cholesky';
import { reference } from './fixtures/ridge';
import { LinearRegression } from './linear-regression';
import { Ridge } from './ridge';

const X = Matrix.fromRows(reference.X);
const y = Float64Array.from(reference.y);

/** The closed form on the augmented design [1 X] with the intercept unpenalised, solved independently. */
function closedForm(alpha: number): { coef: number[]; intercept: number } {
  const p = X.nCols + 1;
  const A = new Float64Array(p * p);
  const b = new Float64Array(p);
  const feature = (i: number, j: number) => (j === 0 ? 1 : X.get(i, j - 1));
  for (let i = 0; i < X.nRows; i++) {
    for (let a = 0; a < p; a++) {
      b[a] += feature(i, a) * y[i];
      for (let c = 0; c < p; c++) A[a * p + c] += feature(i, a) * feature(i, c);
    }
  }
  for (let a = 1; a < p; a++) A[a * p + a] += alpha;
  const w = choleskySolve(A, b, p)!;
  return { intercept: w[0], coef: Array.from(w.subarray(1)) };
}

describe('Ridge', () => {
  it('equals the closed form (Xᵀ X + αI) w = Xᵀ y with an unpenalised intercept', () => {
    const model = new Ridge({ alpha: 1.5 }).fit(X, y);
    const expected = closedForm(1.5);
    model.coef_.forEach((w, j) => {
      expect(w).toBeCloseTo(expected.coef[j], 10);
    });
    expect(model.intercept_).toBeCloseTo(expected.intercept, 10);
  });

  it('matches scikit-learn Ridge(alpha=1.5) to 1e-10 (an exact solver on both sides)', () => {
    const model = new Ridge({ alpha: reference.ridge.alpha }).fit(X, y);
    model.coef_.forEach((w, j) => {
      expect(Math.abs(w - reference.ridge.coef[j])).toBeLessThan(1e-10);
    });
    expect(Math.abs(model.intercept_ - reference.ridge.intercept)).toBeLessThan(1e-10);
  });

  it('shrinks the coefficients as alpha grows', () => {
    const norm = (alpha: number) => Math.hypot(...new Ridge({ alpha }).fit(X, y).coef_);
    expect(norm(100)).toBeLessThan(norm(1));
    expect(norm(1e9)).toBeLessThan(1e-6);
  });

  it('predicts X w + b', () => {
    const model = new Ridge({ alpha: 0.5 }).fit(X, y);
    const pred = model.predict(X);
    const row = 7;
    const manual = model.intercept_ + model.coef_.reduce((sum, w, j) => sum + w * X.get(row, j), 0);
    expect(pred[row]).toBeCloseTo(manual, 12);
  });

  it('without an intercept, fits through the origin', () => {
    const model = new Ridge({ alpha: 0, fitIntercept: false }).fit(
      Matrix.fromRows([[1], [2], [3]]),
      Float64Array.from([2, 4, 6]),
    );
    expect(model.intercept_).toBe(0);
    expect(model.coef_[0]).toBeCloseTo(2, 12);
  });
});

describe('LinearRegression', () => {
  it('recovers an exact linear relation', () => {
    const Xe = Matrix.fromRows([
      [0, 1],
      [1, 0],
      [2, 3],
      [3, 1],
      [4, 4],
    ]);
    const ye = Float64Array.from(Xe.toRows(), ([a, b]) => 1 + 2 * a - 3 * b);
    const model = new LinearRegression().fit(Xe, ye);
    expect(model.coef_[0]).toBeCloseTo(2, 10);
    expect(model.coef_[1]).toBeCloseTo(-3, 10);
    expect(model.intercept_).toBeCloseTo(1, 10);
  });

  it('handles a duplicated column like lstsq: the minimum-norm solution (scikit-learn to 1e-6)', () => {
    const Xc = Matrix.fromColumns([X.column(0), X.column(1), X.column(2), X.column(0)]);
    const model = new LinearRegression().fit(Xc, y);
    // The jitter ridge is ~1e-10 of the Gram diagonal: the coefficients are the minimum-norm ones to ~1e-8.
    model.coef_.forEach((w, j) => {
      expect(Math.abs(w - reference.collinear.coef[j])).toBeLessThan(1e-6);
    });
    expect(model.coef_[0]).toBeCloseTo(model.coef_[3], 5);
    expect(Math.abs(model.intercept_ - reference.collinear.intercept)).toBeLessThan(1e-6);
  });

  it('fits a constant column without failing (its coefficient is 0)', () => {
    const Xk = Matrix.fromColumns([X.column(0), new Float64Array(X.nRows).fill(5)]);
    const model = new LinearRegression().fit(Xk, y);
    expect(model.coef_[1]).toBeCloseTo(0, 8);
    expect(Number.isFinite(model.intercept_)).toBe(true);
  });
});
