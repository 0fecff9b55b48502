import { generateRetailDemand } from '@quarry/academy';
import { describe, expect, it } from 'vitest';
import {
  guessValueColumn,
  isDatePartName,
  isIdName,
  measureRank,
  type NumericCandidate,
  type NumericColumnStats,
  nameWords,
} from './value-guess';

const named = (...names: string[]): NumericCandidate[] => names.map((name) => ({ name }));
const stats = (distinct: number, extra: Partial<NumericColumnStats> = {}): NumericColumnStats => ({
  count: 1000,
  distinct,
  integer: false,
  datePart: null,
  ...extra,
});

describe('the value-column guess', () => {
  it('reads names made of words in any case style', () => {
    expect(nameWords('dayOfWeek')).toEqual(['day', 'of', 'week']);
    expect(nameWords('Store ID')).toEqual(['store', 'id']);
    expect(nameWords('weekly-sales_2')).toEqual(['weekly', 'sales', '2']);
    for (const name of [
      'year',
      'Month',
      'week',
      'day_of_week',
      'dayOfWeek',
      'DOW',
      'weekday',
      'quarter',
      'hour',
      'date_month',
      'fiscal_year',
    ])
      expect(isDatePartName(name), name).toBe(true);
    for (const name of ['weekly_sales', 'days_since_open', 'year_built', 'sales_month', 'paid', 'date'])
      expect(isDatePartName(name), name).toBe(false);
    for (const name of ['store_id', 'storeId', 'StoreID', 'id', 'item_code', 'sku'])
      expect(isIdName(name), name).toBe(true);
    for (const name of ['paid', 'valid', 'humidity', 'sales']) expect(isIdName(name), name).toBe(false);
    expect(measureRank('units_sold')).toBeLessThan(measureRank('unit_price_usd') as number);
    expect(measureRank('temperature')).toBeNull();
  });

  it('skips date parts and keys for the measure, whatever their order', () => {
    const calendar = ['year', 'month', 'week', 'day_of_week', 'store_id'];
    expect(guessValueColumn(named(...calendar, 'sales'))).toBe('sales');
    expect(guessValueColumn(named('sales', ...calendar))).toBe('sales');
    // No measure name at all: the one column that is neither a date part nor a key.
    expect(guessValueColumn(named('footfall', ...calendar))).toBe('footfall');
    expect(guessValueColumn(named('quarter', 'hour', 'load_mw', 'dow', 'meter_code'))).toBe('load_mw');
    // The studio's own date-parts recipe step names them after the time column.
    const recipe = ['date_year', 'date_month', 'date_day', 'date_weekday', 'date_hour'];
    expect(guessValueColumn(named('footfall', ...recipe))).toBe('footfall');
  });

  it('prefers the measure a person plans for: units sold over the shelf price (the retail lab)', () => {
    const retail = generateRetailDemand(1, { rows: 1 });
    const numeric = retail.columns.filter((c) => c.type === 'numeric').map((c) => c.name);
    expect(numeric).toEqual(['unit_price_usd', 'units_sold']);
    expect(guessValueColumn(named(...numeric))).toBe(retail.target);
    expect(guessValueColumn(named('units_sold', 'unit_price_usd', 'year', 'month', 'weekday'))).toBe(
      'units_sold',
    );
    expect(guessValueColumn(named('price', 'quantity'))).toBe('quantity');
    expect(guessValueColumn(named('revenue', 'orders', 'y'))).toBe('y');
  });

  it('sees date parts and row numbers in the values when the names do not say', () => {
    const columns: NumericCandidate[] = [
      { name: 'm', stats: stats(12, { integer: true, datePart: 'month' }) },
      { name: 'n', stats: stats(1000, { integer: true }) }, // 1, 2, 3, …: every value distinct
      { name: 'temperature', stats: stats(300) },
      { name: 'reading', stats: stats(700) },
    ];
    expect(guessValueColumn(columns)).toBe('reading');
    // A measure name outweighs distinct counts, and a unique whole-number measure is no row number.
    expect(guessValueColumn([...columns, { name: 'revenue', stats: stats(1000, { integer: true }) }])).toBe(
      'revenue',
    );
    // A fractional column named like a date part is not one.
    expect(guessValueColumn([{ name: 'day', stats: stats(900) }, columns[0]])).toBe('day');
  });

  it('falls back to the column with the most distinct values', () => {
    expect(
      guessValueColumn([
        { name: 'a', stats: stats(40) },
        { name: 'b', stats: stats(30) },
      ]),
    ).toBe('a');
    // Only calendar columns: still an answer, the most varied one.
    expect(
      guessValueColumn([
        { name: 'year', stats: stats(2, { integer: true, datePart: 'year' }) },
        { name: 'week', stats: stats(53, { integer: true, datePart: 'week' }) },
      ]),
    ).toBe('week');
    // Nothing measured (names only): the last candidate, as before.
    expect(guessValueColumn(named('temperature', 'humidity'))).toBe('humidity');
    expect(guessValueColumn([])).toBeUndefined();
  });
});
