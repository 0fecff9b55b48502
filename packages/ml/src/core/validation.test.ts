import { describe, expect, it } from 'vitest';
import { Frame } from './frame';
import { Matrix } from './matrix';
import { checkFitInput, checkRegressionTarget, encodeClassTarget } from './validation';

describe('encodeClassTarget', () => {
  it('keeps only the levels that occur, in level order', () => {
    const { classes, codes } = encodeClassTarget(
      { codes: Int32Array.from([2, 0, 2]), levels: ['a', 'b', 'c'] },
      3,
      'M',
    );
    expect(classes).toEqual(['a', 'c']);
    expect(Array.from(codes)).toEqual([1, 0, 1]);
  });

  it('names raw integer classes by their value', () => {
    const { classes, codes } = encodeClassTarget(Int32Array.from([5, 3, 5]), 3, 'M');
    expect(classes).toEqual(['3', '5']);
    expect(Array.from(codes)).toEqual([1, 0, 1]);
  });

  it('reports a missing label, a single class and a length mismatch', () => {
    expect(() => encodeClassTarget(Int32Array.from([0, -1]), 2, 'M')).toThrow(
      expect.objectContaining({ code: 'TARGET_HAS_NAN' }),
    );
    expect(() => encodeClassTarget(Int32Array.from([1, 1]), 2, 'M')).toThrow(
      expect.objectContaining({ code: 'SINGLE_CLASS' }),
    );
    expect(() => encodeClassTarget(Int32Array.from([0, 1]), 3, 'M')).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
  });
});

describe('input checks', () => {
  it('turns numeric frames into matrices and refuses categorical columns', () => {
    const numeric = Frame.fromRecords([{ a: 1, b: 2 }]);
    expect(checkFitInput(numeric, 'M').toRows()).toEqual([[1, 2]]);
    const mixed = Frame.fromRecords([{ a: 1, c: 'x' }]);
    expect(() => checkFitInput(mixed, 'M')).toThrow(expect.objectContaining({ code: 'WRONG_COLUMN_KIND' }));
    expect(() => checkFitInput(Matrix.zeros(0, 2), 'M')).toThrow(
      expect.objectContaining({ code: 'EMPTY_DATA' }),
    );
  });

  it('refuses non-finite regression targets', () => {
    expect(() => checkRegressionTarget(Float64Array.from([1, Number.NaN]), 2, 'M')).toThrow(/row 1/);
    expect(() => checkRegressionTarget(Float64Array.from([Number.NEGATIVE_INFINITY]), 1, 'M')).toThrow(
      expect.objectContaining({ code: 'TARGET_HAS_NAN' }),
    );
  });
});
