import type { TopLevelSpec } from 'vega-lite';
import { BAR_COLOR, SCHEMA_URL } from '../../charts/colors';

/**
 * Vega-Lite specs for the lessons' charts. Small and explicit on purpose: each shows one idea, with the lesson's
 * numbers beside it, so none needs legends or interactions beyond a tooltip.
 */

const ACCENT = '#e8590c'; // orange.8: what the control changed, or the planted rows
const MUTED = '#868e96'; // gray.6

const base = (height = 180) =>
  ({
    $schema: SCHEMA_URL,
    width: 'container',
    height,
    autosize: { type: 'fit', contains: 'padding' },
  }) as const;

/** Pre-binned counts: bars spanning [start, end). */
export function binsSpec(
  bins: { start: number; end: number; count: number }[],
  xTitle: string,
): TopLevelSpec {
  return {
    ...base(),
    data: { values: bins },
    mark: { type: 'bar', color: BAR_COLOR, binSpacing: 1 },
    encoding: {
      x: { field: 'start', type: 'quantitative', bin: { binned: true }, title: xTitle },
      x2: { field: 'end' },
      y: { field: 'count', type: 'quantitative', title: 'Rows' },
      tooltip: [
        { field: 'start', type: 'quantitative', title: 'From', format: '~g' },
        { field: 'end', type: 'quantitative', title: 'To', format: '~g' },
        { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
      ],
    },
  };
}

/** Horizontal bars of value counts, most frequent on top. */
export function countsSpec(counts: { value: string; count: number }[]): TopLevelSpec {
  return {
    ...base(Math.max(60, counts.length * 20)),
    data: { values: counts },
    mark: { type: 'bar', color: BAR_COLOR },
    encoding: {
      y: { field: 'value', type: 'nominal', sort: '-x', title: null },
      x: { field: 'count', type: 'quantitative', title: 'Rows' },
      tooltip: [{ field: 'value' }, { field: 'count', format: ',' }],
    },
  };
}

/** Stacked bars: observed values and the values filled in, per bin. */
export function imputedSpec(
  bins: { start: number; end: number; observed: number; imputed: number }[],
  xTitle: string,
  /** Tick positions for a column of whole values (one bar per value); default: Vega's own ticks. */
  tickValues?: number[],
): TopLevelSpec {
  return {
    ...base(),
    data: { values: bins },
    transform: [{ fold: ['observed', 'imputed'], as: ['kind', 'rows'] }],
    mark: { type: 'bar' },
    encoding: {
      x: {
        field: 'start',
        type: 'quantitative',
        title: xTitle,
        bin: { binned: true },
        axis: tickValues ? { values: tickValues, format: 'd' } : {},
      },
      x2: { field: 'end' },
      y: { field: 'rows', type: 'quantitative', stack: 'zero', title: 'Rows' },
      color: {
        field: 'kind',
        type: 'nominal',
        scale: { domain: ['observed', 'imputed'], range: [BAR_COLOR, ACCENT] },
        title: null,
      },
      tooltip: [
        { field: 'start', title: 'From', format: '~g' },
        { field: 'end', title: 'To', format: '~g' },
        { field: 'kind' },
        { field: 'rows', format: ',' },
      ],
    },
  };
}

/** Points plus a fitted line; log axes on request. */
export function scatterSpec(
  points: { area: number; price: number }[],
  trend: { area: number; price: number }[],
  log: boolean,
): TopLevelSpec {
  const scale = log ? { type: 'log' as const } : { zero: false };
  return {
    ...base(260),
    layer: [
      {
        data: { values: points },
        mark: { type: 'circle', size: 14, opacity: 0.5, color: BAR_COLOR },
        encoding: {
          x: { field: 'area', type: 'quantitative', scale, title: 'Living area (m²)' },
          y: { field: 'price', type: 'quantitative', scale, title: 'Sale price (USD)' },
          tooltip: [
            { field: 'area', format: ',' },
            { field: 'price', format: ',' },
          ],
        },
      },
      {
        data: { values: trend },
        mark: { type: 'line', color: ACCENT, strokeWidth: 2 },
        encoding: { x: { field: 'area', type: 'quantitative' }, y: { field: 'price', type: 'quantitative' } },
      },
    ],
  };
}

/** Each row's robust |z| against its value, planted rows highlighted, with the cut as a rule. */
export function outlierSpec(
  points: { area: number; z: number; robustZ: number; planted: boolean }[],
  cut: number,
  log: boolean,
): TopLevelSpec {
  return {
    ...base(220),
    layer: [
      {
        data: { values: points },
        mark: { type: 'circle', size: 18, opacity: 0.6 },
        encoding: {
          x: {
            field: 'area',
            type: 'quantitative',
            scale: log ? { type: 'log' } : { zero: false },
            title: 'Living area (m²)',
          },
          y: { field: 'robustZ', type: 'quantitative', title: 'Robust |z|' },
          color: {
            field: 'planted',
            type: 'nominal',
            scale: { domain: [false, true], range: [BAR_COLOR, ACCENT] },
            title: 'Planted mistake',
          },
          tooltip: [
            { field: 'area', format: ',' },
            { field: 'z', title: 'z', format: '.2f' },
            { field: 'robustZ', title: 'robust z', format: '.2f' },
          ],
        },
      },
      {
        data: { values: [{ cut }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: MUTED },
        encoding: { y: { field: 'cut', type: 'quantitative' } },
      },
    ],
  };
}

/** Lines of several numeric fields against x (fields folded into one series column). */
export function linesSpec(
  rows: readonly object[],
  x: { field: string; type: 'quantitative' | 'temporal'; title: string | null },
  series: { field: string; label: string }[],
  yTitle: string,
  options: { height?: number; rule?: number; domain?: [number, number]; integerX?: boolean } = {},
): TopLevelSpec {
  const labels = Object.fromEntries(series.map((s) => [s.field, s.label]));
  const spec = {
    ...base(options.height ?? 200),
    layer: [
      {
        data: { values: rows.map((r) => ({ ...r })) },
        transform: [
          { fold: series.map((s) => s.field), as: ['series', 'value'] },
          { calculate: `(${JSON.stringify(labels)})[datum.series]`, as: 'label' },
        ],
        mark: { type: 'line', point: rows.length <= 30 },
        encoding: {
          x: {
            field: x.field,
            type: x.type,
            title: x.title,
            axis: options.integerX ? { tickMinStep: 1, format: 'd' } : {},
          },
          y: {
            field: 'value',
            type: 'quantitative',
            title: yTitle,
            scale: options.domain ? { domain: options.domain } : { zero: false },
          },
          color: {
            field: 'label',
            type: 'nominal',
            title: null,
            scale: { domain: series.map((s) => s.label), range: [BAR_COLOR, ACCENT, MUTED, '#1c7ed6'] },
          },
          tooltip: [{ field: x.field, type: x.type }, { field: 'label' }, { field: 'value', format: '.3~f' }],
        },
      },
      ...(options.rule === undefined
        ? []
        : [
            {
              data: { values: [{ at: options.rule }] },
              mark: { type: 'rule', strokeDash: [4, 3], color: MUTED },
              encoding: { x: { field: 'at', type: 'quantitative' } },
            },
          ]),
    ],
  };
  return spec as TopLevelSpec;
}

/** One dot per value with a rule at their mean: cross-validation fold scores. */
export function dotsSpec(
  values: number[],
  mean: number,
  xTitle: string,
  domain: [number, number],
): TopLevelSpec {
  return {
    ...base(70),
    layer: [
      {
        data: { values: values.map((v, k) => ({ fold: k + 1, score: v })) },
        mark: { type: 'circle', size: 90, color: BAR_COLOR, opacity: 0.8 },
        encoding: {
          x: { field: 'score', type: 'quantitative', scale: { domain }, title: xTitle },
          tooltip: [{ field: 'fold' }, { field: 'score', format: '.3f' }],
        },
      },
      {
        data: { values: [{ mean }] },
        mark: { type: 'rule', color: ACCENT, strokeWidth: 2 },
        encoding: { x: { field: 'mean', type: 'quantitative' } },
      },
    ],
  };
}

/** Grouped horizontal bars: one group per item, one bar per measure. */
export function groupedBarsSpec(
  rows: { item: string; measure: string; value: number }[],
  domain: [number, number] = [0, 1],
): TopLevelSpec {
  return {
    ...base(Math.max(80, new Set(rows.map((r) => r.item)).size * 46)),
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'item', type: 'nominal', title: null, sort: null },
      yOffset: { field: 'measure', type: 'nominal', sort: null },
      x: { field: 'value', type: 'quantitative', scale: { domain }, title: null },
      color: {
        field: 'measure',
        type: 'nominal',
        title: null,
        sort: null,
        scale: { range: [BAR_COLOR, ACCENT, MUTED, '#1c7ed6'] },
      },
      tooltip: [{ field: 'item' }, { field: 'measure' }, { field: 'value', format: '.3f' }],
    },
  };
}

