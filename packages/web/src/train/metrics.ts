import type { MetricKey, Metrics, Task } from '../api/types';

export interface MetricInfo {
  label: string;
  /** One line on how to read it. */
  hint: string;
}

export const METRICS: Record<MetricKey, MetricInfo> = {
  accuracy: { label: 'Accuracy', hint: 'Share of holdout rows predicted right' },
  balanced_accuracy: { label: 'Balanced accuracy', hint: 'Mean recall over classes; fair under imbalance' },
  roc_auc: { label: 'ROC AUC', hint: '0.5 is chance, 1 is perfect ranking' },
  roc_auc_ovr: { label: 'ROC AUC (one-vs-rest)', hint: 'Mean over classes; 0.5 is chance' },
  log_loss: { label: 'Log loss', hint: 'Quality of the probabilities; lower is better' },
  average_precision: { label: 'Average precision', hint: 'Area under precision–recall; base rate is chance' },
  f1: { label: 'F1', hint: 'Balance of precision and recall at the threshold' },
  precision: { label: 'Precision', hint: 'Share of predicted positives that are positive' },
  recall: { label: 'Recall', hint: 'Share of actual positives found' },
  brier: { label: 'Brier score', hint: 'Mean squared error of the probabilities; lower is better' },
  rmse: { label: 'RMSE', hint: 'Typical error in target units; lower is better' },
  mae: { label: 'MAE', hint: 'Mean absolute error in target units' },
  r2: { label: 'R²', hint: '1 is perfect, 0 is no better than the mean' },
};

const ORDER: Record<Task, MetricKey[]> = {
  classification: [
    'accuracy',
    'balanced_accuracy',
    'roc_auc',
    'roc_auc_ovr',
    'average_precision',
    'f1',
    'precision',
    'recall',
    'log_loss',
    'brier',
  ],
  regression: ['rmse', 'mae', 'r2'],
};

/** The metrics a model has, in the order people read them for its task; unknown extras go last. */
export function metricsInOrder(task: Task, metrics: Metrics): { key: MetricKey; value: number }[] {
  const keys = [
    ...ORDER[task],
    ...(Object.keys(metrics) as MetricKey[]).filter((k) => !ORDER[task].includes(k)),
  ];
  return keys.flatMap((key) => {
    const value = metrics[key];
    return typeof value === 'number' ? [{ key, value }] : [];
  });
}

/**
 * The one number shown for a model in lists: ROC AUC for classification (accuracy flatters a model on a rare
 * class: predicting "no" for a 10% positive target scores 0.9), else balanced accuracy or accuracy; R² (else
 * RMSE) for regression.
 */
export function keyMetric(
  task: Task,
  metrics: Metrics,
): { key: MetricKey; label: string; value: number } | null {
  const candidates: MetricKey[] =
    task === 'classification'
      ? ['roc_auc', 'roc_auc_ovr', 'balanced_accuracy', 'accuracy']
      : ['r2', 'rmse', 'mae'];
  for (const key of candidates) {
    const value = metrics[key];
    if (typeof value === 'number') return { key, label: METRICS[key].label, value };
  }
  return null;
}

/** Metric values: three decimals for scores, grouped digits for large errors. */
export function formatMetric(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return value.toLocaleString(undefined, { maximumFractionDigits: 1 });
  if (abs >= 100) return value.toFixed(1);
  return value.toFixed(3);
}
