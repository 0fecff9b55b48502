import {
  averagePrecisionScore,
  brierScoreLoss,
  calibrationCurve,
  confusionMatrix,
  type Matrix,
  precisionRecallCurve,
  rocAucScore,
  rocCurve,
} from '@quarry/ml';
import { thinCurve } from './sample';
import type { ModelCharts } from './types';

/**
 * ROC, precision–recall, reliability and lift curves on holdout rows: for two classes those of the positive
 * (second) class, for more one-vs-rest per class. The confusion matrix uses the saved threshold, if any.
 */
export function classificationCharts(
  truth: Int32Array,
  proba: Matrix,
  classes: readonly string[],
  threshold: number | null,
): Pick<ModelCharts, 'roc' | 'pr' | 'calibration' | 'lift' | 'confusionMatrix'> {
  const targets = classes.length === 2 ? [1] : classes.map((_, k) => k);
  const roc: NonNullable<ModelCharts['roc']> = [];
  const pr: NonNullable<ModelCharts['pr']> = [];
  const calibration: NonNullable<ModelCharts['calibration']> = [];
  const lift: NonNullable<ModelCharts['lift']> = [];
  for (const k of targets) {
    const label = classes[k];
    const isK = Int32Array.from(truth, (c) => (c === k ? 1 : 0));
    const score = proba.column(k);
    const positives = isK.reduce((a, b) => a + b, 0);
    if (positives === 0 || positives === isK.length) continue; // a curve needs both outcomes
    const r = rocCurve(isK, score);
    roc.push({ label, ...thinCurve(r.fpr, r.tpr), auc: rocAucScore(isK, score) });
    const p = precisionRecallCurve(isK, score);
    pr.push({ label, ...thinCurve(p.recall, p.precision), auc: averagePrecisionScore(isK, score) });
    const c = calibrationCurve(isK, clip01(score), { nBins: 10 });
    calibration.push({
      label,
      x: Array.from(c.probPred),
      y: Array.from(c.probTrue),
      brier: brierScoreLoss(isK, clip01(score), { posLabel: 1 }),
    });
    lift.push({ label, ...liftByDecile(isK, score) });
  }
  const n = truth.length;
  const predicted = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (threshold !== null && classes.length === 2) predicted[i] = proba.get(i, 1) >= threshold ? 1 : 0;
    else {
      let best = 0;
      for (let k = 1; k < classes.length; k++) if (proba.get(i, k) > proba.get(i, best)) best = k;
      predicted[i] = best;
    }
  }
  return {
    roc,
    pr,
    calibration,
    lift,
    confusionMatrix: { labels: [...classes], matrix: confusionMatrix(truth, predicted, classes.length) },
  };
}

/** Probabilities can leave [0, 1] by a rounding error; the reliability curve refuses that. */
const clip01 = (v: Float64Array) => v.map((p) => Math.min(1, Math.max(0, p)));

/**
 * Cumulative gain and lift by deciles of the score: of the rows ranked highest, the top 10%, 20%, …, what share
 * of all positives they hold (gain) and how many times the base rate their positive rate is (lift).
 */
function liftByDecile(isPositive: Int32Array, score: Float64Array) {
  const n = score.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
  const total = isPositive.reduce((a, b) => a + b, 0);
  const fraction: number[] = [];
  const lift: number[] = [];
  const gain: number[] = [];
  let found = 0;
  let taken = 0;
  for (let d = 1; d <= 10; d++) {
    const upTo = Math.round((d * n) / 10);
    for (; taken < upTo; taken++) found += isPositive[order[taken]];
    fraction.push(d / 10);
    gain.push(total === 0 ? 0 : found / total);
    lift.push(taken === 0 || total === 0 ? 0 : found / taken / (total / n));
  }
  return { fraction, lift, gain };
}
