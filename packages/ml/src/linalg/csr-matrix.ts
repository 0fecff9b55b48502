import { MlError } from '../core/errors';
import { Matrix } from '../core/matrix';

/**
 * A sparse matrix in compressed sparse row form (scipy's `csr_matrix`): row `i` holds the values
 * `data[indptr[i] .. indptr[i+1])` at columns `indices[indptr[i] .. indptr[i+1])`, column indices ascending.
 * Document–term matrices are > 99% zeros, so text features stay in this form until a model needs them dense.
 */
export class CsrMatrix {
  readonly nRows: number;
  readonly nCols: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly data: Float64Array;

  constructor(nRows: number, nCols: number, indptr: Int32Array, indices: Int32Array, data: Float64Array) {
    if (indptr.length !== nRows + 1 || indices.length !== data.length || indptr[nRows] !== data.length) {
      throw new MlError(
        'SHAPE_MISMATCH',
        `A ${nRows} × ${nCols} CSR matrix needs indptr of length ${nRows + 1} ending at the number of stored values (${data.length}).`,
      );
    }
    this.nRows = nRows;
    this.nCols = nCols;
    this.indptr = indptr;
    this.indices = indices;
    this.data = data;
  }

  /** Number of stored (non-zero) values. */
  get nnz(): number {
    return this.data.length;
  }

  /** Builds a CSR matrix from a dense one, keeping only the non-zero entries. */
  static fromDense(X: Matrix): CsrMatrix {
    const { nRows, nCols } = X;
    const indptr = new Int32Array(nRows + 1);
    const indices: number[] = [];
    const data: number[] = [];
    for (let i = 0; i < nRows; i++) {
      for (let j = 0; j < nCols; j++) {
        const v = X.data[j * nRows + i];
        if (v !== 0) {
          indices.push(j);
          data.push(v);
        }
      }
      indptr[i + 1] = data.length;
    }
    return new CsrMatrix(nRows, nCols, indptr, Int32Array.from(indices), Float64Array.from(data));
  }

  /** The dense (column-major) copy; only for small matrices or models without a sparse path. */
  toDense(): Matrix {
    const out = new Matrix(this.nRows, this.nCols);
    for (let i = 0; i < this.nRows; i++) {
      for (let k = this.indptr[i]; k < this.indptr[i + 1]; k++) {
        out.data[this.indices[k] * this.nRows + i] += this.data[k];
      }
    }
    return out;
  }

  get(i: number, j: number): number {
    for (let k = this.indptr[i]; k < this.indptr[i + 1]; k++) if (this.indices[k] === j) return this.data[k];
    return 0;
  }

  /** The rows at `rows`, in that order (a new matrix). */
  takeRows(rows: Int32Array): CsrMatrix {
    const indptr = new Int32Array(rows.length + 1);
    for (let r = 0; r < rows.length; r++) {
      indptr[r + 1] = indptr[r] + this.indptr[rows[r] + 1] - this.indptr[rows[r]];
    }
    const indices = new Int32Array(indptr[rows.length]);
    const data = new Float64Array(indptr[rows.length]);
    for (let r = 0; r < rows.length; r++) {
      const start = this.indptr[rows[r]];
      const end = this.indptr[rows[r] + 1];
      indices.set(this.indices.subarray(start, end), indptr[r]);
      data.set(this.data.subarray(start, end), indptr[r]);
    }
    return new CsrMatrix(rows.length, this.nCols, indptr, indices, data);
  }

  /** out = X v (length nRows). */
  multiplyVector(v: Float64Array, out = new Float64Array(this.nRows)): Float64Array {
    for (let i = 0; i < this.nRows; i++) {
      let sum = 0;
      for (let k = this.indptr[i]; k < this.indptr[i + 1]; k++) sum += this.data[k] * v[this.indices[k]];
      out[i] = sum;
    }
    return out;
  }

  /** out = Xᵀ r (length nCols). */
  transposeMultiplyVector(r: Float64Array, out = new Float64Array(this.nCols)): Float64Array {
    out.fill(0);
    for (let i = 0; i < this.nRows; i++) {
      const ri = r[i];
      if (ri === 0) continue;
      for (let k = this.indptr[i]; k < this.indptr[i + 1]; k++) out[this.indices[k]] += this.data[k] * ri;
    }
    return out;
  }
}
