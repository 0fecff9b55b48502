import { MlError } from '../core/errors';
import type { Estimator } from '../core/estimator';
import { type FitOptions, subTaskOptions, throwIfAborted } from '../core/fit-options';
import type { Tabular, Target } from '../core/roles';
import type { Fold } from './fold';
import { type EstimatorSource, type FoldError, type FoldResult, runFold } from './run-fold';
import type { Scoring } from './scoring';

export interface CrossValidateOptions extends FitOptions {
  /** Scorer names or functions; default: accuracy for classifiers, R² for regressors (named 'score'). */
  scoring?: Scoring;
  returnTrainScore?: boolean;
  /** Keep each fold's fitted estimator. */
  returnEstimator?: boolean;
  /** 'raise', or the score a failed fold gets (default NaN, as scikit-learn). */
  errorScore?: 'raise' | number;
}

export interface CrossValidateResult {
  /** Per scorer name, one test score per fold. */
  testScores: Record<string, Float64Array>;
  /** Per scorer name, one training score per fold (with `returnTrainScore`). */
  trainScores: Record<string, Float64Array> | null;
  /** Seconds per fold spent fitting and scoring (`performance.now()`). */
  fitTime: Float64Array;
  scoreTime: Float64Array;
  /** The folds used, so results can be traced to rows. */
  folds: readonly Fold[];
  estimators: Estimator[] | null;
  /** Per fold, the error of a failed fit (its scores are `errorScore`), else null. */
  errors: (FoldError | null)[];
}

/**
 * Gathers per-fold results (from `runFold`, here or in worker threads) into per-scorer arrays. When every fold
 * failed it throws the first error, as scikit-learn does, because the scores would all be `errorScore`.
 */
export function aggregateFolds(results: readonly FoldResult[], folds: readonly Fold[]): CrossValidateResult {
  if (results.length > 0 && results.every((r) => r.error !== null)) {
    const first = results[0].error!;
    throw new MlError(
      first.code ?? 'INVALID_PARAMETER',
      `All ${results.length} fits failed. The first error: ${first.message}`,
      {
        details: { error: first },
      },
    );
  }
  const names = Object.keys(results[0]?.testScores ?? {});
  const column = (pick: (r: FoldResult) => number) => Float64Array.from(results, pick);
  const withTrain = results.length > 0 && results.every((r) => r.trainScores !== null);
  return {
    testScores: Object.fromEntries(names.map((name) => [name, column((r) => r.testScores[name])])),
    trainScores: withTrain
      ? Object.fromEntries(names.map((name) => [name, column((r) => r.trainScores![name])]))
      : null,
    fitTime: column((r) => r.fitTime),
    scoreTime: column((r) => r.scoreTime),
    folds,
    estimators: results.every((r) => r.estimator !== null) ? results.map((r) => r.estimator!) : null,
    errors: results.map((r) => r.error),
  };
}

/**
 * Cross-validates an estimator (scikit-learn's `cross_validate`): for every fold a fresh copy (a clone of
 * `estimator`, or a new one from a factory) is fitted on the training rows only and scored on the test rows, so a
 * pipeline's imputer, scaler and encoder never see the rows they are evaluated on. Progress covers the folds
 * evenly; the signal is checked before every fit.
 *
 *   const { testScores } = crossValidate(pipeline, frame, y, new StratifiedKFold().split(n, y), {
 *     scoring: ['roc_auc', 'neg_log_loss'],
 *   });
 */
export function crossValidate<E extends Estimator>(
  estimator: EstimatorSource<E>,
  X: Tabular,
  y: Target,
  folds: readonly Fold[],
  options: CrossValidateOptions = {},
): CrossValidateResult {
  const { scoring, returnTrainScore, returnEstimator, errorScore } = options;
  const results = folds.map((fold, k) => {
    throwIfAborted(options.signal);
    const sub = subTaskOptions(
      options,
      k / folds.length,
      (k + 1) / folds.length,
      `fold ${k + 1}/${folds.length}`,
    );
    return runFold(estimator, X, y, fold, { ...sub, scoring, returnTrainScore, returnEstimator, errorScore });
  });
  options.onProgress?.(1);
  return aggregateFolds(results, folds);
}
