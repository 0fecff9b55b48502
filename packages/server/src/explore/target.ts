import type { ColumnInfo } from '../datasets/column-types';
import type { DatasetService, DatasetSummary } from '../datasets/service';
import { detectTaskFor } from '../datasets/task';
import { httpError } from '../errors';
import { ident, literal } from '../store/db';

export interface TargetSpec {
  name: string;
  info: ColumnInfo;
  task: 'classification' | 'regression';
  classes: string[] | null;
  /** Binary targets: the second class in sorted order, the one AUC is measured for. */
  positive: string | null;
  /** SQL over the data-set table: the class label as text (classification) or the value as DOUBLE (regression). */
  label: string;
  /** SQL: 1/0 for the positive class of a binary target, the value of a regression target, NULL otherwise. */
  y: string;
}

/**
 * The target of an analysis, with the task detected the way training detects it (datasets/task.ts). Class labels
 * are written in SQL the way the task detection writes them: numbers as JavaScript prints them ('1', not '1.0').
 */
export async function resolveTarget(
  datasets: DatasetService,
  dataset: DatasetSummary,
  name: string,
): Promise<TargetSpec> {
  const info = dataset.columns.find((c) => c.name === name);
  if (info === undefined) {
    throw httpError('TARGET_NOT_FOUND', {
      column: name,
      dataset: dataset.name,
      available: dataset.columns
        .map((c) => c.name)
        .join(', ')
        .slice(0, 1000),
    });
  }
  if (info.missing >= dataset.nRows) {
    throw httpError('BAD_TARGET', { detail: `'${name}' has no values. Pick another target.` });
  }
  const { task, classes } = await detectTaskFor(datasets, dataset.id, name);
  const column = ident(name);
  const number = `TRY_CAST(trim(${column}) AS DOUBLE)`;
  const label =
    task === 'regression'
      ? number
      : info.type === 'numeric'
        ? `CASE WHEN ${number} = floor(${number}) AND abs(${number}) < 1e15 THEN CAST(CAST(${number} AS BIGINT) AS VARCHAR) ELSE CAST(${number} AS VARCHAR) END`
        : `trim(${column})`;
  const positive = classes !== null && classes.length === 2 ? classes[1] : null;
  const y =
    task === 'regression'
      ? number
      : positive !== null
        ? `CASE WHEN (${label}) = ${literal(positive)} THEN 1.0 WHEN (${label}) IS NOT NULL THEN 0.0 END`
        : 'CAST(NULL AS DOUBLE)';
  return { name, info, task, classes, positive, label, y };
}
