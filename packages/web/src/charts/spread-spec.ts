import type { TopLevelSpec } from 'vega-lite';
import { BAR_COLOR, SCHEMA_URL } from './colors';

export interface SpreadRow {
  /** The label shown on the axis (one per model). */
  label: string;
  /** One score per fold; null where the fold failed. */
  folds: (number | null)[];
  mean: number | null;
}

export interface SpreadPoint {
  label: string;
  fold: number;
  score: number;
}

/** One record per finite fold score, folds numbered from 1. */
export function spreadPoints(rows: SpreadRow[]): SpreadPoint[] {
  return rows.flatMap((row) =>
    row.folds.flatMap((score, i) =>
      score !== null && Number.isFinite(score) ? [{ label: row.label, fold: i + 1, score }] : [],
    ),
  );
}

/**
 * The spread of cross-validation scores: a dot per fold and a tick at the mean, one line per model, in the
 * order given (best first). Shows whether two models' folds overlap — what a single mean hides.
 */
export function spreadSpec(rows: SpreadRow[], options: { title: string }): TopLevelSpec {
  const order = rows.map((r) => r.label);
  const means = rows.flatMap((r) =>
    r.mean !== null && Number.isFinite(r.mean) ? [{ label: r.label, mean: r.mean }] : [],
  );
  const y = { field: 'label', type: 'nominal' as const, sort: order, title: null, axis: { labelLimit: 160 } };
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: Math.max(rows.length, 1) * 28,
    autosize: { type: 'fit-x', contains: 'padding' },
    layer: [
      {
        data: { values: spreadPoints(rows) },
        mark: { type: 'circle', size: 60, opacity: 0.6, color: BAR_COLOR },
        encoding: {
          y,
          x: { field: 'score', type: 'quantitative', title: options.title, scale: { zero: false } },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Model' },
            { field: 'fold', type: 'ordinal', title: 'Fold' },
            { field: 'score', type: 'quantitative', title: options.title, format: '.4f' },
          ],
        },
      },
      {
        data: { values: means },
        mark: { type: 'tick', thickness: 3, size: 20, color: '#212529' },
        encoding: {
          y,
          x: { field: 'mean', type: 'quantitative' },
          tooltip: [
            { field: 'label', type: 'nominal', title: 'Model' },
            { field: 'mean', type: 'quantitative', title: 'Mean', format: '.4f' },
          ],
        },
      },
    ],
  };
}
