import { checkPair } from './check-pair';

export function meanAbsoluteError(yTrue: Float64Array, yPred: Float64Array): number {
  checkPair('meanAbsoluteError', yTrue.length, yPred.length);
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += Math.abs(yTrue[i] - yPred[i]);
  return sum / yTrue.length;
}
