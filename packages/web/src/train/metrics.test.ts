import { describe, expect, it } from 'vitest';
import type { Metrics } from '../api/types';
import { formatMetric, keyMetric, metricsInOrder } from './metrics';

describe('metrics', () => {
  it('orders a model’s metrics for its task and skips missing ones', () => {
    const ordered = metricsInOrder('classification', { log_loss: 0.3, accuracy: 0.9, roc_auc: 0.95 });
    expect(ordered.map((m) => m.key)).toEqual(['accuracy', 'roc_auc', 'log_loss']);
  });

  it('keeps the leaderboard metrics in reading order and unknown ones last', () => {
    // A metric a newer server adds is still shown, after the known ones.
    const metrics = { brier: 0.09, f1: 0.28, roc_auc: 0.66, new_metric: 1 } as Metrics;
    const ordered = metricsInOrder('classification', metrics);
    expect(ordered.map((m) => m.key)).toEqual(['roc_auc', 'f1', 'brier', 'new_metric']);
  });

  it('picks the key metric', () => {
    expect(keyMetric('classification', { accuracy: 0.9 })).toMatchObject({
      key: 'accuracy',
      label: 'Accuracy',
    });
    // On a rare class accuracy flatters: ROC AUC comes first when the model has it.
    expect(keyMetric('classification', { accuracy: 0.896, roc_auc: 0.665 })).toMatchObject({
      key: 'roc_auc',
      value: 0.665,
    });
    expect(keyMetric('regression', { rmse: 2 })).toMatchObject({ key: 'rmse', value: 2 });
    expect(keyMetric('regression', {})).toBeNull();
  });

  it('formats values', () => {
    expect(formatMetric(0.91234)).toBe('0.912');
    expect(formatMetric(123.456)).toBe('123.5');
  });
});
