import {
  accuracyScore,
  averagePrecisionScore,
  balancedAccuracyScore,
  brierScoreLoss,
  confusionMatrix,
  f1Score,
  logLoss,
  type Matrix,
  meanAbsoluteError,
  precisionScore,
  r2Score,
  recallScore,
  rocAucOvr,
  rocAucScore,
  rootMeanSquaredError,
} from '@quarry/ml';
import type { Metrics } from '../training/types';

/**
 * Holdout metrics of a classifier, with the saved decision threshold applied to the labels it predicts (two
 * classes: the positive class when its probability ≥ threshold; otherwise the most probable class). `proba`
 * columns are in the order of `truth`'s codes.
 */
export function classifierMetrics(
  truth: Int32Array,
  proba: Matrix,
  nClasses: number,
  threshold: number | null,
): { metrics: Metrics; matrix: number[][]; predicted: Int32Array } {
  const n = truth.length;
  const predicted = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (nClasses === 2 && threshold !== null) predicted[i] = proba.get(i, 1) >= threshold ? 1 : 0;
    else {
      let best = 0;
      for (let k = 1; k < nClasses; k++) if (proba.get(i, k) > proba.get(i, best)) best = k;
      predicted[i] = best;
    }
  }
  const metrics: Metrics = {
    accuracy: accuracyScore(truth, predicted),
    balanced_accuracy: balancedAccuracyScore(truth, predicted),
    log_loss: logLoss(truth, proba),
  };
  if (nClasses === 2) {
    const positive = proba.column(1);
    metrics.roc_auc = rocAucScore(truth, positive);
    metrics.average_precision = averagePrecisionScore(truth, positive);
    metrics.f1 = f1Score(truth, predicted) as number;
    metrics.precision = precisionScore(truth, predicted) as number;
    metrics.recall = recallScore(truth, predicted) as number;
    metrics.brier = brierScoreLoss(
      truth,
      positive.map((p) => Math.min(1, Math.max(0, p))),
      { posLabel: 1 },
    );
  } else metrics.roc_auc_ovr = rocAucOvr(truth, proba);
  return { metrics, matrix: confusionMatrix(truth, predicted, nClasses), predicted };
}

export function regressorMetrics(truth: Float64Array, predicted: Float64Array): Metrics {
  return {
    rmse: rootMeanSquaredError(truth, predicted),
    mae: meanAbsoluteError(truth, predicted),
    r2: r2Score(truth, predicted),
  };
}
