import { MlError } from '../core/errors';
import type { FitOptions } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { Tabular, Target } from '../core/roles';
import { CsrMatrix } from './csr-matrix';

/**
 * A transformer that can hand its output on in CSR form (vectorizers, a ColumnTransformer with a text entry).
 * `Tabular` stays dense-or-frame for every other estimator; a Pipeline uses these methods only when the next step
 * `acceptsSparse`, so dense pipelines run exactly as before.
 */
export interface SparseOutput {
  /** True when this transformer's output is naturally sparse (worth keeping in CSR form). */
  producesSparse(): boolean;
  fitTransformSparse(X: Tabular, y?: Target, options?: FitOptions): CsrMatrix;
  transformSparse(X: Tabular): CsrMatrix;
}

export function isSparseOutput(estimator: unknown): estimator is SparseOutput {
  const e = estimator as Partial<SparseOutput> | null;
  return (
    typeof e?.producesSparse === 'function' &&
    e.producesSparse() &&
    typeof e.fitTransformSparse === 'function'
  );
}

/** True for estimators whose fit/predict/transform take a `CsrMatrix` as is (LogisticRegression, NMF, LDA). */
export function acceptsSparse(estimator: unknown): boolean {
  return (estimator as { acceptsSparse?: unknown } | null)?.acceptsSparse === true;
}

/** Puts dense and sparse blocks side by side as one CSR matrix (dense zeros are not stored). */
export function hstackSparse(blocks: readonly (Matrix | CsrMatrix)[], nRows: number): CsrMatrix {
  const parts = blocks.map((b) => (b instanceof Matrix ? CsrMatrix.fromDense(b) : b));
  for (const b of parts) {
    if (b.nRows !== nRows) {
      throw new MlError('SHAPE_MISMATCH', `Cannot stack a block of ${b.nRows} rows with ${nRows} rows.`);
    }
  }
  const nCols = parts.reduce((sum, b) => sum + b.nCols, 0);
  const indptr = new Int32Array(nRows + 1);
  for (let i = 0; i < nRows; i++) {
    let count = 0;
    for (const b of parts) count += b.indptr[i + 1] - b.indptr[i];
    indptr[i + 1] = indptr[i] + count;
  }
  const indices = new Int32Array(indptr[nRows]);
  const data = new Float64Array(indptr[nRows]);
  for (let i = 0; i < nRows; i++) {
    let q = indptr[i];
    let offset = 0;
    for (const b of parts) {
      for (let k = b.indptr[i]; k < b.indptr[i + 1]; k++) {
        indices[q] = b.indices[k] + offset;
        data[q++] = b.data[k];
      }
      offset += b.nCols;
    }
  }
  return new CsrMatrix(nRows, nCols, indptr, indices, data);
}
