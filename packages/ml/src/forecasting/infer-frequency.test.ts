import { describe, expect, it } from 'vitest';
import { inferFrequency } from './infer-frequency';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const utc = (y: number, m: number, d = 1) => Date.UTC(y, m, d);

describe('inferFrequency', () => {
  it('recognises hourly data and reports gaps', () => {
    const t = Float64Array.from({ length: 50 }, (_, i) => utc(2024, 0) + (i < 30 ? i : i + 2) * HOUR);
    expect(inferFrequency(t)).toEqual({ unit: 'hour', step: 1, season: 24, gaps: [29] });
  });

  it('recognises daily, weekly, two-hourly and minute data', () => {
    const every = (ms: number, n = 30) => Float64Array.from({ length: n }, (_, i) => utc(2024, 0) + i * ms);
    expect(inferFrequency(every(DAY))).toMatchObject({ unit: 'day', step: 1, season: 7 });
    expect(inferFrequency(every(7 * DAY))).toMatchObject({ unit: 'week', step: 1, season: 52 });
    expect(inferFrequency(every(2 * HOUR))).toMatchObject({ unit: 'hour', step: 2, season: 12 });
    expect(inferFrequency(every(15 * 60_000))).toMatchObject({ unit: 'minute', step: 15, season: 4 });
  });

  it('recognises calendar months, quarters and years despite their unequal lengths', () => {
    const months = Float64Array.from({ length: 36 }, (_, i) => utc(2020, i));
    expect(inferFrequency(months)).toEqual({ unit: 'month', step: 1, season: 12, gaps: [] });
    const quarters = Float64Array.from({ length: 12 }, (_, i) => utc(2020, 3 * i));
    expect(inferFrequency(quarters)).toMatchObject({ unit: 'quarter', step: 1, season: 4 });
    const years = Float64Array.from({ length: 10 }, (_, i) => utc(2000 + i, 0));
    expect(inferFrequency(years)).toMatchObject({ unit: 'year', step: 1, season: 1 });
  });

  it('refuses unsorted or too few timestamps', () => {
    expect(() => inferFrequency(Float64Array.of(1))).toThrow(/at least 2/);
    expect(() => inferFrequency(Float64Array.of(3, 2, 4))).toThrow(/increasing/);
  });
});
