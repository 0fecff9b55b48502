import { describe, expect, it } from 'vitest';
import { Pipeline } from '../compose/pipeline';
import { Matrix } from '../core/matrix';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { Ridge } from '../linear-model/ridge';
import { meanSquaredError } from '../metrics/mean-squared-error';
import { StandardScaler } from '../preprocessing/standard-scaler';
import { aggregateFolds, crossValidate } from './cross-validate';
import { KFold } from './k-fold';
import { runFold } from './run-fold';
import { StratifiedKFold } from './stratified-k-fold';
import { takeRows, takeTarget } from './take-rows';

// Columns on very different scales, so a ridge penalty after scaling depends on which rows the scaler saw.
const n = 40;
const X = Matrix.fromColumns([
  Float64Array.from({ length: n }, (_, i) => 1000 + 300 * Math.sin(i * 1.7)),
  Float64Array.from({ length: n }, (_, i) => 0.01 * Math.cos(i * 0.9) + (i > 30 ? 0.05 : 0)),
  Float64Array.from({ length: n }, (_, i) => (i * 37) % 11),
]);
const y = Float64Array.from({ length: n }, (_, i) => 0.01 * X.get(i, 0) + 200 * X.get(i, 1) + ((i * 13) % 7));
const folds = new KFold({ nSplits: 4 }).split(n);
const pipeline = () =>
  new Pipeline([
    ['scale', new StandardScaler()],
    ['model', new Ridge({ alpha: 5 })],
  ]);

/** −MSE of a scaler + ridge whose scaler is fitted on `scalerRows`, the ridge on the fold's training rows. */
function manualScore(fold: { train: Int32Array; test: Int32Array }, scalerRows: Int32Array): number {
  const scaler = new StandardScaler().fit(takeRows(X, scalerRows));
  const model = new Ridge({ alpha: 5 }).fit(
    scaler.transform(takeRows(X, fold.train)) as Matrix,
    takeTarget(y, fold.train),
  );
  const predicted = model.predict(scaler.transform(takeRows(X, fold.test)) as Matrix);
  return -meanSquaredError(takeTarget(y, fold.test), predicted);
}

describe('crossValidate', () => {
  it('fits a pipeline’s scaler on the training fold only (no leakage from the test rows)', () => {
    const { testScores } = crossValidate(pipeline(), X, y, folds, { scoring: 'neg_mean_squared_error' });
    const foldOnly = folds.map((fold) => manualScore(fold, fold.train));
    const leaky = folds.map((fold) =>
      manualScore(
        fold,
        Int32Array.from({ length: n }, (_, i) => i),
      ),
    );
    expect(Array.from(testScores.neg_mean_squared_error)).toEqual(foldOnly);
    // The check has teeth: scaling on all rows gives other scores.
    leaky.forEach((score, k) => {
      expect(score).not.toBe(foldOnly[k]);
    });
  });

  it('clones the estimator per fold, leaving the original unfitted, or calls a factory per fold', () => {
    const original = pipeline();
    const result = crossValidate(original, X, y, folds, { returnEstimator: true });
    expect(original.isFitted).toBe(false);
    expect(new Set(result.estimators).size).toBe(4);
    const scaler = (result.estimators![1] as Pipeline).step('scale') as StandardScaler;
    const trainMean =
      takeRows(X, folds[1].train)
        .column(0)
        .reduce((a, b) => a + b, 0) / folds[1].train.length;
    expect(scaler.mean_[0]).toBeCloseTo(trainMean, 9);
    let made = 0;
    crossValidate(
      () => {
        made++;
        return pipeline();
      },
      X,
      y,
      folds,
    );
    expect(made).toBe(4);
  });

  it('returns test and train scores per scorer, times in seconds and the folds used', () => {
    const yc = Int32Array.from({ length: n }, (_, i) => (y[i] > 12 ? 1 : 0));
    const cv = new StratifiedKFold({ nSplits: 4 }).split(n, yc);
    const result = crossValidate(new LogisticRegression(), X, yc, cv, {
      scoring: ['accuracy', 'roc_auc'],
      returnTrainScore: true,
    });
    expect(Object.keys(result.testScores)).toEqual(['accuracy', 'roc_auc']);
    expect(result.testScores.accuracy.length).toBe(4);
    expect(result.trainScores?.roc_auc.every((s) => s >= 0.5 && s <= 1)).toBe(true);
    expect(result.fitTime.every((t) => t >= 0 && t < 60)).toBe(true);
    expect(result.folds).toBe(cv);
    expect(result.errors).toEqual([null, null, null, null]);
  });

  it('uses the default score (R² for regressors) and reports progress per fold', () => {
    const seen: number[] = [];
    const result = crossValidate(pipeline(), X, y, folds, { onProgress: (f) => seen.push(f) });
    expect(Object.keys(result.testScores)).toEqual(['score']);
    expect(seen.at(-1)).toBe(1);
    expect(seen.some((f) => f > 0.24 && f < 0.26)).toBe(true);
  });

  it('records a failed fold as NaN with its error, raises with errorScore raise, and stops when aborted', () => {
    const bad = new Ridge({ alpha: -1 });
    expect(() => crossValidate(bad, X, y, folds)).toThrow(/All 4 fits failed.*alpha/);
    const one = runFold(bad, X, y, folds[0]);
    expect(Number.isNaN(one.testScores.score)).toBe(true);
    expect(one.error?.code).toBe('INVALID_PARAMETER');
    expect(() => runFold(bad, X, y, folds[0], { errorScore: 'raise' })).toThrow(/alpha/);
    expect(() => crossValidate(pipeline(), X, y, folds, { signal: { aborted: true } })).toThrow(
      expect.objectContaining({ code: 'ABORTED' }),
    );
  });

  it('runs folds one at a time and aggregates them like crossValidate (for worker threads)', () => {
    const separate = folds.map((fold) =>
      runFold(pipeline(), X, y, fold, { scoring: 'r2', params: { 'model.alpha': 2 } }),
    );
    const together = crossValidate(pipeline().setParams({ 'model.alpha': 2 }), X, y, folds, {
      scoring: 'r2',
    });
    expect(Array.from(aggregateFolds(separate, folds).testScores.r2)).toEqual(
      Array.from(together.testScores.r2),
    );
  });
});
