import { rocAucScore, rocCurve } from '@quarry/ml';
import { churnFeatures, logisticScores, memo, round, takeLabels01 } from './lab-data';

export interface LeakageResult {
  trainRows: number;
  testRows: number;
  /** Holdout ROC AUC of the model as configured. */
  auc: number;
  /** Points of the holdout ROC curve (at most ~60), for the chart. */
  roc: { fpr: number; tpr: number }[];
}

/**
 * The splits-and-leakage lesson: the churn table in customer order is cut at `trainShare` (rows before the
 * boundary train, rows after it test) and a logistic regression is scored on the rows after it. With
 * `includeLeak`, the model also sees `retention_offer_made`, which is only recorded once a customer has asked to
 * leave — it knows the answer, so the holdout AUC jumps to near 1 and says nothing about real use.
 */
export const leakageHoldout = (options: { trainShare: number; includeLeak: boolean }): LeakageResult =>
  leakageMemo(`${options.trainShare}|${options.includeLeak}`);

const leakageMemo = memo((key) => {
  const [share, leak] = key.split('|');
  const trainShare = Math.min(0.9, Math.max(0.1, Number(share)));
  const features = churnFeatures();
  const n = features.y.length;
  const boundary = Math.round(n * trainShare);
  const train = Int32Array.from({ length: boundary }, (_, i) => i);
  const test = Int32Array.from({ length: n - boundary }, (_, i) => boundary + i);
  const columns = leak === 'true' ? [...features.columns, features.leak] : features.columns;
  const scores = logisticScores(columns, features.y, train, test);
  const yTest = takeLabels01(features.y, test);
  const curve = rocCurve(yTest, scores);
  const stride = Math.max(1, Math.ceil(curve.fpr.length / 60));
  const roc = Array.from(curve.fpr, (fpr, k) => ({ fpr: round(fpr), tpr: round(curve.tpr[k]) })).filter(
    (_, k) => k % stride === 0 || k === curve.fpr.length - 1,
  );
  return { trainRows: train.length, testRows: test.length, auc: rocAucScore(yTest, scores), roc };
});
