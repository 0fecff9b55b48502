import { featureKind } from '../datasets/column-types';
import type { ColumnData, DatasetService, DatasetSummary } from '../datasets/service';
import { detectTaskFor } from '../datasets/task';
import { httpError } from '../errors';
import { ExploreService } from '../explore/service';
import type { Warning } from '../explore/warning';
import type { Family, SchemaColumn, Task, TrainInput } from './types';

export interface TrainRequest {
  datasetId: string;
  target: string;
  task?: 'auto' | Task;
  model?: Family;
  params?: Record<string, unknown>;
  seed?: number;
  testSize?: number;
  testRows?: number[] | null;
  /** Columns kept out of the features with the reason given (a CV group or time column). */
  exclude?: { name: string; reason: string }[];
}

export interface PreparedTraining {
  input: TrainInput;
  dataset: DatasetSummary;
  schema: SchemaColumn[];
  taskReason: string;
  /** Columns left out of the features, with why. */
  excluded: { name: string; reason: string }[];
  /** The leakage linter's findings for this target (and the given test rows); recorded, never blocking. */
  leakageWarnings: Warning[];
}

/**
 * Checks a training request against its data set and reads the columns it needs. Everything a user can get
 * wrong (target, task, rows) is answered here with a 422 before a job is created.
 */
export async function prepareTraining(
  datasets: DatasetService,
  request: TrainRequest,
): Promise<PreparedTraining> {
  const dataset = await datasets.get(request.datasetId);
  const targetInfo = dataset.columns.find((c) => c.name === request.target);
  if (targetInfo === undefined) {
    throw httpError('TARGET_NOT_FOUND', {
      column: request.target,
      dataset: dataset.name,
      available: dataset.columns
        .map((c) => c.name)
        .join(', ')
        .slice(0, 1000),
    });
  }
  const detected = await detectTaskFor(datasets, dataset.id, request.target);
  const task: Task = request.task === undefined || request.task === 'auto' ? detected.task : request.task;
  if (task === 'regression' && targetInfo.type !== 'numeric') {
    throw httpError('BAD_TARGET', {
      detail: `'${request.target}' is ${targetInfo.type}, so it cannot be a regression target. Choose classification, or set its type to numeric.`,
    });
  }
  if (task === 'classification' && detected.classes !== null && detected.classes.length < 2) {
    throw httpError('BAD_TARGET', {
      detail: `'${request.target}' has only one class; a classifier needs at least two.`,
    });
  }

  const excluded: { name: string; reason: string }[] = [];
  const featureNames: string[] = [];
  for (const c of dataset.columns) {
    if (c.name === request.target) continue;
    const kept = request.exclude?.find((e) => e.name === c.name);
    if (kept !== undefined) excluded.push(kept);
    else if (featureKind(c.type) === null && c.type !== 'text')
      excluded.push({ name: c.name, reason: `${c.type} columns are not used as features` });
    else if (c.missing === dataset.nRows) excluded.push({ name: c.name, reason: 'every value is missing' });
    else featureNames.push(c.name);
  }
  if (featureNames.length === 0) throw httpError('NO_FEATURES');

  const all = await datasets.columnData(dataset.id, [...featureNames, request.target]);
  const target = all.pop() as ColumnData;
  checkTarget(target, task);
  // A column with one value (missing aside) carries no information for any model: leave it out, and say so.
  const data = all.filter((column) => {
    if (!isConstant(column)) return true;
    excluded.push({ name: column.name, reason: 'it has a single value (constant)' });
    return false;
  });
  if (data.length === 0) throw httpError('NO_FEATURES');
  const testRows = request.testRows ?? null;
  if (testRows !== null) {
    const bad = testRows.find((i) => !Number.isInteger(i) || i < 0 || i >= dataset.nRows);
    if (bad !== undefined) {
      throw httpError('BAD_PARAMETER', {
        detail: `Test row ${bad} is outside the data (0 to ${dataset.nRows - 1}).`,
      });
    }
  }
  const schema = data.map((column) => schemaColumn(column, dataset));
  // The linter informs; it never stops training (a failure of its own leaves the list empty).
  const leakageWarnings = await new ExploreService(datasets)
    .leakageForTraining(dataset.id, request.target, testRows)
    .catch(() => []);
  return {
    input: {
      kind: 'train',
      task,
      family: request.model ?? 'auto',
      params: request.params ?? {},
      seed: request.seed ?? 42,
      testSize: request.testSize ?? 0.25,
      testRows: testRows === null ? null : Int32Array.from(testRows),
      features: data,
      target,
    },
    dataset,
    schema,
    taskReason:
      request.task === undefined || request.task === 'auto' ? detected.reason : `Chosen by you: ${task}.`,
    excluded,
    leakageWarnings,
  };
}

