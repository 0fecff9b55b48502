import type { Family, ScorerName, Task } from '../api/types';

export interface ScorerInfo {
  label: string;
  /** Losses are sent negated (greater-is-better); shown as the loss itself, lower is better. */
  negated: boolean;
}

export const SCORERS: Record<ScorerName, ScorerInfo> = {
  roc_auc: { label: 'ROC AUC', negated: false },
  average_precision: { label: 'Average precision', negated: false },
  accuracy: { label: 'Accuracy', negated: false },
  balanced_accuracy: { label: 'Balanced accuracy', negated: false },
  f1: { label: 'F1', negated: false },
  precision: { label: 'Precision', negated: false },
  recall: { label: 'Recall', negated: false },
  neg_log_loss: { label: 'Log loss', negated: true },
  neg_brier_score: { label: 'Brier score', negated: true },
  roc_auc_ovr: { label: 'ROC AUC (one-vs-rest)', negated: false },
  f1_macro: { label: 'F1 (macro)', negated: false },
  neg_root_mean_squared_error: { label: 'RMSE', negated: true },
  neg_mean_absolute_error: { label: 'MAE', negated: true },
  r2: { label: 'R²', negated: false },
  neg_mean_absolute_percentage_error: { label: 'MAPE', negated: true },
};

export function scorerLabel(name: string): string {
  return SCORERS[name as ScorerName]?.label ?? name;
}

/** A score as people read it: losses turned back to positive numbers. */
export function shownScore(name: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return SCORERS[name as ScorerName]?.negated ? -value : value;
}

/** The metrics a person may rank by, best default first. */
export function primaryChoices(task: Task, binary: boolean): ScorerName[] {
  if (task === 'regression') {
    return [
      'neg_root_mean_squared_error',
      'neg_mean_absolute_error',
      'r2',
      'neg_mean_absolute_percentage_error',
    ];
  }
  if (!binary) return ['roc_auc_ovr', 'accuracy', 'balanced_accuracy', 'f1_macro', 'neg_log_loss'];
  return [
    'roc_auc',
    'average_precision',
    'f1',
    'balanced_accuracy',
    'accuracy',
    'precision',
    'recall',
    'neg_log_loss',
    'neg_brier_score',
  ];
}

export const FAMILY_LABELS: Record<Family, string> = {
  dummy: 'Baseline (dummy)',
  linear: 'Linear/logistic',
  tree: 'Decision tree',
  forest: 'Random forest',
  extra_trees: 'Extra trees',
  gbdt: 'Gradient boosting',
  knn: 'k-nearest neighbours',
  nb: 'Naive Bayes',
};

export function familyLabel(family: string): string {
  return FAMILY_LABELS[family as Family] ?? family;
}
