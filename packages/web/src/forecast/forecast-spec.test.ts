import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { forecastChartData, forecastSpec } from './forecast-spec';
import type { SeriesRecord } from './types';

const series: SeriesRecord = {
  id: 'S1',
  n: 3,
  filled: 0,
  history: { times: ['2024-01-01', '2024-01-02', '2024-01-03'], values: [1, 2, 3] },
  forecast: {
    times: ['2024-01-04', '2024-01-05'],
    mean: [4, 5],
    lower: { 80: [3.5, 4], 95: [3, 3.5] },
    upper: { 80: [4.5, 6], 95: [5, 6.5] },
  },
  result: null,
  error: null,
};

describe('forecast chart', () => {
  it('joins the forecast to the last observation and draws the widest band first', () => {
    const { points, bands, levels } = forecastChartData(series);
    expect(points.filter((p) => p.kind === 'history').map((p) => p.value)).toEqual([1, 2, 3]);
    expect(points.filter((p) => p.kind === 'forecast').map((p) => p.value)).toEqual([3, 4, 5]);
    expect(levels).toEqual(['95', '80']);
    expect(bands[0]).toEqual({ t: '2024-01-04', lo: 3, hi: 5, level: '95% interval' });
    expect(bands).toHaveLength(4);
  });

  it('compiles to Vega with a band layer and a line layer', () => {
    const spec = forecastSpec(series, { yTitle: 'sales', temporal: true });
    const vega = compile(spec).spec;
    const marks = JSON.stringify(vega.marks);
    expect(marks).toContain('"type":"area"');
    expect(marks).toContain('"type":"line"');
  });
});
