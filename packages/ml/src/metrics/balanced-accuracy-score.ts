import { checkPair } from './check-pair';

/**
 * The mean recall over the classes present in `yTrue` (scikit-learn's `balanced_accuracy_score`), so every class
 * counts the same however rare it is.
 */
export function balancedAccuracyScore(yTrue: Int32Array, yPred: Int32Array): number {
  checkPair('balancedAccuracyScore', yTrue.length, yPred.length);
  let nClasses = 0;
  for (const y of yTrue) nClasses = Math.max(nClasses, y + 1);
  const support = new Float64Array(nClasses);
  const hits = new Float64Array(nClasses);
  for (let i = 0; i < yTrue.length; i++) {
    support[yTrue[i]]++;
    if (yPred[i] === yTrue[i]) hits[yTrue[i]]++;
  }
  let sum = 0;
  let present = 0;
  for (let k = 0; k < nClasses; k++) {
    if (support[k] === 0) continue;
    sum += hits[k] / support[k];
    present++;
  }
  return sum / present;
}
