import type { TopLevelSpec } from 'vega-lite';
import type { Correlations } from '../api/types';
import { SCHEMA_URL } from './colors';

export type CorrelationMethod = 'pearson' | 'spearman' | 'cramersV';

export interface CorrelationCell {
  a: string;
  b: string;
  value: number | null;
  n: number;
}

/**
 * The full square matrix from the server's pairs (which list each unordered pair once, in column order): both
 * (a, b) and (b, a), and 1 on the diagonal. Numeric columns for Pearson and Spearman, categories for Cramér's V.
 */
export function correlationCells(data: Correlations, method: CorrelationMethod): CorrelationCell[] {
  const columns = method === 'cramersV' ? data.categorical : data.numeric;
  const pairs =
    method === 'cramersV'
      ? data.categoricalPairs.map((p) => ({ a: p.a, b: p.b, n: p.n, value: p.cramersV }))
      : data.numericPairs.map((p) => ({ a: p.a, b: p.b, n: p.n, value: p[method] }));
  const cells: CorrelationCell[] = columns.map((c) => ({ a: c, b: c, value: 1, n: data.rowsUsed }));
  for (const p of pairs) {
    if (p.a === p.b) continue;
    cells.push(p, { a: p.b, b: p.a, value: p.value, n: p.n });
  }
  return cells;
}

/** A heatmap of correlations: −1 … 1 on a diverging scale (0 … 1 for Cramér's V), the value in each cell. */
export function correlationSpec(
  cells: CorrelationCell[],
  columns: string[],
  method: CorrelationMethod,
): TopLevelSpec {
  const signed = method !== 'cramersV';
  const size = Math.min(40, Math.max(16, Math.floor(480 / Math.max(columns.length, 1))));
  return {
    $schema: SCHEMA_URL,
    width: size * columns.length,
    height: size * columns.length,
    data: { values: cells.map((c) => ({ a: c.a, b: c.b, value: c.value, n: c.n })) },
    encoding: {
      x: {
        field: 'a',
        type: 'nominal',
        sort: columns,
        title: null,
        axis: { labelAngle: -45, labelLimit: 120 },
      },
      y: { field: 'b', type: 'nominal', sort: columns, title: null, axis: { labelLimit: 120 } },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: {
            field: 'value',
            type: 'quantitative',
            title: method === 'cramersV' ? "Cramér's V" : method === 'pearson' ? 'Pearson r' : 'Spearman ρ',
            scale: signed
              ? { scheme: 'blueorange', domain: [-1, 1], reverse: true }
              : { scheme: 'teals', domain: [0, 1] },
          },
          tooltip: [
            { field: 'a', type: 'nominal', title: 'Column' },
            { field: 'b', type: 'nominal', title: 'With' },
            { field: 'value', type: 'quantitative', title: 'Value', format: '.3f' },
            { field: 'n', type: 'quantitative', title: 'Rows', format: ',' },
          ],
        },
      },
      ...(columns.length <= 12
        ? [
            {
              // Pairs without a value (too few rows, or constant) get no text rather than "null".
              transform: [{ filter: 'isValid(datum.value)' }],
              mark: { type: 'text' as const, fontSize: 10 },
              encoding: {
                text: { field: 'value', type: 'quantitative' as const, format: '.2f' },
                color: {
                  condition: { test: 'abs(datum.value) > 0.6', value: 'white' },
                  value: 'black',
                },
              },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
}
