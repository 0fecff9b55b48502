import {
  type Average,
  type PerLabel,
  type PrfOptions,
  precisionRecallFscoreSupport,
} from './precision-recall-fscore-support';

/**
 * Recall tp / (tp + fn): of the rows of a class, the fraction predicted as it (scikit-learn's `recall_score`;
 * `average` defaults to 'binary' with `posLabel` 1).
 */
export function recallScore<A extends Average | null = 'binary'>(
  yTrue: Int32Array,
  yPred: Int32Array,
  options: PrfOptions<A> = {},
): PerLabel<A> {
  const average = (options.average === undefined ? 'binary' : options.average) as A;
  return precisionRecallFscoreSupport(yTrue, yPred, { ...options, average }).recall;
}
