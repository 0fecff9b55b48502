import { MlError } from '../core/errors';
import type { Matrix } from '../core/matrix';
import { checkPair } from './check-pair';

/**
 * Mean negative log-likelihood of the true classes (scikit-learn 1.2's `log_loss`): probabilities are clipped to
 * [1e-15, 1 − 1e-15] and each row renormalised before taking logs, so a confident wrong answer costs ≈ 34.5.
 */
export function logLoss(yTrue: Int32Array, proba: Matrix, eps = 1e-15): number {
  checkPair('logLoss', yTrue.length, proba.nRows);
  const { nRows: n, nCols: k, data } = proba;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    if (!(y >= 0 && y < k)) {
      throw new MlError('SHAPE_MISMATCH', `logLoss got class ${y} but the probabilities have ${k} columns.`);
    }
    let rowSum = 0;
    for (let c = 0; c < k; c++) rowSum += Math.min(1 - eps, Math.max(eps, data[c * n + i]));
    const p = Math.min(1 - eps, Math.max(eps, data[y * n + i])) / rowSum;
    total -= Math.log(p);
  }
  return total / n;
}
