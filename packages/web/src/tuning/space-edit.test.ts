import { describe, expect, it } from 'vitest';
import type { SpaceParam } from '../api/types';
import { boundsText, buildSpace, defaultEdit, gridSize, parseParam } from './space-edit';

// The decision tree's documented space, as GET /api/tuning/spaces sends it.
const maxDepth: SpaceParam = {
  values: [2, 3, 4, 6, 8, 12, null],
  distribution: { type: 'randint', low: 1, high: 32 },
  min: 1,
  max: 64,
  integer: true,
  options: [null],
  description: 'Deepest split level',
};
const weights: SpaceParam = {
  values: ['uniform', 'distance'],
  min: null,
  max: null,
  integer: false,
  options: ['uniform', 'distance'],
  description: 'Vote weights',
};
const C: SpaceParam = {
  values: [0.01, 1, 100],
  distribution: { type: 'loguniform', low: 1e-4, high: 1e3 },
  min: 1e-6,
  max: 1e6,
  integer: false,
  options: [],
  description: 'Inverse regularisation',
};
const space = { maxDepth, weights };

describe('editing a search space within its documented bounds', () => {
  it('starts from the documented defaults, which build the same space the server would search', () => {
    const edit = defaultEdit(space);
    expect(edit.maxDepth).toEqual({
      searched: true,
      values: '2, 3, 4, 6, 8, 12, null',
      low: '1',
      high: '32',
    });
    expect(buildSpace(space, edit, 'grid')).toEqual({
      space: { maxDepth: [2, 3, 4, 6, 8, 12, null], weights: ['uniform', 'distance'] },
      errors: {},
    });
    expect(buildSpace(space, edit, 'random').space).toEqual({
      maxDepth: { type: 'randint', low: 1, high: 32 },
      weights: ['uniform', 'distance'],
    });
    expect(gridSize(buildSpace(space, edit, 'grid').space ?? {})).toBe(14);
  });

  it('marks values outside the bounds, non-whole numbers and unknown words', () => {
    const base = { searched: true, low: '', high: '' };
    expect(parseParam(maxDepth, { ...base, values: '2, 100' }, 'grid').error).toBe('100 is outside 1–64');
    expect(parseParam(maxDepth, { ...base, values: '2.5' }, 'grid').error).toBe('2.5 is not a whole number');
    expect(parseParam(maxDepth, { ...base, values: 'deep' }, 'grid').error).toBe(
      "'deep' is not an allowed value",
    );
    expect(parseParam(weights, { ...base, values: '3' }, 'grid').error).toBe('3: takes no numbers');
    expect(parseParam(maxDepth, { ...base, values: ' , ' }, 'grid').error).toBe('List at least one value');
    expect(parseParam(maxDepth, { ...base, values: '3, null' }, 'grid')).toEqual({
      entry: [3, null],
      error: null,
    });
  });

  it('checks ranges: low below high, randint high exclusive, log scale above zero', () => {
    const range = (p: SpaceParam, low: string, high: string) =>
      parseParam(p, { searched: true, values: '', low, high }, 'random');
    expect(range(maxDepth, '2', '9')).toEqual({ entry: { type: 'randint', low: 2, high: 9 }, error: null });
    expect(range(maxDepth, '2', '65').error).toBeNull(); // draws at most 64
    expect(range(maxDepth, '2', '66').error).toBe('65 is outside 1–64');
    expect(range(maxDepth, '9', '2').error).toBe('Low must be below high');
    expect(range(maxDepth, '1.5', '4').error).toBe('Whole numbers only');
    expect(range(C, '0', '10').error).toBe('A log scale needs low > 0');
    expect(range(C, '1e-3', '1e7').error).toBe('10000000 is outside 0.000001–1000000');
    expect(range(C, '', '10').error).toBe('Give a low and a high number');
  });

  it('leaves unsearched parameters out, and refuses a space with none searched', () => {
    const edit = defaultEdit(space);
    const one = buildSpace(space, { ...edit, weights: { ...edit.weights, searched: false } }, 'grid');
    expect(Object.keys(one.space ?? {})).toEqual(['maxDepth']);
    const none = buildSpace(
      space,
      {
        maxDepth: { ...edit.maxDepth, searched: false },
        weights: { ...edit.weights, searched: false },
      },
      'grid',
    );
    expect(none).toEqual({ space: null, errors: { '': 'Search at least one parameter' } });
    const bad = buildSpace(space, { ...edit, maxDepth: { ...edit.maxDepth, values: '0' } }, 'grid');
    expect(bad.space).toBeNull();
    expect(bad.errors.maxDepth).toBe('0 is outside 1–64');
  });

  it('says what is allowed in words', () => {
    expect(boundsText(maxDepth)).toBe('whole numbers 1–64, or null');
    expect(boundsText(weights)).toBe('uniform, distance');
    expect(boundsText(C)).toBe('numbers 0.000001–1000000');
  });
});
