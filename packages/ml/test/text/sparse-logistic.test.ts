import { describe, expect, it } from 'vitest';
import { Matrix } from '../../src/core/matrix';
import { Rng } from '../../src/core/rng';
import { CsrMatrix } from '../../src/linalg/csr-matrix';
import { LogisticRegression } from '../../src/linear-model/logistic-regression';

/** A seeded sparse design (about 80% zeros) with a class that depends on a few columns. */
function sparseData(nRows: number, nCols: number, nClasses: number, seed: number) {
  const rng = new Rng(seed);
  const X = new Matrix(nRows, nCols);
  const codes = new Int32Array(nRows);
  for (let i = 0; i < nRows; i++) {
    for (let j = 0; j < nCols; j++) if (rng.nextFloat() < 0.2) X.set(i, j, rng.nextFloat() * 2);
    const score = X.get(i, 0) - X.get(i, 1) + 0.5 * X.get(i, 2) + (rng.nextFloat() - 0.5);
    codes[i] = nClasses === 2 ? (score > 0 ? 1 : 0) : score < -0.3 ? 0 : score > 0.3 ? 2 : 1;
  }
  const levels = Array.from({ length: nClasses }, (_, k) => `c${k}`);
  return { X, y: { codes, levels } };
}

describe('LogisticRegression on CSR input', () => {
  for (const nClasses of [2, 3]) {
    it(`fits the same model as on the dense matrix (${nClasses} classes)`, () => {
      const { X, y } = sparseData(200, 12, nClasses, 11 + nClasses);
      const dense = new LogisticRegression({ C: 2, maxIter: 500, tol: 1e-10 }).fit(X, y);
      const sparse = new LogisticRegression({ C: 2, maxIter: 500, tol: 1e-10 }).fit(
        CsrMatrix.fromDense(X),
        y,
      );
      for (let k = 0; k < dense.coef_.data.length; k++) {
        expect(sparse.coef_.data[k]).toBeCloseTo(dense.coef_.data[k], 6);
      }
      const pDense = dense.predictProba(X);
      const pSparse = sparse.predictProba(CsrMatrix.fromDense(X));
      for (let k = 0; k < pDense.data.length; k++) expect(pSparse.data[k]).toBeCloseTo(pDense.data[k], 6);
      // Scoring a CSR matrix with a dense-fitted model gives the dense scores.
      const cross = dense.decisionFunction(CsrMatrix.fromDense(X));
      const own = dense.decisionFunction(X);
      for (let k = 0; k < own.data.length; k++) expect(cross.data[k]).toBeCloseTo(own.data[k], 12);
    });
  }

  it('rejects CSR input with another number of columns, and empty or non-finite input', () => {
    const { X, y } = sparseData(40, 5, 2, 3);
    const model = new LogisticRegression().fit(CsrMatrix.fromDense(X), y);
    const narrow = CsrMatrix.fromDense(Matrix.fromColumns([X.column(0)]));
    expect(() => model.predict(narrow)).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
    const empty = new CsrMatrix(0, 5, new Int32Array(1), new Int32Array(0), new Float64Array(0));
    expect(() =>
      new LogisticRegression().fit(empty, { codes: new Int32Array(0), levels: ['a', 'b'] }),
    ).toThrow(expect.objectContaining({ code: 'EMPTY_DATA' }));
    const bad = CsrMatrix.fromDense(X);
    bad.data[0] = Number.NaN;
    expect(() => new LogisticRegression().fit(bad, y)).toThrow(
      expect.objectContaining({ code: 'INPUT_HAS_NAN' }),
    );
  });
});