/** The schema contract of one feature: type, categories or range and quantiles, and how much was missing. */
function schemaColumn(column: ColumnData, dataset: DatasetSummary): SchemaColumn {
  const info = dataset.columns.find((c) => c.name === column.name);
  const type = info?.type ?? 'numeric';
  const missing = info?.missing;
  const missingShare = missing === undefined || dataset.nRows === 0 ? undefined : missing / dataset.nRows;
  // Free text has no categories to check new values against: its contract is its type and missingness.
  if (column.kind === 'categorical' && column.text === true)
    return { name: column.name, type, missing, missingShare };
  if (column.kind === 'categorical')
    return { name: column.name, type, categories: column.levels, missing, missingShare };
  const sorted = column.values.filter(Number.isFinite).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
  return {
    name: column.name,
    type,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    missing,
    missingShare,
    quantiles: sorted.length === 0 ? undefined : { p01: at(0.01), p50: at(0.5), p99: at(0.99) },
  };
}

/** Rows a model needs at the least: enough for a holdout and a few cross-validation folds. */
export const MIN_TRAINING_ROWS = 10;

/**
 * Documented handling of bad targets: missing values are dropped (with a warning), infinite values are refused,
 * too few rows are refused, and every class needs at least two rows so a stratified split can keep it on both
 * sides.
 */
function checkTarget(target: ColumnData, task: Task): void {
  if (target.kind === 'numeric') {
    let infinite = 0;
    for (const v of target.values)
      if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) infinite++;
    if (infinite > 0) {
      throw httpError('BAD_TARGET', {
        detail: `${infinite} values of target '${target.name}' are infinite. Remove or fix those rows (or filter them in a cleaning step), then train again.`,
      });
    }
  }
  const present =
    target.kind === 'numeric'
      ? target.values.filter(Number.isFinite).length
      : target.codes.filter((c) => c >= 0).length;
  if (present < MIN_TRAINING_ROWS) {
    throw httpError('TOO_FEW_ROWS', {
      detail: `Only ${present} rows have a value in '${target.name}'; training needs at least ${MIN_TRAINING_ROWS}. Add rows.`,
    });
  }
  if (task === 'classification') {
    const counts = new Map<string, number>();
    const add = (label: string) => counts.set(label, (counts.get(label) ?? 0) + 1);
    if (target.kind === 'categorical') for (const c of target.codes) c >= 0 && add(target.levels[c]);
    else for (const v of target.values) Number.isFinite(v) && add(String(v));
    const rare = [...counts].filter(([, n]) => n < 2).map(([label]) => label);
    if (rare.length > 0) {
      throw httpError('TOO_FEW_ROWS', {
        detail: `Class${rare.length > 1 ? 'es' : ''} ${rare
          .slice(0, 5)
          .map((r) => `'${r}'`)
          .join(
            ', ',
          )} of '${target.name}' ha${rare.length > 1 ? 've' : 's'} a single row; every class needs at least 2. Merge rare classes or remove those rows.`,
      });
    }
  }
}

function isConstant(column: ColumnData): boolean {
  if (column.kind === 'numeric') {
    let first = Number.NaN;
    for (const v of column.values) {
      if (Number.isNaN(v)) continue;
      if (Number.isNaN(first)) first = v;
      else if (v !== first) return false;
    }
    return true;
  }
  let first = -1;
  for (const c of column.codes) {
    if (c < 0) continue;
    if (first < 0) first = c;
    else if (c !== first) return false;
  }
  return true;
}
