import type { Task } from '../training/types';

/** Metrics a leaderboard reports, as scikit-learn scorer names (greater is better; losses are negated). */
export const BINARY_METRICS = [
  'roc_auc',
  'average_precision',
  'accuracy',
  'balanced_accuracy',
  'f1',
  'precision',
  'recall',
  'neg_log_loss',
  'neg_brier_score',
] as const;
export const MULTICLASS_METRICS = [
  'roc_auc_ovr',
  'accuracy',
  'balanced_accuracy',
  'f1_macro',
  'neg_log_loss',
] as const;
export const REGRESSION_METRICS = [
  'neg_root_mean_squared_error',
  'neg_mean_absolute_error',
  'r2',
  'neg_mean_absolute_percentage_error',
] as const;
export const ALL_METRICS = [
  ...new Set<string>([...BINARY_METRICS, ...MULTICLASS_METRICS, ...REGRESSION_METRICS]),
] as [string, ...string[]];

/** The metrics of a task, primary first: ROC AUC (one-vs-rest for several classes) or −RMSE by default. */
export function taskMetrics(
  task: Task,
  nClasses: number,
  primary?: string,
): { metric: string; metrics: string[] } {
  const all: readonly string[] =
    task === 'regression' ? REGRESSION_METRICS : nClasses > 2 ? MULTICLASS_METRICS : BINARY_METRICS;
  const metric = primary ?? all[0];
  return { metric, metrics: [metric, ...all.filter((m) => m !== metric)] };
}

export function metricApplies(task: Task, nClasses: number, metric: string): boolean {
  const all: readonly string[] =
    task === 'regression' ? REGRESSION_METRICS : nClasses > 2 ? MULTICLASS_METRICS : BINARY_METRICS;
  return all.includes(metric);
}
