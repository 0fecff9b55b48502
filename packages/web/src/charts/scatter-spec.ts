import type { TopLevelSpec } from 'vega-lite';
import { BAR_COLOR, SCHEMA_URL } from './colors';

export interface ScatterOptions {
  xTitle: string;
  yTitle: string;
  /** 'zero': a horizontal rule at y = 0 (residuals); 'diagonal': y = x (predicted vs actual). */
  reference?: 'zero' | 'diagonal';
}

/** Pairs (x[i], y[i]) with both finite. */
export function scatterPoints(x: number[], y: number[]): { x: number; y: number }[] {
  return x.flatMap((xi, i) => {
    const yi = y[i];
    return yi !== undefined && Number.isFinite(xi) && Number.isFinite(yi) ? [{ x: xi, y: yi }] : [];
  });
}

/** Residuals vs fitted, predicted vs actual: one dot per holdout row, with the line a perfect model sits on. */
export function scatterSpec(x: number[], y: number[], options: ScatterOptions): TopLevelSpec {
  const points = scatterPoints(x, y);
  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    {
      data: { values: points },
      mark: { type: 'circle', size: 18, opacity: 0.5, color: BAR_COLOR },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: options.xTitle, scale: { zero: false } },
        y: { field: 'y', type: 'quantitative', title: options.yTitle, scale: { zero: false } },
      },
    },
  ];
  if (options.reference === 'zero') {
    layers.push({
      data: { values: [{ y: 0 }] },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#868e96' },
      encoding: { y: { field: 'y', type: 'quantitative' } },
    });
  } else if (options.reference === 'diagonal' && points.length > 0) {
    const values = points.flatMap((p) => [p.x, p.y]);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    layers.push({
      data: { values: [{ x: lo, y: lo, x2: hi, y2: hi }] },
      mark: { type: 'rule', strokeDash: [4, 4], color: '#868e96' },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        x2: { field: 'x2' },
        y2: { field: 'y2' },
      },
    });
  }
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: 240,
    autosize: { type: 'fit-x', contains: 'padding' },
    layer: layers,
  };
}
