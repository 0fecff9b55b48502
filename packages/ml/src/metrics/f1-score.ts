import { fbetaScore } from './fbeta-score';
import type { Average, PerLabel, PrfOptions } from './precision-recall-fscore-support';

/**
 * F1 = 2·P·R / (P + R), the harmonic mean of precision and recall (scikit-learn's `f1_score`; `average` defaults
 * to 'binary' with `posLabel` 1).
 */
export function f1Score<A extends Average | null = 'binary'>(
  yTrue: Int32Array,
  yPred: Int32Array,
  options: PrfOptions<A> = {},
): PerLabel<A> {
  return fbetaScore(yTrue, yPred, 1, options);
}
