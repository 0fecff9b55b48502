import { MlError } from '../core/errors';

/**
 * Conformal prediction as plain functions over arrays: the caller fits the models (any estimator), this file
 * turns held-out or cross-validated nonconformity scores into intervals and prediction sets with a
 * finite-sample coverage guarantee (Vovk et al.; Lei et al. 2018; Barber et al. 2021 for CV+; Romano, Sesia &
 * Candès 2020 / Sadinle et al. 2019 for sets). Nothing here is random, so the same inputs give the same output.
 */

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new MlError(
      'INVALID_PARAMETER',
      `Coverage level ${level} is outside (0, 1). Use e.g. 0.9 for 90%.`,
    );
  }
}

/**
 * The finite-sample conformal quantile: the ⌈(n+1)·level⌉-th smallest score. With exchangeable data a new
 * score falls at or below it with probability ≥ level. When n is too small for the level (⌈(n+1)·level⌉ > n)
 * the honest answer is an infinite quantile: no finite interval has that coverage.
 */
export function conformalQuantile(scores: ArrayLike<number>, level: number): number {
  checkLevel(level);
  const sorted = Float64Array.from(scores).sort();
  const n = sorted.length;
  const rank = Math.ceil((n + 1) * level);
  return rank > n ? Number.POSITIVE_INFINITY : sorted[rank - 1];
}

/**
 * A positive lower bound for a spread estimate: a small share of the mean absolute residual (never 0), so a
 * spread model that predicts 0 or less can never divide by zero or give a zero-width interval.
 */
export function spreadFloor(absResiduals: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < absResiduals.length; i++) sum += absResiduals[i];
  const mean = absResiduals.length === 0 ? 0 : sum / absResiduals.length;
  return Math.max(0.05 * mean, 1e-12);
}

/** Spread estimates clipped at the floor (see spreadFloor). */
export function clipSpread(spread: ArrayLike<number>, floor: number): Float64Array {
  return Float64Array.from(spread, (s) => (Number.isFinite(s) && s > floor ? s : floor));
}

/**
 * Regression nonconformity scores |y − ŷ| / σ(x). Without `spread` (σ ≡ 1) this is plain split conformal,
 * whose intervals have one width everywhere; with a fitted spread model (normalized or locally-weighted
 * conformal) they widen where the noise is larger, so coverage also holds region by region, not just on average.
 */
export function regressionScores(
  y: ArrayLike<number>,
  predicted: ArrayLike<number>,
  spread?: ArrayLike<number>,
): Float64Array {
  if (y.length !== predicted.length || (spread !== undefined && spread.length !== y.length)) {
    throw new MlError('SHAPE_MISMATCH', 'Targets, predictions and spreads must have one value per row.');
  }
  return Float64Array.from(y, (v, i) => Math.abs(v - predicted[i]) / (spread === undefined ? 1 : spread[i]));
}

/** Intervals ŷ ± q·σ(x) for a conformal quantile q of the scores above. */
export function symmetricIntervals(
  predicted: ArrayLike<number>,
  q: number,
  spread?: ArrayLike<number>,
): { lower: Float64Array; upper: Float64Array } {
  const n = predicted.length;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const half = q * (spread === undefined ? 1 : spread[i]);
    lower[i] = predicted[i] - half;
    upper[i] = predicted[i] + half;
  }
  return { lower, upper };
}

/**
 * CV+ intervals (Barber, Candès, Ramdas & Tibshirani 2021). `foldPredictions[k]` holds fold k's model's
 * predictions for the new rows; `residuals[i]` is training row i's out-of-fold |y − ŷ|, and `foldOf[i]` the fold
 * that held it out. For each new row the bounds are order statistics of μ₋ₖ₍ᵢ₎(x) ∓ Rᵢ over the training rows,
 * which keeps coverage ≥ 1 − 2α even though every row was used for fitting.
 */
export function cvPlusIntervals(
  foldPredictions: ArrayLike<number>[],
  residuals: ArrayLike<number>,
  foldOf: ArrayLike<number>,
  level: number,
): { lower: Float64Array; upper: Float64Array } {
  checkLevel(level);
  const n = residuals.length;
  if (foldOf.length !== n) throw new MlError('SHAPE_MISMATCH', 'Give one fold index per residual.');
  const m = foldPredictions.length === 0 ? 0 : foldPredictions[0].length;
  const rank = Math.ceil((n + 1) * level);
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) {
      const mu = foldPredictions[foldOf[i]][j];
      lo[i] = mu - residuals[i];
      hi[i] = mu + residuals[i];
    }
    lo.sort();
    hi.sort();
    lower[j] = rank > n ? Number.NEGATIVE_INFINITY : lo[n - rank];
    upper[j] = rank > n ? Number.POSITIVE_INFINITY : hi[rank - 1];
  }
  return { lower, upper };
}

/**
 * LAC scores (least ambiguous set-valued classifier, Sadinle et al. 2019): 1 − p̂(true class). `proba` is
 * n × k, column-major (class k's probabilities are proba[k·n … k·n+n−1]), as the library's predictProba gives.
 */
export function classificationScores(proba: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
  const n = y.length;
  if (n > 0 && proba.length % n !== 0) {
    throw new MlError('SHAPE_MISMATCH', 'Probabilities must be rows × classes, one row per label.');
  }
  return Float64Array.from(y, (label, i) => 1 - proba[label * n + i]);
}

/**
 * Prediction sets {k : 1 − p̂ₖ(x) ≤ q}: every class likely enough to keep the stated coverage. A set is never
 * empty: when no class clears the bar the most probable one is kept (slightly conservative, never less covered).
 */
export function predictionSets(proba: ArrayLike<number>, nRows: number, q: number): number[][] {
  const k = nRows === 0 ? 0 : proba.length / nRows;
  const sets: number[][] = new Array(nRows);
  for (let i = 0; i < nRows; i++) {
    const set: number[] = [];
    let best = 0;
    for (let c = 0; c < k; c++) {
      const p = proba[c * nRows + i];
      if (1 - p <= q) set.push(c);
      if (p > proba[best * nRows + i]) best = c;
    }
    sets[i] = set.length > 0 ? set : [best];
  }
  return sets;
}

/** The share of rows whose value lies in [lower, upper]. */
export function intervalCoverage(
  y: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  let inside = 0;
  for (let i = 0; i < y.length; i++) if (y[i] >= lower[i] && y[i] <= upper[i]) inside++;
  return y.length === 0 ? Number.NaN : inside / y.length;
}

/** The share of rows whose label is in its prediction set. */
export function setCoverage(y: ArrayLike<number>, sets: number[][]): number {
  let inside = 0;
  for (let i = 0; i < y.length; i++) if (sets[i].includes(y[i])) inside++;
  return y.length === 0 ? Number.NaN : inside / y.length;
}