/** Simple vertical bars of labelled values (weekday effects, term weights). */
export function barsSpec(
  rows: { label: string; value: number }[],
  yTitle: string,
  sortByValue = false,
): TopLevelSpec {
  return {
    ...base(170),
    data: { values: rows },
    mark: { type: 'bar', color: BAR_COLOR },
    encoding: {
      x: {
        field: 'label',
        type: 'nominal',
        sort: sortByValue ? '-y' : null,
        title: null,
        axis: { labelAngle: 0 },
      },
      y: { field: 'value', type: 'quantitative', title: yTitle },
      tooltip: [{ field: 'label' }, { field: 'value', format: '.3~f' }],
    },
  };
}

/** A curve with one highlighted point: the precision–recall curve and the current threshold. */
export function curveWithPointSpec(
  curve: { recall: number; precision: number }[],
  point: { recall: number; precision: number },
): TopLevelSpec {
  return {
    ...base(200),
    layer: [
      {
        data: { values: curve },
        mark: { type: 'line', color: BAR_COLOR, interpolate: 'step-after' },
        encoding: {
          x: { field: 'recall', type: 'quantitative', scale: { domain: [0, 1] }, title: 'Recall' },
          y: { field: 'precision', type: 'quantitative', scale: { domain: [0, 1] }, title: 'Precision' },
        },
      },
      {
        data: { values: [point] },
        mark: { type: 'point', filled: true, size: 120, color: ACCENT },
        encoding: {
          x: { field: 'recall', type: 'quantitative' },
          y: { field: 'precision', type: 'quantitative' },
        },
      },
    ],
  };
}
