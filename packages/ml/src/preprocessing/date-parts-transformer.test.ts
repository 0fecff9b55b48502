import { describe, expect, it } from 'vitest';
import { categoricalColumn, numericColumn } from '../core/column';
import { Frame } from '../core/frame';
import { Matrix } from '../core/matrix';
import { parseIsoDate } from './date-parts';
import { DatePartsTransformer } from './date-parts-transformer';

// Expected parts from Python's datetime (weekday(): Monday = 0, as pandas' dayofweek; tm_yday from 1).
//                      year  month day dayofweek hour dayofyear is_weekend
const CASES: [string, number[]][] = [
  ['2024-03-01', [2024, 3, 1, 4, 0, 61, 0]],
  ['2023-12-31', [2023, 12, 31, 6, 0, 365, 1]],
  ['2024-02-29T23:59:59', [2024, 2, 29, 3, 23, 60, 0]],
  ['0050-06-15T07:00', [50, 6, 15, 2, 7, 166, 0]],
  ['2021-01-03T10:00:00+05:00', [2021, 1, 3, 6, 10, 3, 1]],
];

describe('DatePartsTransformer', () => {
  it('reads ISO strings from a categorical column, wall-clock as written', () => {
    const frame = new Frame([
      categoricalColumn(
        'when',
        CASES.map(([text]) => text),
      ),
    ]);
    const encoder = new DatePartsTransformer().fit(frame);
    expect(encoder.featureNamesOut()).toEqual([
      'when_year',
      'when_month',
      'when_day',
      'when_dayofweek',
      'when_hour',
      'when_dayofyear',
      'when_is_weekend',
    ]);
    expect(encoder.transform(frame).toRows()).toEqual(CASES.map(([, parts]) => parts));
  });

  it('reads epoch milliseconds from a numeric column in UTC', () => {
    const X = Matrix.fromRows([[0], [1_700_000_000_000], [-3_155_760_000_000], [Number.NaN]]);
    const out = new DatePartsTransformer({ parts: ['year', 'dayofweek', 'dayofyear', 'hour'] })
      .fit(X)
      .transform(X);
    expect(out.toRows().slice(0, 3)).toEqual([
      [1970, 3, 1, 0],
      [2023, 1, 318, 22],
      [1869, 4, 365, 0],
    ]);
    expect(out.row(3).every(Number.isNaN)).toBe(true);
  });

  it('gives NaN for missing values, and for non-dates seen only after fit', () => {
    const train = new Frame([categoricalColumn('d', ['2024-01-01', null])]);
    const encoder = new DatePartsTransformer({ parts: ['month'] }).fit(train);
    expect(Number.isNaN(encoder.transform(train).get(1, 0))).toBe(true);
    const later = new Frame([categoricalColumn('d', ['soon', '2024-05-05'])]);
    const out = encoder.transform(later);
    expect(Number.isNaN(out.get(0, 0))).toBe(true);
    expect(out.get(1, 0)).toBe(5);
  });

  it('refuses a column that is not dates in fit, and unknown parts', () => {
    const frame = new Frame([numericColumn('n', [1]), categoricalColumn('c', ['red'])]);
    expect(() => new DatePartsTransformer().fit(frame)).toThrow(
      expect.objectContaining({
        code: 'WRONG_COLUMN_KIND',
        message: expect.stringMatching(/'red' is not an ISO date/),
      }),
    );
    expect(() => new DatePartsTransformer({ parts: ['week' as never] }).fit(Matrix.fromRows([[0]]))).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });
});

describe('parseIsoDate', () => {
  it('accepts ISO dates and date-times and refuses impossible ones', () => {
    expect(parseIsoDate('2024-03-01 14:30')).toEqual({ year: 2024, month: 3, day: 1, hour: 14 });
    expect(parseIsoDate('2024-03-01T14:30:15.250Z')).toEqual({ year: 2024, month: 3, day: 1, hour: 14 });
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-5', '01/02/2024', '2024-03-01T25:00', 'red']) {
      expect(parseIsoDate(bad)).toBeNull();
    }
  });
});
