import {
  accuracyScore,
  averagePrecisionScore,
  balancedAccuracyScore,
  Rng,
  recallScore,
  rocAucScore,
  trainTestSplit,
} from '@quarry/ml';
import { churnFeatures, logisticScores, memo, take, takeLabels01 } from './lab-data';

export interface ImbalanceResult {
  positiveShare: number;
  rows: number;
  /** Accuracy of always answering "stays": the number any model has to beat. */
  baselineAccuracy: number;
  accuracy: number;
  balancedAccuracy: number;
  /** Recall of the churners at the 0.5 threshold. */
  recall: number;
  /** Average precision (area under the precision–recall curve); its chance level is the positive share. */
  prAuc: number;
  rocAuc: number;
}

const ROWS = 3000;

/**
 * The class-imbalance lesson: 3 000 churn customers resampled so that `positiveShare` of them churn, a logistic
 * regression with or without balanced class weights, scored on a stratified 30% holdout at the 0.5 threshold.
 * As churners get rarer, accuracy climbs towards the do-nothing baseline while balanced accuracy and recall
 * collapse — unless the classes are weighted; PR AUC falls with the base rate, ROC AUC barely moves.
 */
export const imbalanceMetrics = (options: {
  positiveShare: number;
  classWeights: boolean;
}): ImbalanceResult => imbalanceMemo(`${options.positiveShare}|${options.classWeights}`);

const imbalanceMemo = memo((key) => {
  const [shareText, weighted] = key.split('|');
  const share = Math.min(0.2, Math.max(0.01, Number(shareText)));
  const { columns, y: allY } = churnFeatures();
  const positives: number[] = [];
  const negatives: number[] = [];
  allY.forEach((v, i) => {
    (v === 1 ? positives : negatives).push(i);
  });
  const nPos = Math.round(ROWS * share);
  const rng = new Rng(5);
  const pick = (pool: number[], count: number) =>
    Array.from(rng.permutation(pool.length).slice(0, count), (k) => pool[k]);
  const rows = Int32Array.from([...pick(positives, nPos), ...pick(negatives, ROWS - nPos)]).sort();
  const cols = columns.map((col) => take(col, rows));
  const y = takeLabels01(allY, rows);
  const { train, test } = trainTestSplit(y.length, { testSize: 0.3, stratify: y, randomState: 2 });
  const scores = logisticScores(cols, y, train, test, { balanced: weighted === 'true' });
  const yTest = takeLabels01(y, test);
  const predicted = Int32Array.from(scores, (s) => (s >= 0.5 ? 1 : 0));
  const positiveTest = yTest.reduce((a, b) => a + b, 0);
  return {
    positiveShare: share,
    rows: ROWS,
    baselineAccuracy: 1 - positiveTest / yTest.length,
    accuracy: accuracyScore(yTest, predicted),
    balancedAccuracy: balancedAccuracyScore(yTest, predicted),
    recall: recallScore(yTest, predicted),
    prAuc: averagePrecisionScore(yTest, scores),
    rocAuc: rocAucScore(yTest, scores),
  };
});
