import type { TopLevelSpec } from 'vega-lite';
import type { HistogramBin } from '../api/types';
import { BAR_COLOR, SCHEMA_URL } from './colors';

/** Bars for pre-binned counts of a numeric column: each bin spans [x0, x1). */
export function histogramSpec(
  bins: HistogramBin[],
  options: { title?: string; height?: number } = {},
): TopLevelSpec {
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: options.height ?? 140,
    autosize: { type: 'fit', contains: 'padding' },
    data: { values: bins.map(({ x0, x1, count }) => ({ x0, x1, count })) },
    mark: { type: 'bar', color: BAR_COLOR, binSpacing: 1 },
    encoding: {
      x: { field: 'x0', type: 'quantitative', bin: { binned: true }, title: options.title ?? null },
      x2: { field: 'x1' },
      y: { field: 'count', type: 'quantitative', title: 'Rows', axis: { tickMinStep: 1 } },
      tooltip: [
        { field: 'x0', type: 'quantitative', title: 'From', format: '~g' },
        { field: 'x1', type: 'quantitative', title: 'To', format: '~g' },
        { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
      ],
    },
  };
}
