import { averagePrecisionScore, precisionRecallCurve, rocAucScore, trainTestSplit } from '@quarry/ml';
import { churnFeatures, logisticScores, round, takeLabels01 } from './lab-data';

let holdout: { y: Int32Array; scores: Float64Array } | undefined;

/** The churn model's holdout (30%, stratified) labels and scores, fitted once per page. */
export function churnHoldout(): { y: Int32Array; scores: Float64Array } {
  if (!holdout) {
    const { columns, y } = churnFeatures();
    const { train, test } = trainTestSplit(y.length, { testSize: 0.3, stratify: y, randomState: 1 });
    holdout = { y: takeLabels01(y, test), scores: logisticScores(columns, y, train, test) };
  }
  return holdout;
}

export interface ThresholdResult {
  threshold: number;
  /** Counts: true positives (churners flagged), false positives, false negatives, true negatives. */
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  accuracy: number;
  /** Of the flagged customers, the share who churn (NaN when nobody is flagged). */
  precision: number;
  /** Of the churners, the share flagged. */
  recall: number;
  f1: number;
  /** Threshold-free summaries of the same scores, for comparison. */
  rocAuc: number;
  averagePrecision: number;
}

/**
 * The metrics lesson: the churn model flags a customer when its predicted probability is at least `threshold`.
 * Moving the threshold trades precision for recall; ROC AUC and average precision do not move, because they
 * summarise every threshold at once.
 */
export function thresholdMetrics(threshold: number): ThresholdResult {
  const { y, scores } = churnHoldout();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < y.length; i++) {
    const flagged = scores[i] >= threshold;
    if (flagged && y[i] === 1) tp++;
    else if (flagged) fp++;
    else if (y[i] === 1) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? Number.NaN : tp / (tp + fp);
  const recall = tp / (tp + fn);
  const f1 = tp === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    threshold,
    tp,
    fp,
    fn,
    tn,
    accuracy: (tp + tn) / y.length,
    precision,
    recall,
    f1,
    rocAuc: rocAucScore(y, scores),
    averagePrecision: averagePrecisionScore(y, scores),
  };
}

/** The holdout precision–recall curve, thinned to about 80 points for the chart. */
export function churnPrCurve(): { recall: number; precision: number }[] {
  const { y, scores } = churnHoldout();
  const curve = precisionRecallCurve(y, scores);
  const n = curve.recall.length;
  const stride = Math.max(1, Math.ceil(n / 80));
  return Array.from(curve.recall, (recall, k) => ({
    recall: round(recall),
    precision: round(curve.precision[k]),
  })).filter((_, k) => k % stride === 0 || k === n - 1);
}
