import { describe, expect, it } from 'vitest';
import { Matrix } from './matrix';

describe('Matrix', () => {
  const m = Matrix.fromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  it('stores columns contiguously (column-major)', () => {
    expect(Array.from(m.data)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(m.get(1, 2)).toBe(6);
    expect([m.nRows, m.nCols]).toEqual([2, 3]);
  });

  it('gives columns as views and rows as copies', () => {
    const copy = Matrix.fromRows(m.toRows());
    copy.column(1)[0] = 20;
    expect(copy.get(0, 1)).toBe(20);
    const row = copy.row(1);
    row[0] = 99;
    expect(copy.get(1, 0)).toBe(4);
    expect(Array.from(m.row(1))).toEqual([4, 5, 6]);
  });

  it('takes rows, stacks blocks and builds from columns', () => {
    expect(m.takeRows(Int32Array.from([1, 1, 0])).toRows()).toEqual([
      [4, 5, 6],
      [4, 5, 6],
      [1, 2, 3],
    ]);
    const stacked = Matrix.hstack([m, Matrix.fromColumns([[7, 8]])]);
    expect(stacked.toRows()).toEqual([
      [1, 2, 3, 7],
      [4, 5, 6, 8],
    ]);
    expect(Matrix.zeros(2, 2).data.every((v) => v === 0)).toBe(true);
  });

  it('rejects inconsistent shapes with SHAPE_MISMATCH', () => {
    expect(() => new Matrix(2, 2, new Float64Array(3))).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
    expect(() => Matrix.fromRows([[1, 2], [3]])).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
    expect(() => Matrix.hstack([m, Matrix.zeros(3, 1)])).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
  });
});
