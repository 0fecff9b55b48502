import { studentTUpperTail } from './student-t';

export interface PairedTest {
  against: string;
  meanDifference: number;
  t: number | null;
  pValue: number;
  better: boolean;
}

export const ALPHA = 0.05;

/**
 * Is model A better than model B over the same CV folds? The Nadeau–Bengio corrected resampled t-test
 * (Nadeau & Bengio, "Inference for the generalization error", Machine Learning 2003), one-sided:
 *
 *   d_j = a_j − b_j (fold j),   t = mean(d) / sqrt((1/k + n_validation/n_fit) · var(d)),   df = k − 1
 *
 * Why not the plain paired t-test: the k training sets overlap, so fold scores are positively correlated and the
 * plain test's variance 1/k·var(d) is too small — it calls far too many differences significant (Dietterich 1998;
 * Bouckaert & Frank 2004). The correction term n_validation/n_fit accounts for that overlap. Wilcoxon's signed-rank
 * test cannot reach p < 0.05 one-sided with fewer than 5 folds, so it would never flag anything at k = 3 or 4.
 * Folds whose score is missing (a failed fit) are left out of both models.
 */
export function pairedTest(
  a: readonly (number | null)[],
  b: readonly (number | null)[],
  testRatio: number,
  against: string,
): PairedTest {
  const diffs: number[] = [];
  for (let j = 0; j < a.length; j++) {
    const x = a[j];
    const y = b[j];
    if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y)) diffs.push(x - y);
  }
  const k = diffs.length;
  if (k < 2) return { against, meanDifference: k === 1 ? diffs[0] : 0, t: null, pValue: 1, better: false };
  const mean = diffs.reduce((s, d) => s + d, 0) / k;
  const variance = diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / (k - 1);
  // Equal differences in every fold: no spread to test against, so the sign decides.
  if (variance <= 1e-24) {
    const pValue = mean > 1e-12 ? 0 : 1;
    return { against, meanDifference: mean, t: null, pValue, better: pValue < ALPHA };
  }
  const t = mean / Math.sqrt((1 / k + testRatio) * variance);
  const pValue = studentTUpperTail(t, k - 1);
  return { against, meanDifference: mean, t, pValue, better: pValue < ALPHA };
}
