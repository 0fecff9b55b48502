import { MlError } from '../core/errors';
import { sortPairs } from '../core/sort-pairs';
import { checkPair } from './check-pair';

/**
 * The area under the ROC curve for a binary target (1 = positive), computed as the Mann–Whitney U statistic with
 * average ranks for tied scores, which equals scikit-learn's trapezoidal `roc_auc_score`:
 *
 *   AUC = (Σ ranks of positives − n₊(n₊ + 1)/2) / (n₊ · n₋)
 */
export function rocAucScore(yTrue01: Int32Array, score: Float64Array): number {
  checkPair('rocAucScore', yTrue01.length, score.length);
  const n = yTrue01.length;
  let nPos = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue01[i];
    if (y !== 0 && y !== 1) {
      throw new MlError(
        'INVALID_PARAMETER',
        `rocAucScore needs a target of 0 and 1 but row ${i} is ${y}. Encode the positive class as 1.`,
      );
    }
    if (Number.isNaN(score[i])) {
      throw new MlError('INPUT_HAS_NAN', `rocAucScore got a NaN score at row ${i}. Score every row.`);
    }
    nPos += y;
  }
  const nNeg = n - nPos;
  if (nPos === 0 || nNeg === 0) {
    throw new MlError(
      'SINGLE_CLASS',
      'Only one class is present in the target, so ROC AUC is not defined. Score rows of both classes.',
    );
  }
  const values = Float64Array.from(score);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  sortPairs(values, order, 0, n);
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && values[end] === values[start]) end++;
    // Rows start..end-1 tie: each gets the average of ranks start+1..end.
    const averageRank = (start + 1 + end) / 2;
    for (let r = start; r < end; r++) if (yTrue01[order[r]] === 1) rankSum += averageRank;
    start = end;
  }
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
