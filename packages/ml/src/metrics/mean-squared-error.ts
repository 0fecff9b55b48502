import { checkPair } from './check-pair';

export function meanSquaredError(yTrue: Float64Array, yPred: Float64Array): number {
  checkPair('meanSquaredError', yTrue.length, yPred.length);
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const d = yTrue[i] - yPred[i];
    sum += d * d;
  }
  return sum / yTrue.length;
}
