import { checkPair } from './check-pair';

/**
 * The median of |yTrue − yPred| (scikit-learn's `median_absolute_error`): robust to a few huge errors; with an even
 * number of rows, the mean of the two middle errors.
 */
export function medianAbsoluteError(yTrue: Float64Array, yPred: Float64Array): number {
  checkPair('medianAbsoluteError', yTrue.length, yPred.length);
  const errors = Float64Array.from(yTrue, (t, i) => Math.abs(yPred[i] - t)).sort();
  const n = errors.length;
  const mid = n >> 1;
  return n % 2 === 1 ? errors[mid] : (errors[mid - 1] + errors[mid]) / 2;
}
