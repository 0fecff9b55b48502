import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA_URL } from './colors';

export interface Series {
  label: string;
  x: number[];
  y: number[];
}

export interface LinePoint {
  series: string;
  x: number;
  y: number;
  order: number;
}

/** One record per finite (x, y) pair, keeping each series' own point order. */
export function linePoints(series: Series[]): LinePoint[] {
  return series.flatMap((s) =>
    s.x.flatMap((x, i) => {
      const y = s.y[i];
      return y !== undefined && Number.isFinite(x) && Number.isFinite(y)
        ? [{ series: s.label, x, y, order: i }]
        : [];
    }),
  );
}

export interface LineOptions {
  xTitle: string;
  yTitle: string;
  /** A dashed reference line from (x0, y0) to (x1, y1): the diagonal of ROC and calibration, lift = 1… */
  reference?: [number, number, number, number];
  /** A vertical rule, e.g. the chosen decision threshold. */
  rule?: number;
  /** Show the points as well as the line (calibration bins). */
  points?: boolean;
  height?: number;
  /** Fix both axes to [0, 1] (rates and probabilities). */
  unit?: boolean;
}

/** Lines over a quantitative x: ROC, PR, calibration, lift, threshold and partial-dependence curves. */
export function lineSpec(series: Series[], options: LineOptions): TopLevelSpec {
  const scale = options.unit ? { domain: [0, 1] } : { zero: false };
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    {
      data: { values: linePoints(series) },
      mark: { type: 'line', point: options.points ?? false, interpolate: 'linear' },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: options.xTitle, scale },
        y: { field: 'y', type: 'quantitative', title: options.yTitle, scale },
        order: { field: 'order', type: 'quantitative' },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          legend: series.length > 1 ? { orient: 'bottom' } : null,
        },
        tooltip: [
          { field: 'series', type: 'nominal', title: 'Series' },
          { field: 'x', type: 'quantitative', title: options.xTitle, format: '.3f' },
          { field: 'y', type: 'quantitative', title: options.yTitle, format: '.3f' },
        ],
      },
    },
  ];
  if (options.reference) {
    const [x, y, x2, y2] = options.reference;
    layers.push({
      data: { values: [{ x, y, x2, y2 }] },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#868e96' },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        x2: { field: 'x2' },
        y2: { field: 'y2' },
      },
    });
  }
  if (options.rule !== undefined && Number.isFinite(options.rule)) {
    layers.push({
      data: { values: [{ x: options.rule }] },
      mark: { type: 'rule', color: '#343a40', strokeWidth: 2 }, // dark: no series colour, so it is not read as a fourth line
      encoding: { x: { field: 'x', type: 'quantitative' } },
    });
  }
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: options.height ?? 220,
    autosize: { type: 'fit-x', contains: 'padding' },
    layer: layers,
  };
}
