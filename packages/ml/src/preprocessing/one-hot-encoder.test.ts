import { describe, expect, it } from 'vitest';
import { Frame } from '../core/frame';
import { Matrix } from '../core/matrix';
import { OneHotEncoder } from './one-hot-encoder';

describe('OneHotEncoder', () => {
  const train = Frame.fromRecords([
    { color: 'red', size: 2 },
    { color: 'blue', size: 1 },
    { color: 'red', size: 2 },
  ]);

  it('learns sorted categories and names the outputs column_category', () => {
    const encoder = new OneHotEncoder().fit(train);
    expect(encoder.categories_).toEqual([
      ['blue', 'red'],
      ['1', '2'],
    ]);
    expect(encoder.featureNamesOut()).toEqual(['color_blue', 'color_red', 'size_1', 'size_2']);
    expect(encoder.transform(train).toRows()).toEqual([
      [0, 1, 0, 1],
      [1, 0, 1, 0],
      [0, 1, 0, 1],
    ]);
  });

  it('matches categories by name even when the new frame orders its levels differently', () => {
    const encoder = new OneHotEncoder().fit(train);
    const other = Frame.fromRecords([{ color: 'red', size: 1 }], {});
    expect(encoder.transform(other).toRows()).toEqual([[0, 1, 1, 0]]);
  });

  it("throws UNKNOWN_CATEGORY for an unseen value, or encodes zeros with handleUnknown 'ignore'", () => {
    const unseen = Frame.fromRecords([{ color: 'green', size: 2 }]);
    expect(() => new OneHotEncoder().fit(train).transform(unseen)).toThrow(/'green', which was not seen/);
    expect(new OneHotEncoder({ handleUnknown: 'ignore' }).fit(train).transform(unseen).toRows()).toEqual([
      [0, 0, 0, 1],
    ]);
  });

  it('encodes a missing value as all zeros', () => {
    const missing = Frame.fromRecords([{ color: null, size: null }], {
      color: 'categorical',
      size: 'numeric',
    });
    expect(new OneHotEncoder().fit(train).transform(missing).toRows()).toEqual([[0, 0, 0, 0]]);
  });

  it('accepts matrices, treating each distinct number as a category', () => {
    const encoder = new OneHotEncoder().fit(Matrix.fromRows([[3], [1], [3]]));
    expect(encoder.featureNamesOut()).toEqual(['x0_1', 'x0_3']);
  });
});
