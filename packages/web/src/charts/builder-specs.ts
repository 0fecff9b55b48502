import type { TopLevelSpec } from 'vega-lite';
import type { Cell } from '../api/types';
import { BAR_COLOR, SCHEMA_URL } from './colors';

export type ChartKind = 'histogram' | 'box' | 'scatter' | 'bar' | 'line';

export const CHART_KINDS: { value: ChartKind; label: string }[] = [
  { value: 'histogram', label: 'Histogram' },
  { value: 'box', label: 'Box plot' },
  { value: 'scatter', label: 'Scatter' },
  { value: 'bar', label: 'Bar (counts or mean)' },
  { value: 'line', label: 'Line over time' },
];

/** Above this many points a scatter plot is drawn as a binned density (a 2-D histogram). */
export const SCATTER_BIN_THRESHOLD = 2000;

export interface ChartChoice {
  kind: ChartKind;
  x: string;
  /** The second column: scatter's y, box's value (x is its group), bar's and line's measure (mean). */
  y?: string | null;
}

/** Which column slots a chart kind needs, for the builder form. */
export function slotsFor(kind: ChartKind): { x: string; y: string | null; yRequired: boolean } {
  switch (kind) {
    case 'histogram':
      return { x: 'Numeric column', y: null, yRequired: false };
    case 'box':
      return { x: 'Numeric column', y: 'Group by (optional)', yRequired: false };
    case 'scatter':
      return { x: 'X (numeric)', y: 'Y (numeric)', yRequired: true };
    case 'bar':
      return { x: 'Category', y: 'Mean of (optional; else counts)', yRequired: false };
    case 'line':
      return { x: 'Date column', y: 'Mean of (optional; else counts)', yRequired: false };
  }
}

/** Rows (as sent by the rows API) to records keyed by column name, keeping only the columns used. */
export function toRecords(columns: string[], rows: Cell[][], use: string[]): Record<string, Cell>[] {
  const indexes = use.map((name) => [name, columns.indexOf(name)] as const).filter(([, i]) => i >= 0);
  return rows.map((row) => {
    const record: Record<string, Cell> = {};
    for (const [name, i] of indexes) record[name] = row[i] ?? null;
    return record;
  });
}

const base = (values: Record<string, Cell>[]) => ({
  $schema: SCHEMA_URL,
  width: 'container' as const,
  height: 260,
  autosize: { type: 'fit' as const, contains: 'padding' as const },
  data: { values },
});

/** A Vega-Lite spec for the builder's choice over the given records (plain data; nothing is evaluated). */
export function builderSpec(choice: ChartChoice, values: Record<string, Cell>[]): TopLevelSpec {
  const { x } = choice;
  const y = choice.y || null;
  const notNull = (field: string) => ({ filter: { field, valid: true } });
  switch (choice.kind) {
    case 'histogram':
      return {
        ...base(values),
        transform: [notNull(x)],
        mark: { type: 'bar', color: BAR_COLOR, binSpacing: 1 },
        encoding: {
          x: { field: x, type: 'quantitative', bin: { maxbins: 30 }, title: x },
          y: { aggregate: 'count', type: 'quantitative', title: 'Rows' },
        },
      };
    case 'box':
      return {
        ...base(values),
        transform: [notNull(x)],
        mark: { type: 'boxplot', color: BAR_COLOR, extent: 1.5 },
        encoding: {
          ...(y ? { x: { field: y, type: 'nominal', title: y } } : {}),
          y: { field: x, type: 'quantitative', title: x },
        },
      };
    case 'scatter': {
      const yField = y ?? x;
      const transform = [notNull(x), notNull(yField)];
      if (values.length > SCATTER_BIN_THRESHOLD) {
        return {
          ...base(values),
          transform,
          mark: { type: 'rect' },
          encoding: {
            x: { field: x, type: 'quantitative', bin: { maxbins: 40 }, title: x },
            y: { field: yField, type: 'quantitative', bin: { maxbins: 40 }, title: yField },
            color: { aggregate: 'count', type: 'quantitative', title: 'Rows', scale: { scheme: 'teals' } },
          },
        };
      }
      return {
        ...base(values),
        transform,
        mark: { type: 'point', color: BAR_COLOR, opacity: 0.6, filled: true, size: 20 },
        encoding: {
          x: { field: x, type: 'quantitative', title: x, scale: { zero: false } },
          y: { field: yField, type: 'quantitative', title: yField, scale: { zero: false } },
        },
      };
    }
    case 'bar':
      return {
        ...base(values),
        mark: { type: 'bar', color: BAR_COLOR },
        encoding: {
          x: y
            ? { field: y, aggregate: 'mean', type: 'quantitative', title: `Mean of ${y}` }
            : { aggregate: 'count', type: 'quantitative', title: 'Rows' },
          y: { field: x, type: 'nominal', title: x, sort: '-x', axis: { labelLimit: 140 } },
        },
      };
    case 'line':
      return {
        ...base(values),
        transform: [notNull(x)],
        mark: { type: 'line', color: BAR_COLOR, point: values.length <= 200 },
        encoding: {
          x: { field: x, type: 'temporal', timeUnit: 'yearmonthdate', title: x },
          y: y
            ? { field: y, aggregate: 'mean', type: 'quantitative', title: `Mean of ${y}` }
            : { aggregate: 'count', type: 'quantitative', title: 'Rows' },
        },
      };
  }
}
