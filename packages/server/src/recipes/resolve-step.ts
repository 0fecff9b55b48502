import type { DuckDBConnection } from '@duckdb/node-api';
import { type ColumnInfo, typedExpression } from '../datasets/column-types';
import { httpError } from '../errors';
import { ident } from '../store/db';
import { DEFAULT_SEPARATOR, type Step } from './steps';

/**
 * Fills in what a step learns from the data when it is first applied, so that the recorded step replays the same
 * way on other data: flagOutliers records its IQR fences (Q1 − k·IQR, Q3 + k·IQR, k = 1.5 unless given), and
 * standardize its mean and sample SD over every row of the version (so new data at prediction is scaled with the
 * same numbers). combine records its separator and new name, so the recipe reads the same whatever the defaults
 * become. Every other step is already complete.
 */
export async function resolveStep(
  c: DuckDBConnection,
  table: string,
  columns: ColumnInfo[],
  step: Step,
  position: number,
): Promise<Step> {
  if (step.op === 'standardize') return resolveStandardize(c, table, columns, step, position);
  if (step.op === 'combine') return resolveCombine(step);
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

/** The mean and sample SD (n − 1, as pandas' `std`) of the column over the whole table; 422 when it is constant. */
async function resolveStandardize(
  c: DuckDBConnection,
  table: string,
  columns: ColumnInfo[],
  step: Extract<Step, { op: 'standardize' }>,
  position: number,
): Promise<Step> {
  if (step.mean !== undefined && step.sd !== undefined) return step;
  const col = columns.find((x) => x.name === step.column);
  if (col === undefined || col.type !== 'numeric') return step; // compile-step.ts says what is wrong
  const x = typedExpression(col.name, 'numeric');
  const reader = await c.runAndReadAll(
    `SELECT avg(${x}) AS mean, stddev_samp(${x}) AS sd FROM ${ident(table)} WHERE isfinite(${x})`,
  );
  const row = reader.getRowObjectsJS()[0] as { mean: number | null; sd: number | null };
  const mean = row.mean === null ? null : Number(row.mean);
  const sd = row.sd === null ? null : Number(row.sd);
  if (mean === null || sd === null || !Number.isFinite(sd) || sd <= 0) {
    throw httpError('BAD_STEP', {
      index: position,
      op: step.op,
      detail: `'${col.name}' needs at least two different numbers to be standardized.`,
    });
  }
  return { ...step, mean, sd };
}

/** The separator and the new column's name made explicit (default: the sources joined by the separator). */
function resolveCombine(step: Extract<Step, { op: 'combine' }>): Step {
  const separator = step.separator ?? DEFAULT_SEPARATOR;
  return { ...step, separator, newColumn: step.newColumn ?? step.columns.join(separator) };
}
