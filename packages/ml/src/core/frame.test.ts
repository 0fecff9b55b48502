import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn } from './column';
import { Frame } from './frame';

describe('Frame', () => {
  const frame = Frame.fromRecords([
    { age: 30, city: 'Paris', score: null },
    { age: null, city: 'Lyon', score: 2 },
    { age: 25, city: null, score: 3 },
  ]);

  it('infers numeric and categorical columns, with NaN and -1 for missing', () => {
    expect(frame.names).toEqual(['age', 'city', 'score']);
    const age = frame.column('age');
    const city = frame.column('city');
    expect(age.kind).toBe('numeric');
    expect(age.kind === 'numeric' && Number.isNaN(age.values[1])).toBe(true);
    expect(city.kind === 'categorical' && city.levels).toEqual(['Lyon', 'Paris']);
    expect(city.kind === 'categorical' && Array.from(city.codes)).toEqual([1, 0, -1]);
  });

  it('lets kinds be forced', () => {
    const forced = Frame.fromRecords([{ zip: 75001 }, { zip: 69001 }], { zip: 'categorical' });
    expect(forced.column('zip').kind).toBe('categorical');
  });

  it('selects and takes rows without copying levels', () => {
    const picked = frame.select(['city']).take(Int32Array.from([1, 1]));
    const city = picked.column('city');
    expect(picked.nRows).toBe(2);
    expect(city.kind === 'categorical' && Array.from(city.codes)).toEqual([0, 0]);
    expect(city.kind === 'categorical' && city.levels).toBe(
      (frame.column('city') as { levels: string[] }).levels,
    );
  });

  it('names a missing column in its error', () => {
    expect(() => frame.column('salary')).toThrow(expect.objectContaining({ code: 'MISSING_COLUMN' }));
    expect(() => frame.column('salary')).toThrow(/'salary' is not in the data/);
  });

  it('rejects columns of different lengths and duplicate names', () => {
    expect(() => new Frame([numericColumn('a', [1, 2]), numericColumn('b', [1])])).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
    expect(() => new Frame([numericColumn('a', [1]), categoricalColumn('a', ['x'])])).toThrow(/twice/);
  });
});
