import type { BoostingLoss } from './loss';

/** How early stopping scores the model: minus the loss, or the estimator's default score (accuracy or R²). */
export type ScoreKind = 'loss' | 'accuracy' | 'r2';

/**
 * scikit-learn's `_should_stop`: stop when none of the last `nIterNoChange` scores beats the score just before them
 * by more than `tol` (scores are "higher is better").
 */
export function shouldStop(scores: readonly number[], nIterNoChange: number, tol: number): boolean {
  const reference = nIterNoChange + 1;
  if (scores.length < reference) return false;
  const bar = scores[scores.length - reference] + tol;
  for (let k = scores.length - reference + 1; k < scores.length; k++) if (scores[k] > bar) return false;
  return true;
}

/** The class each row's raw predictions favour (K = 1: class 1 when the logit is positive). */
function predictedClass(raw: Float64Array, n: number, K: number, i: number): number {
  if (K === 1) return raw[i] > 0 ? 1 : 0;
  let best = 0;
  for (let k = 1; k < K; k++) if (raw[k * n + i] > raw[best * n + i]) best = k;
  return best;
}

/**
 * The score of raw predictions `raw` (K·n, class-major) against `y`, higher is better. Scores are weighted by `w`
 * like scikit-learn's scorers with `sample_weight`.
 */
export function boostingScore(
  kind: ScoreKind,
  loss: BoostingLoss,
  y: Float64Array,
  w: Float64Array | null,
  raw: Float64Array,
): number {
  if (kind === 'loss') return -loss.meanLoss(y, w, raw);
  const n = y.length;
  let total = 0;
  if (kind === 'accuracy') {
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const wi = w === null ? 1 : w[i];
      if (predictedClass(raw, n, loss.nTreesPerIteration, i) === y[i]) correct += wi;
      total += wi;
    }
    return correct / total;
  }
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === null ? 1 : w[i];
    mean += wi * y[i];
    total += wi;
  }
  mean /= total;
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === null ? 1 : w[i];
    residual += wi * (y[i] - loss.inverseLink(raw[i])) ** 2;
    spread += wi * (y[i] - mean) ** 2;
  }
  if (spread === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / spread;
}
