import { MlError } from './errors';

/**
 * A dense matrix of doubles stored column-major, so a feature is one contiguous run of `data`:
 *
 *   data = [ x(0,0) x(1,0) … x(n-1,0) | x(0,1) x(1,1) … x(n-1,1) | … ]
 *            column 0                   column 1
 *
 * `NaN` marks a missing value.
 */
export class Matrix {
  readonly data: Float64Array;
  readonly nRows: number;
  readonly nCols: number;

  constructor(nRows: number, nCols: number, data?: Float64Array) {
    if (!Number.isInteger(nRows) || !Number.isInteger(nCols) || nRows < 0 || nCols < 0) {
      throw new MlError(
        'SHAPE_MISMATCH',
        `A matrix needs non-negative integer sizes, got ${nRows} × ${nCols}.`,
      );
    }
    const size = nRows * nCols;
    if (data !== undefined && data.length !== size) {
      throw new MlError(
        'SHAPE_MISMATCH',
        `A ${nRows} × ${nCols} matrix needs ${size} values, got ${data.length}. Pass data of length nRows * nCols.`,
      );
    }
    this.nRows = nRows;
    this.nCols = nCols;
    this.data = data ?? new Float64Array(size);
  }

  static zeros(nRows: number, nCols: number): Matrix {
    return new Matrix(nRows, nCols);
  }

  /** Builds a matrix from row arrays (the way people write small examples). */
  static fromRows(rows: readonly (readonly number[])[]): Matrix {
    const nRows = rows.length;
    const nCols = nRows === 0 ? 0 : rows[0].length;
    const out = new Matrix(nRows, nCols);
    for (let i = 0; i < nRows; i++) {
      if (rows[i].length !== nCols) {
        throw new MlError('SHAPE_MISMATCH', `Row ${i} has ${rows[i].length} values but row 0 has ${nCols}.`);
      }
      for (let j = 0; j < nCols; j++) out.data[j * nRows + i] = rows[i][j];
    }
    return out;
  }

  /** Builds a matrix from equally long columns (copied). */
  static fromColumns(columns: readonly ArrayLike<number>[], nRows = columns[0]?.length ?? 0): Matrix {
    const out = new Matrix(nRows, columns.length);
    columns.forEach((column, j) => {
      if (column.length !== nRows) {
        throw new MlError('SHAPE_MISMATCH', `Column ${j} has ${column.length} values, expected ${nRows}.`);
      }
      out.data.set(column, j * nRows);
    });
    return out;
  }

  get(i: number, j: number): number {
    return this.data[j * this.nRows + i];
  }

  set(i: number, j: number, value: number): void {
    this.data[j * this.nRows + i] = value;
  }

  /** Column `j` as a view (no copy): writing to it writes to the matrix. */
  column(j: number): Float64Array {
    return this.data.subarray(j * this.nRows, (j + 1) * this.nRows);
  }

  /** Row `i` as a new array (rows are strided, so this copies). */
  row(i: number): Float64Array {
    const out = new Float64Array(this.nCols);
    for (let j = 0; j < this.nCols; j++) out[j] = this.data[j * this.nRows + i];
    return out;
  }

  /** The rows at `indices`, in that order, as a new matrix. */
  takeRows(indices: Int32Array): Matrix {
    const n = indices.length;
    const out = new Matrix(n, this.nCols);
    for (let j = 0; j < this.nCols; j++) {
      const src = j * this.nRows;
      const dst = j * n;
      for (let r = 0; r < n; r++) out.data[dst + r] = this.data[src + indices[r]];
    }
    return out;
  }

  toRows(): number[][] {
    const rows: number[][] = [];
    for (let i = 0; i < this.nRows; i++) rows.push(Array.from(this.row(i)));
    return rows;
  }

  /** Concatenates matrices with the same number of rows side by side. */
  static hstack(blocks: readonly Matrix[], nRows = blocks[0]?.nRows ?? 0): Matrix {
    let nCols = 0;
    for (const block of blocks) {
      if (block.nRows !== nRows) {
        throw new MlError(
          'SHAPE_MISMATCH',
          `Cannot stack a block of ${block.nRows} rows with ${nRows} rows.`,
        );
      }
      nCols += block.nCols;
    }
    const out = new Matrix(nRows, nCols);
    let offset = 0;
    for (const block of blocks) {
      out.data.set(block.data, offset);
      offset += block.data.length;
    }
    return out;
  }
}
