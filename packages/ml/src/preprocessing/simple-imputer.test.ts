import { describe, expect, it } from 'vitest';
import { Frame } from '../core/frame';
import { Matrix } from '../core/matrix';
import { SimpleImputer } from './simple-imputer';

const NaN_ = Number.NaN;

describe('SimpleImputer on matrices', () => {
  const X = Matrix.fromRows([
    [1, NaN_],
    [NaN_, 4],
    [7, 4],
    [8, 1],
  ]);

  it.each([
    ['mean', [16 / 3, 3]],
    ['median', [7, 4]],
    ['most_frequent', [1, 4]],
    ['constant', [0, 0]],
  ] as const)('fills with the %s', (strategy, expected) => {
    const imputer = new SimpleImputer({ strategy }).fit(X);
    expect(imputer.statistics_).toEqual(expected);
    const out = imputer.transform(X) as Matrix;
    expect(out.get(1, 0)).toBe(expected[0]);
    expect(out.get(0, 1)).toBe(expected[1]);
    expect(out.get(2, 0)).toBe(7);
  });

  it('adds indicators only for the columns that had missing values in fit', () => {
    const partial = Matrix.fromRows([
      [1, 2],
      [NaN_, 3],
    ]);
    const imputer = new SimpleImputer({ strategy: 'mean', addIndicator: true }).fit(partial);
    expect(Array.from(imputer.indicatorFeatures_)).toEqual([0]);
    const out = imputer.transform(
      Matrix.fromRows([
        [NaN_, NaN_],
        [5, 6],
      ]),
    ) as Matrix;
    expect(out.toRows()).toEqual([
      [1, 2.5, 1],
      [5, 6, 0],
    ]);
    expect(imputer.featureNamesOut()).toEqual(['x0', 'x1', 'missingindicator_x0']);
  });

  it('fills a column that was entirely missing in fit with 0', () => {
    const imputer = new SimpleImputer({ strategy: 'median' }).fit(Matrix.fromRows([[NaN_], [NaN_]]));
    expect((imputer.transform(Matrix.fromRows([[NaN_]])) as Matrix).get(0, 0)).toBe(0);
  });
});

describe('SimpleImputer on frames', () => {
  const frame = Frame.fromRecords([{ city: 'Lyon' }, { city: null }, { city: 'Paris' }, { city: 'Paris' }]);

  it('fills categorical columns with the most frequent level', () => {
    const imputer = new SimpleImputer({ strategy: 'most_frequent' }).fit(frame);
    const out = imputer.transform(frame) as Frame;
    const city = out.column('city');
    expect(city.kind === 'categorical' && city.codes.map((c) => (c < 0 ? -1 : c)).every((c) => c >= 0)).toBe(
      true,
    );
    expect(city.kind === 'categorical' && city.levels[city.codes[1]]).toBe('Paris');
  });

  it('adds the fill level when a new frame lacks it', () => {
    const imputer = new SimpleImputer({ strategy: 'constant', fillValue: 'unknown' }).fit(frame);
    const other = Frame.fromRecords([{ city: 'Nice' }, { city: null }]);
    const city = (imputer.transform(other) as Frame).column('city');
    expect(city.kind === 'categorical' && city.levels[city.codes[1]]).toBe('unknown');
  });

  it('refuses a mean of text with WRONG_COLUMN_KIND', () => {
    expect(() => new SimpleImputer({ strategy: 'mean' }).fit(frame)).toThrow(
      expect.objectContaining({ code: 'WRONG_COLUMN_KIND' }),
    );
  });
});
