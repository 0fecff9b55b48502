import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn } from '../../core/column';
import { Frame } from '../../core/frame';
import { Matrix } from '../../core/matrix';
import { BITSET_WORDS, hasBit } from './bitset';
import { readFitInput, readPredictInput } from './tabular-input';

const frame = new Frame([
  numericColumn('size', [1, 2, Number.NaN]),
  categoricalColumn('city', ['Oslo', null, 'Bergen']),
]);

describe('readFitInput', () => {
  it('reads a mask, a list of indices or none', () => {
    const X = Matrix.fromColumns([
      [1, 2, 3],
      [0, 1, 1],
    ]);
    expect(Array.from(readFitInput(X, [false, true], 255, 'T').isCategorical)).toEqual([0, 1]);
    expect(Array.from(readFitInput(X, [1], 255, 'T').isCategorical)).toEqual([0, 1]);
    expect(Array.from(readFitInput(X, null, 255, 'T').isCategorical)).toEqual([0, 0]);
    expect(Array.from(readFitInput(X, 'from_dtype', 255, 'T').isCategorical)).toEqual([0, 0]);
    expect(() => readFitInput(X, [2], 255, 'T')).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });

  it('reads column names for frames only', () => {
    expect(Array.from(readFitInput(frame, ['city'], 255, 'T').isCategorical)).toEqual([0, 1]);
    expect(() => readFitInput(frame, ['town'], 255, 'T')).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
    expect(() => readFitInput(Matrix.fromColumns([[1]]), ['x0'], 255, 'T')).toThrow(
      /matrix has no column names/,
    );
  });

  it('turns frame categories into compact codes in level order and records the levels', () => {
    const input = readFitInput(frame, 'from_dtype', 255, 'T');
    expect(input.featureNames).toEqual(['size', 'city']);
    expect(input.categoryLevels).toEqual([[], ['Bergen', 'Oslo']]);
    expect(Array.from(input.X.column(1))).toEqual([1, Number.NaN, 0]);
    expect(input.nCategories[1]).toBe(2);
    expect(hasBit(input.knownCategories, BITSET_WORDS, 1)).toBe(true);
    expect(hasBit(input.knownCategories, BITSET_WORDS, 2)).toBe(false);
  });

  it('refuses codes beyond maxBins', () => {
    const X = Matrix.fromColumns([[0, 12]]);
    expect(() => readFitInput(X, [0], 10, 'T')).toThrow(
      expect.objectContaining({ code: 'WRONG_COLUMN_KIND' }),
    );
  });
});

describe('readPredictInput', () => {
  const input = readFitInput(frame, 'from_dtype', 255, 'T');

  it('matches columns by name and categories by level, unseen levels becoming missing', () => {
    const other = new Frame([
      categoricalColumn('city', ['Bergen', 'Tromsø', 'Oslo']),
      numericColumn('size', [5, 6, 7]),
    ]);
    const X = readPredictInput(other, input, input.isCategorical, 'T');
    expect(X.toRows()).toEqual([
      [5, 0],
      [6, Number.NaN],
      [7, 1],
    ]);
  });

  it('refuses a column of the other kind', () => {
    const numericCity = new Frame([numericColumn('size', [1]), numericColumn('city', [1])]);
    expect(() => readPredictInput(numericCity, input, input.isCategorical, 'T')).toThrow(
      expect.objectContaining({ code: 'WRONG_COLUMN_KIND' }),
    );
  });
});
