import { MlError } from '../core/errors';
import type { Matrix } from '../core/matrix';
import { checkPair } from './check-pair';
import { rocAucScore } from './roc-auc-score';

/**
 * Macro-averaged one-vs-rest ROC AUC: the mean over classes k of the AUC of "class k vs the rest" scored by
 * `proba` column k (scikit-learn's `roc_auc_score(multi_class='ovr', average='macro')`). Classes absent from
 * `yTrue` are skipped (scikit-learn raises) so a small test split with a rare class still gets a score.
 */
export function rocAucOvr(yTrue: Int32Array, proba: Matrix): number {
  checkPair('rocAucOvr', yTrue.length, proba.nRows);
  const counts = new Float64Array(proba.nCols);
  for (const y of yTrue) {
    if (!(y >= 0 && y < proba.nCols)) {
      throw new MlError(
        'SHAPE_MISMATCH',
        `rocAucOvr got class ${y} but the probabilities have ${proba.nCols} columns.`,
      );
    }
    counts[y]++;
  }
  const binary = new Int32Array(yTrue.length);
  let sum = 0;
  let used = 0;
  for (let k = 0; k < proba.nCols; k++) {
    if (counts[k] === 0 || counts[k] === yTrue.length) continue;
    for (let i = 0; i < yTrue.length; i++) binary[i] = yTrue[i] === k ? 1 : 0;
    sum += rocAucScore(binary, proba.column(k));
    used++;
  }
  if (used === 0) {
    throw new MlError(
      'SINGLE_CLASS',
      'Only one class is present in the target, so ROC AUC is not defined. Score rows of several classes.',
    );
  }
  return sum / used;
}
