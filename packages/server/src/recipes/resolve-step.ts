import type { DuckDBConnection } from '@duckdb/node-api';
import { type ColumnInfo, typedExpression } from '../datasets/column-types';
import { httpError } from '../errors';
import { ident } from '../store/db';
import type { Step } from './steps';

/**
 * Fills in what a step learns from the data when it is first applied, so that the recorded step replays the same
 * way on other data: flagOutliers records its IQR fences (Q1 − k·IQR, Q3 + k·IQR, k = 1.5 unless given). Every
 * other step is already complete.
 */
export async function resolveStep(
  c: DuckDBConnection,
  table: string,
  columns: ColumnInfo[],
  step: Step,
  position: number,
): Promise<Step> {
  if (step.op !== 'flagOutliers' || (step.lower !== undefined && step.upper !== undefined)) return step;
  const col = columns.find((x) => x.name === step.column);
  if (col === undefined || col.type !== 'numeric') return step; // compile-step.ts says what is wrong
  const x = typedExpression(col.name, 'numeric');
  const reader = await c.runAndReadAll(
    `SELECT quantile_cont(${x}, [0.25, 0.75]) AS q FROM ${ident(table)} WHERE isfinite(${x})`,
  );
  const q = reader.getRowObjectsJS()[0].q as number[] | null;
  if (q === null) {
    throw httpError('BAD_STEP', {
      index: position,
      op: step.op,
      detail: `'${col.name}' has no numbers to measure.`,
    });
  }
  const k = step.k ?? 1.5;
  const iqr = Number(q[1]) - Number(q[0]);
  return { ...step, k, lower: Number(q[0]) - k * iqr, upper: Number(q[1]) + k * iqr };
}
