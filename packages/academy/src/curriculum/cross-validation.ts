import { rocAucScore, StratifiedKFold, trainTestSplit } from '@quarry/ml';
import { churnFeatures, logisticScores, memo, takeLabels01 } from './lab-data';

export interface CvResult {
  k: number;
  /** Holdout ROC AUC of each fold, in fold order. */
  foldScores: number[];
  mean: number;
  /** Standard deviation of the fold scores (n − 1 in the denominator, as pandas). */
  std: number;
  /** Rows each fold's model is trained on. */
  trainRows: number;
}

function meanStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
  return { mean, std: values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0 };
}

/**
 * The cross-validation lesson: stratified k-fold ROC AUC of the churn logistic regression. Every row is tested
 * exactly once, and the spread of the k scores shows how much one holdout number could have been luck.
 */
export const cvFoldScores = (k: number): CvResult => cvMemo(String(k));

const cvMemo = memo((key) => {
  const k = Math.min(10, Math.max(2, Math.round(Number(key))));
  const { columns, y } = churnFeatures();
  const folds = new StratifiedKFold({ nSplits: k, shuffle: true, randomState: 0 }).split(y.length, y);
  const foldScores = folds.map(({ train, test }) =>
    rocAucScore(takeLabels01(y, test), logisticScores(columns, y, train, test)),
  );
  return { k, foldScores, ...meanStd(foldScores), trainRows: folds[0].train.length };
});

/**
 * The same model scored on `count` different random 80/20 holdouts: the range a single split's number wanders
 * over, which is what cross-validation averages away.
 */
export const holdoutSpread = (count: number): { scores: number[]; min: number; max: number } =>
  spreadMemo(String(count));

const spreadMemo = memo((key) => {
  const { columns, y } = churnFeatures();
  const scores = Array.from({ length: Number(key) }, (_, seed) => {
    const { train, test } = trainTestSplit(y.length, { testSize: 0.2, stratify: y, randomState: seed });
    return rocAucScore(takeLabels01(y, test), logisticScores(columns, y, train, test));
  });
  return { scores, min: Math.min(...scores), max: Math.max(...scores) };
});
