import type { TopLevelSpec } from 'vega-lite';
import type { ConfusionMatrix } from '../api/types';
import { MATRIX_SCHEME, SCHEMA_URL } from './colors';

export interface MatrixCell {
  actual: string;
  predicted: string;
  count: number;
  /** count / row total: the share of this actual class predicted as `predicted` (recall on the diagonal). */
  share: number;
}

/** One record per cell, row-major: rows are actual classes, columns predicted ones. */
export function confusionMatrixCells({ labels, matrix }: ConfusionMatrix): MatrixCell[] {
  const cells: MatrixCell[] = [];
  labels.forEach((actual, i) => {
    const row = matrix[i] ?? [];
    const total = row.reduce((sum, n) => sum + n, 0);
    labels.forEach((predicted, j) => {
      const count = row[j] ?? 0;
      cells.push({ actual, predicted, count, share: total > 0 ? count / total : 0 });
    });
  });
  return cells;
}

/** A heatmap of the confusion matrix: colour and number per cell, rows actual, columns predicted. */
export function confusionMatrixSpec(confusion: ConfusionMatrix): TopLevelSpec {
  const cells = confusionMatrixCells(confusion);
  const max = cells.reduce((m, c) => Math.max(m, c.count), 0);
  const n = confusion.labels.length;
  const cell = n <= 4 ? 64 : n <= 10 ? 40 : 28;
  const axisOrder = confusion.labels;
  return {
    $schema: SCHEMA_URL,
    width: 'container',
    height: Math.max(cell * n, 80),
    autosize: { type: 'fit-x', contains: 'padding' },
    data: { values: cells },
    encoding: {
      x: {
        field: 'predicted',
        type: 'nominal',
        sort: axisOrder,
        title: 'Predicted',
        axis: { orient: 'top', labelAngle: 0, labelLimit: 100 },
      },
      y: { field: 'actual', type: 'nominal', sort: axisOrder, title: 'Actual', axis: { labelLimit: 120 } },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'count',
            type: 'quantitative',
            scale: { scheme: MATRIX_SCHEME, domainMin: 0 },
            legend: null,
          },
          tooltip: [
            { field: 'actual', type: 'nominal', title: 'Actual' },
            { field: 'predicted', type: 'nominal', title: 'Predicted' },
            { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
            { field: 'share', type: 'quantitative', title: 'Share of actual', format: '.1%' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: n > 10 ? 10 : 13 },
        encoding: {
          text: { field: 'count', type: 'quantitative', format: ',' },
          // Dark cells get white numbers so the counts stay readable.
          color: { condition: { test: `datum.count > ${max / 2}`, value: 'white' }, value: '#212529' },
        },
      },
    ],
  };
}
