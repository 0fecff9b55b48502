import type { TopLevelSpec } from 'vega-lite';
import { BAR_COLOR, SCHEMA_URL } from '../charts/colors';

/** The ensemble scores of the analysed rows in 40 bins over [0, 1], with the current cut as a red rule. */
export function scoreHistogramSpec(counts: number[], cut: number): TopLevelSpec {
  const width = 1 / counts.length;
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: 140,
    autosize: { type: 'fit', contains: 'padding' },
    layer: [
      {
        data: { values: counts.map((count, k) => ({ x0: k * width, x1: (k + 1) * width, count })) },
        mark: { type: 'bar', color: BAR_COLOR, binSpacing: 1 },
        encoding: {
          x: {
            field: 'x0',
            type: 'quantitative',
            bin: { binned: true },
            title: 'Anomaly score (highest rank among the four detectors)',
            scale: { domain: [0, 1] },
          },
          x2: { field: 'x1' },
          y: { field: 'count', type: 'quantitative', title: 'Rows', scale: { type: 'symlog' } },
          tooltip: [
            { field: 'x0', type: 'quantitative', title: 'From', format: '.3f' },
            { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
          ],
        },
      },
      {
        data: { values: [{ cut }] },
        mark: { type: 'rule', color: '#e03131', strokeWidth: 2 },
        encoding: { x: { field: 'cut', type: 'quantitative' } },
      },
    ],
  };
}
