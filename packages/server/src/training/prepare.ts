import { featureKind } from '../datasets/column-types';
import type { ColumnData, DatasetService, DatasetSummary } from '../datasets/service';
import { detectTaskFor } from '../datasets/task';
import { httpError } from '../errors';
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
}

export interface PreparedTraining {
  input: TrainInput;
  dataset: DatasetSummary;
  schema: SchemaColumn[];
  taskReason: string;
  /** Columns left out of the features, with why. */
  excluded: { name: string; reason: string }[];
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
    if (featureKind(c.type) === null)
      excluded.push({ name: c.name, reason: `${c.type} columns are not used as features` });
    else if (c.missing === dataset.nRows) excluded.push({ name: c.name, reason: 'every value is missing' });
    else featureNames.push(c.name);
  }
  if (featureNames.length === 0) throw httpError('NO_FEATURES');

  const data = await datasets.columnData(dataset.id, [...featureNames, request.target]);
  const target = data.pop() as ColumnData;
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
  };
}

function schemaColumn(column: ColumnData, dataset: DatasetSummary): SchemaColumn {
  const info = dataset.columns.find((c) => c.name === column.name);
  const type = info?.type ?? 'numeric';
  if (column.kind === 'categorical')
    return { name: column.name, type, categories: column.levels, missing: info?.missing };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of column.values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { name: column.name, type, min, max, missing: info?.missing };
}
