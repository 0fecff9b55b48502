import { checkPair } from './check-pair';

/**
 * The coefficient of determination 1 − SS_res / SS_tot. As scikit-learn (`force_finite=True`): a constant target
 * scores 1 when predicted exactly and 0 otherwise; fewer than two rows give NaN.
 */
export function r2Score(yTrue: Float64Array, yPred: Float64Array): number {
  checkPair('r2Score', yTrue.length, yPred.length);
  const n = yTrue.length;
  if (n < 2) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i];
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (yTrue[i] - yPred[i]) ** 2;
    ssTot += (yTrue[i] - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
