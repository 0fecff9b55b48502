import {
  type Average,
  type PerLabel,
  type PrfOptions,
  precisionRecallFscoreSupport,
} from './precision-recall-fscore-support';

/**
 * Precision tp / (tp + fp): of the rows predicted as a class, the fraction that are (scikit-learn's
 * `precision_score`; `average` defaults to 'binary' with `posLabel` 1).
 */
export function precisionScore<A extends Average | null = 'binary'>(
  yTrue: Int32Array,
  yPred: Int32Array,
  options: PrfOptions<A> = {},
): PerLabel<A> {
  const average = (options.average === undefined ? 'binary' : options.average) as A;
  return precisionRecallFscoreSupport(yTrue, yPred, { ...options, average }).precision;
}
