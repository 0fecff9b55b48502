import type { TopLevelSpec } from 'vega-lite';
import { BAR_COLOR, SCHEMA_URL } from './colors';

export interface Importance {
  name: string;
  mean: number;
  std: number;
}

/**
 * Permutation importance: how much the score drops when a feature's values are shuffled. A bar per feature
 * (largest on top) with a ±1 std whisker over the repeats; a bar near zero means the model does not use it.
 */
export function importanceSpec(features: Importance[], options: { metric: string }): TopLevelSpec {
  const values = features
    .filter((f) => Number.isFinite(f.mean))
    .map(({ name, mean, std }) => ({
      name,
      mean,
      low: mean - (Number.isFinite(std) ? std : 0),
      high: mean + (Number.isFinite(std) ? std : 0),
    }))
    .sort((a, b) => b.mean - a.mean);
  // An explicit order: a field sort on a layered axis makes Vega-Lite warn about conflicting sorts.
  const y = {
    field: 'name',
    type: 'nominal' as const,
    sort: values.map((v) => v.name),
    title: null,
    axis: { labelLimit: 160 },
  };
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: Math.max(values.length, 1) * 20,
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', color: BAR_COLOR },
        encoding: {
          y,
          x: { field: 'mean', type: 'quantitative', title: `Drop in ${options.metric} when shuffled` },
          tooltip: [
            { field: 'name', type: 'nominal', title: 'Feature' },
            { field: 'mean', type: 'quantitative', title: 'Mean drop', format: '.4f' },
          ],
        },
      },
      {
        mark: { type: 'rule', color: '#212529' },
        encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
    ],
  };
}
