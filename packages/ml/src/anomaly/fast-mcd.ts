import { type AbortSignalLike, throwIfAborted } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import { Rng } from '../core/rng';
import { sortPairs } from '../core/sort-pairs';
import { chi2Quantile } from './chi2';
import { type Gaussian, gaussianOf, squaredMahalanobis, withCovariance } from './covariance';

export interface McdOptions {
  /** Share of rows in the support; null = scikit-learn's default ⌈(n + p + 1)/2⌉ rows. */
  supportFraction?: number | null;
  randomState?: number;
  signal?: AbortSignalLike;
}

/** A robust location and covariance with the rows that support it (scikit-learn's `MinCovDet` attributes). */
export interface McdResult extends Gaussian {
  /** The raw MCD estimate: mean and covariance of the h-subset with the smallest determinant found (uncorrected). */
  rawLocation: Float64Array;
  rawCovariance: Float64Array;
  /** ln det(rawCovariance), the objective FAST-MCD minimises. */
  rawLogDet: number;
  /** Per row, 1 when it is in the final (reweighted) support. */
  support: Uint8Array;
  /** Squared robust Mahalanobis distance of every training row under the final estimate. */
  distances: Float64Array;
}

const N_TRIALS = 30;
const N_BEST = 10;
/** Above this many rows the 30 random starts run on a random subset of this size (see `fastMcd`). */
const SUBSET_ROWS = 500;

/** The h rows with the smallest squared distances. */
function smallest(distances: Float64Array, h: number): Int32Array {
  const values = Float64Array.from(distances);
  const order = Int32Array.from({ length: values.length }, (_, i) => i);
  sortPairs(values, order, 0, values.length);
  return order.slice(0, h).sort();
}

/**
 * C-steps (Rousseeuw & Van Driessen 1999): fit on the h rows closest under the current estimate; the determinant
 * never increases, so stop when it stops decreasing, is singular, or after `maxSteps`.
 */
function cSteps(X: Matrix, start: Int32Array, h: number, maxSteps: number): Gaussian {
  let current = gaussianOf(X, start);
  for (let step = 0; step < maxSteps && Number.isFinite(current.logDet); step++) {
    const next = gaussianOf(X, smallest(squaredMahalanobis(X, current.location, current.precision), h));
    if (
      next.logDet > current.logDet ||
      Math.abs(next.logDet - current.logDet) <= 1e-8 * Math.abs(current.logDet) + 1e-8
    ) {
      if (next.logDet < current.logDet) current = next;
      break;
    }
    current = next;
  }
  return current;
}

/**
 * FAST-MCD (Rousseeuw & Van Driessen 1999), as scikit-learn's `MinCovDet`: the minimum covariance determinant
 * estimate over h-subsets, made consistent and reweighted.
 *
 * 1. 30 random h-subsets, two C-steps each; the 10 with the smallest determinants are iterated to convergence on
 *    all rows and the best kept (raw MCD). Above 500 rows the 30 starts run on a random 500-row subset (with h scaled
 *    down) — a simplification of the paper's nested subsets that keeps the cost linear in n.
 * 2. Consistency: the raw covariance is scaled by median(d²) / median(χ²ₚ), so it estimates Σ for normal data.
 * 3. Reweighting: location and covariance of the rows with d² < χ²ₚ(0.975), which restores efficiency.
 *
 * Seeded: the same `randomState` gives the same result.
 */
export function fastMcd(X: Matrix, options: McdOptions = {}): McdResult {
  const { nRows: n, nCols: p } = X;
  const { supportFraction = null, randomState = 0, signal } = options;
  const h =
    supportFraction === null
      ? Math.min(n, Math.ceil(0.5 * (n + p + 1)))
      : Math.max(1, Math.min(n, Math.ceil(supportFraction * n)));
  const rng = new Rng(randomState);
  const pool = n > SUBSET_ROWS ? rng.permutation(n).slice(0, SUBSET_ROWS).sort() : null;
  const hStart = pool === null ? h : Math.max(1, Math.round((h * SUBSET_ROWS) / n));
  const startRows = pool === null ? X : X.takeRows(pool);
  const candidates: Gaussian[] = [];
  for (let t = 0; t < N_TRIALS; t++) {
    throwIfAborted(signal);
    const start = rng.permutation(startRows.nRows).slice(0, hStart).sort();
    candidates.push(cSteps(startRows, start, hStart, 2));
  }
  candidates.sort((a, b) => a.logDet - b.logDet);
  let best: Gaussian | null = null;
  for (const candidate of candidates.slice(0, N_BEST)) {
    throwIfAborted(signal);
    const first = smallest(squaredMahalanobis(X, candidate.location, candidate.precision), h);
    const refined = cSteps(X, first, h, 30);
    if (best === null || refined.logDet < best.logDet) best = refined;
  }
  const raw = best as Gaussian;
  // Consistency correction.
  const rawDistances = squaredMahalanobis(X, raw.location, raw.precision);
  const sorted = Float64Array.from(rawDistances).sort();
  const median = n % 2 === 1 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  // A zero median (more than half the rows identical) leaves the covariance as it is.
  const ratio = median / chi2Quantile(0.5, p);
  const correction = ratio > 0 && Number.isFinite(ratio) ? ratio : 1;
  const corrected = withCovariance(
    raw.location,
    raw.covariance.map((v) => v * correction),
  );
  // Reweighting.
  const cutoff = chi2Quantile(0.975, p);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (rawDistances[i] / correction < cutoff) kept.push(i);
  const final = kept.length > p ? gaussianOf(X, Int32Array.from(kept)) : corrected;
  const support = new Uint8Array(n);
  for (const i of kept) support[i] = 1;
  return {
    ...final,
    rawLocation: raw.location,
    rawCovariance: raw.covariance,
    rawLogDet: raw.logDet,
    support,
    distances: squaredMahalanobis(X, final.location, final.precision),
  };
}
