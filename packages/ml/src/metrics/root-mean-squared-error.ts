import { meanSquaredError } from './mean-squared-error';

/** √MSE, in the target's unit. */
export function rootMeanSquaredError(yTrue: Float64Array, yPred: Float64Array): number {
  return Math.sqrt(meanSquaredError(yTrue, yPred));
}
