import { checkPair } from './check-pair';

/** The fraction of rows whose predicted class equals the true class. */
export function accuracyScore(yTrue: Int32Array, yPred: Int32Array): number {
  checkPair('accuracyScore', yTrue.length, yPred.length);
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) correct++;
  return correct / yTrue.length;
}
