import { clone } from '../core/clone';
import { isMlError, type MlErrorCode } from '../core/errors';
import { Estimator } from '../core/estimator';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import type { Tabular, Target } from '../core/roles';
import { seconds } from './clock';
import type { Scorer } from './cross-val-score';
import type { Fold } from './fold';
import type { ScorableEstimator } from './scorers';
import { resolveScoring, type Scoring } from './scoring';
import { takeRows, takeTarget } from './take-rows';

/** An estimator to clone, or a factory that makes a fresh one. */
export type EstimatorSource<E extends Estimator = Estimator> = E | (() => E);

export interface RunFoldOptions extends FitOptions {
  /** Scorer names or functions (see `Scoring`); resolved scorers pass through unchanged. */
  scoring?: Scoring;
  /** Parameters set on the fresh copy before fitting, dotted paths allowed (a search candidate). */
  params?: Record<string, unknown>;
  returnTrainScore?: boolean;
  returnEstimator?: boolean;
  /**
   * What a failed fit or score gives: 'raise' rethrows; a number (scikit-learn's default NaN) becomes every score
   * of the fold and the error is recorded. Cancellation always throws.
   */
  errorScore?: 'raise' | number;
}

export interface FoldError {
  code: MlErrorCode | null;
  message: string;
}

/** The outcome of one fold: plain data (but `estimator`), so a worker thread can send it back. */
export interface FoldResult {
  testScores: Record<string, number>;
  trainScores: Record<string, number> | null;
  /** Seconds spent in fit, and in scoring the test (and train) rows. */
  fitTime: number;
  scoreTime: number;
  estimator: Estimator | null;
  error: FoldError | null;
}

interface Fittable extends ScorableEstimator {
  fit(X: Tabular, y: Target, options?: FitOptions): unknown;
}

/** A fresh, unfitted copy: the factory's product, or a clone (so nothing fitted before leaks into the fold). */
export function freshEstimator<E extends Estimator>(source: EstimatorSource<E>): E {
  return typeof source === 'function' ? source() : clone(source);
}

/** Candidate values with estimators cloned, so a grid listing an estimator never shares a fitted instance. */
export function cloneParams(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, value instanceof Estimator ? clone(value) : value]),
  );
}

function scoreAll(
  scorers: Record<string, Scorer<ScorableEstimator>>,
  estimator: ScorableEstimator,
  X: Tabular,
  y: Target,
): Record<string, number> {
  return Object.fromEntries(Object.entries(scorers).map(([name, scorer]) => [name, scorer(estimator, X, y)]));
}

/**
 * Fits a fresh copy of the estimator on the fold's training rows only and scores it on its test rows (and,
 * optionally, its training rows): one unit of scikit-learn's `_fit_and_score`. Every preprocessing step of a
 * pipeline is therefore fitted without seeing the test rows. `crossValidate` and the searches run folds through
 * this, one at a time; a server can run them in worker threads instead and merge the results with
 * `aggregateFolds`.
 */
export function runFold<E extends Estimator>(
  source: EstimatorSource<E>,
  X: Tabular,
  y: Target,
  fold: Fold,
  options: RunFoldOptions = {},
): FoldResult {
  throwIfAborted(options.signal);
  const estimator = freshEstimator(source) as unknown as Fittable;
  const scorers = resolveScoring(options.scoring, estimator);
  const { errorScore = Number.NaN, returnTrainScore = false } = options;
  const XTrain = takeRows(X, fold.train);
  const yTrain = takeTarget(y, fold.train);
  let fitTime = 0;
  let scoreTime = 0;
  try {
    if (options.params) estimator.setParams(cloneParams(options.params));
    const start = seconds();
    estimator.fit(XTrain, yTrain, { signal: options.signal, onProgress: options.onProgress });
    fitTime = seconds() - start;
    const scoreStart = seconds();
    const testScores = scoreAll(scorers, estimator, takeRows(X, fold.test), takeTarget(y, fold.test));
    const trainScores = returnTrainScore ? scoreAll(scorers, estimator, XTrain, yTrain) : null;
    scoreTime = seconds() - scoreStart;
    return {
      testScores,
      trainScores,
      fitTime,
      scoreTime,
      estimator: options.returnEstimator ? estimator : null,
      error: null,
    };
  } catch (error) {
    if (isMlError(error, 'ABORTED') || errorScore === 'raise') throw error;
    const failed = Object.fromEntries(Object.keys(scorers).map((name) => [name, errorScore]));
    return {
      testScores: failed,
      trainScores: returnTrainScore ? { ...failed } : null,
      fitTime,
      scoreTime,
      estimator: options.returnEstimator ? estimator : null,
      error: {
        code: isMlError(error) ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
}
