import type { DatasetService } from '../datasets/service';
import { httpError } from '../errors';
import { type PreparedTraining, prepareTraining } from '../training/prepare';
import type { Task } from '../training/types';
import { tableSha256 } from './content-hash';
import { type CvPlan, type CvRequest, groupCodes, planCv } from './cv-plan';
import { checkImbalance, type Imbalance } from './imbalance';
import {
  BINARY_METRICS,
  MULTICLASS_METRICS,
  metricApplies,
  REGRESSION_METRICS,
  taskMetrics,
} from './metrics';
import { readTimes } from './read-times';

export interface ModellingRequest {
  datasetId: string;
  target: string;
  task?: 'auto' | Task;
  metric?: string;
  cv?: CvRequest;
  seed: number;
  testSize: number;
  testRows?: number[] | null;
  imbalance?: Imbalance;
}

export interface PreparedModelling {
  prepared: PreparedTraining;
  plan: CvPlan;
  cv: CvRequest;
  metric: string;
  metrics: string[];
  imbalance: Imbalance | null;
  contentSha256: string;
}

/**
 * Everything a leaderboard or a tuning run needs, checked before its job exists: the training columns (the
 * group and time columns left out of the features), the holdout and the folds, the metrics and the imbalance
 * settings. Every mistake is a 422 with a code.
 */
export async function prepareModelling(
  datasets: DatasetService,
  request: ModellingRequest,
): Promise<PreparedModelling> {
  const dataset = await datasets.get(request.datasetId);
  const cvColumns = [request.cv?.groupColumn, request.cv?.timeColumn].filter(
    (c): c is string => c !== undefined,
  );
  for (const name of cvColumns) {
    if (name === request.target)
      throw httpError('BAD_CV', { detail: `'${name}' is the target; pick another column for the folds.` });
    if (!dataset.columns.some((c) => c.name === name))
      throw httpError('BAD_CV', { detail: `Column '${name}' is not in data set '${dataset.name}'.` });
  }
  const prepared = await prepareTraining(datasets, {
    datasetId: request.datasetId,
    target: request.target,
    task: request.task,
    seed: request.seed,
    testSize: request.testSize,
    testRows: request.testRows ?? null,
    exclude: cvColumns.map((name) => ({ name, reason: 'it defines the cross-validation folds' })),
  });
  const task = prepared.input.task;
  const cv: CvRequest = request.cv ?? { strategy: task === 'classification' ? 'stratified' : 'kfold', k: 5 };
  const groupColumn = cv.strategy === 'group' ? cv.groupColumn : undefined;
  const timeColumn = cv.strategy === 'time' ? cv.timeColumn : undefined;
  const groups =
    groupColumn === undefined
      ? undefined
      : groupCodes((await datasets.columnData(dataset.id, [groupColumn]))[0]);
  const times = timeColumn === undefined ? undefined : await readTimes(datasets, dataset.id, timeColumn);
  const plan = planCv(prepared.input.target, {
    task,
    seed: request.seed,
    testSize: request.testSize,
    testRows: prepared.input.testRows,
    cv,
    groups,
    times,
  });
  const nClasses = plan.rows.classes?.length ?? 0;
  if (request.metric !== undefined && !metricApplies(task, nClasses, request.metric)) {
    const available =
      task === 'regression' ? REGRESSION_METRICS : nClasses > 2 ? MULTICLASS_METRICS : BINARY_METRICS;
    throw httpError('BAD_METRIC', { metric: request.metric, task, available: available.join(', ') });
  }
  checkImbalance(request.imbalance, task, nClasses);
  const { metric, metrics } = taskMetrics(task, nClasses, request.metric);
  return {
    prepared,
    plan,
    cv,
    metric,
    metrics,
    imbalance: request.imbalance ?? null,
    contentSha256: tableSha256([...prepared.input.features, prepared.input.target]),
  };
}
