import { describe, expect, it } from 'vitest';
import { Frame } from '../core/frame';
import { OrdinalEncoder } from './ordinal-encoder';

describe('OrdinalEncoder', () => {
  const train = Frame.fromRecords([{ grade: 'b' }, { grade: 'a' }, { grade: 'c' }, { grade: 'a' }]);

  it('replaces categories by their index among the sorted categories', () => {
    const encoder = new OrdinalEncoder().fit(train);
    expect(encoder.categories_).toEqual([['a', 'b', 'c']]);
    expect(Array.from(encoder.transform(train).column(0))).toEqual([1, 0, 2, 0]);
  });

  it('turns unseen and missing values into NaN by default', () => {
    const other = Frame.fromRecords([{ grade: 'z' }, { grade: null }, { grade: 'c' }]);
    const out = Array.from(new OrdinalEncoder().fit(train).transform(other).column(0));
    expect(out.slice(0, 2).every(Number.isNaN)).toBe(true);
    expect(out[2]).toBe(2);
  });

  it("throws UNKNOWN_CATEGORY with handleUnknown 'error', and uses unknownValue otherwise", () => {
    const other = Frame.fromRecords([{ grade: 'z' }]);
    expect(() => new OrdinalEncoder({ handleUnknown: 'error' }).fit(train).transform(other)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_CATEGORY' }),
    );
    expect(new OrdinalEncoder({ unknownValue: -1 }).fit(train).transform(other).get(0, 0)).toBe(-1);
  });
});
