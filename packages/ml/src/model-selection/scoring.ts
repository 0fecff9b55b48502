import { MlError } from '../core/errors';
import type { Estimator } from '../core/estimator';
import type { Scorer } from './cross-val-score';
import { getScorer, type ScorableEstimator } from './scorers';

/**
 * How to score a fitted estimator: a scorer name ('roc_auc'), several names, or named scorers (names or
 * functions). `null` uses the estimator's default: accuracy for classifiers, R² for regressors, named 'score'.
 * Names keep the result serializable; functions cannot be saved with a search.
 */
export type Scoring =
  | string
  | readonly string[]
  | Readonly<Record<string, string | Scorer<ScorableEstimator>>>
  | null;

/** Resolves a scoring spec to named scorer functions, in order. */
export function resolveScoring(
  scoring: Scoring | undefined,
  estimator: Estimator,
): Record<string, Scorer<ScorableEstimator>> {
  if (scoring === null || scoring === undefined) {
    return { score: getScorer(estimator.estimatorType === 'classifier' ? 'accuracy' : 'r2') };
  }
  if (typeof scoring === 'string') return { [scoring]: getScorer(scoring) };
  const entries: [string, string | Scorer<ScorableEstimator>][] = Array.isArray(scoring)
    ? scoring.map((name: string) => [name, name])
    : Object.entries(scoring as Record<string, string | Scorer<ScorableEstimator>>);
  if (entries.length === 0) {
    throw new MlError('INVALID_PARAMETER', 'scoring is empty. Name at least one scorer, e.g. "accuracy".');
  }
  const out: Record<string, Scorer<ScorableEstimator>> = {};
  for (const [name, scorer] of entries) {
    if (Object.hasOwn(out, name)) {
      throw new MlError('INVALID_PARAMETER', `The scorer '${name}' is listed twice. List each scorer once.`);
    }
    out[name] = typeof scorer === 'function' ? scorer : getScorer(scorer);
  }
  return out;
}
