import {
  type Average,
  type PerLabel,
  type PrfOptions,
  precisionRecallFscoreSupport,
} from './precision-recall-fscore-support';

/**
 * F-β = (1 + β²)·P·R / (β²·P + R), recall counting β times as much as precision (scikit-learn's `fbeta_score`;
 * `average` defaults to 'binary' with `posLabel` 1).
 */
export function fbetaScore<A extends Average | null = 'binary'>(
  yTrue: Int32Array,
  yPred: Int32Array,
  beta: number,
  options: PrfOptions<A> = {},
): PerLabel<A> {
  const average = (options.average === undefined ? 'binary' : options.average) as A;
  return precisionRecallFscoreSupport(yTrue, yPred, { ...options, average, beta }).fbeta;
}
