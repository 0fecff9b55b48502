import type { TopLevelSpec } from 'vega-lite';
import type { TopValue } from '../api/types';
import { BAR_COLOR, SCHEMA_URL } from './colors';

const BAR_STEP = 18;

/** A horizontal bar per value, most frequent on top (the server sends at most 20). */
export function topValuesSpec(values: TopValue[], options: { title?: string } = {}): TopLevelSpec {
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: Math.max(values.length, 1) * BAR_STEP,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values: values.map(({ value, count }) => ({ value, count })) },
    mark: { type: 'bar', color: BAR_COLOR },
    encoding: {
      y: {
        field: 'value',
        type: 'nominal',
        sort: { field: 'count', order: 'descending' },
        title: options.title ?? null,
        axis: { labelLimit: 140 },
      },
      x: { field: 'count', type: 'quantitative', title: 'Rows', axis: { tickMinStep: 1 } },
      tooltip: [
        { field: 'value', type: 'nominal', title: 'Value' },
        { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
      ],
    },
  };
}
