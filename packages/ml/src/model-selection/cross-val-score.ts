import type { Estimator } from '../core/estimator';
import { type FitOptions, subTaskOptions, throwIfAborted } from '../core/fit-options';
import type { Tabular, Target } from '../core/roles';
import type { Fold } from './fold';
import { takeRows, takeTarget } from './take-rows';

interface Fittable extends Estimator {
  fit(X: Tabular, y: Target, options?: FitOptions): unknown;
}

/** Scores a fitted estimator on held-out rows; larger is better. */
export type Scorer<E> = (estimator: E, X: Tabular, y: Target) => number;

/**
 * Fits a fresh estimator from `estimatorFactory` on each fold's train rows and scores it on its test rows
 * (scikit-learn's `cross_val_score`). Progress covers the folds evenly.
 */
export function crossValScore<E extends Fittable>(
  estimatorFactory: () => E,
  X: Tabular,
  y: Target,
  folds: readonly Fold[],
  scorer: Scorer<E>,
  options: FitOptions = {},
): Float64Array {
  const scores = new Float64Array(folds.length);
  folds.forEach((fold, k) => {
    throwIfAborted(options.signal);
    const estimator = estimatorFactory();
    const sub = subTaskOptions(
      options,
      k / folds.length,
      (k + 1) / folds.length,
      `fold ${k + 1}/${folds.length}`,
    );
    estimator.fit(takeRows(X, fold.train), takeTarget(y, fold.train), sub);
    scores[k] = scorer(estimator, takeRows(X, fold.test), takeTarget(y, fold.test));
  });
  options.onProgress?.(1);
  return scores;
}
