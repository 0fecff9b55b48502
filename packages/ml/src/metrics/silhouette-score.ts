import { MlError } from '../core/errors';
import type { Matrix } from '../core/matrix';
import { Rng } from '../core/rng';
import { checkPair } from './check-pair';

export interface SilhouetteOptions {
  /** Score a seeded random sample of this many rows (the cost is quadratic in the rows); null = every row. */
  sampleSize?: number | null;
  randomState?: number;
}

/** The rows a silhouette is computed on: all of them, or a seeded sample without replacement. */
export function silhouetteRows(nRows: number, options: SilhouetteOptions = {}): Int32Array {
  const { sampleSize = null, randomState = 0 } = options;
  if (sampleSize === null || sampleSize >= nRows) return Int32Array.from({ length: nRows }, (_, i) => i);
  return new Rng(randomState).permutation(nRows).subarray(0, sampleSize);
}

/** Euclidean distances between the given rows, `m × m` row-major (reusable across labelings of the same rows). */
export function pairwiseDistances(X: Matrix, rows: Int32Array): Float64Array {
  const m = rows.length;
  const p = X.nCols;
  // Gather the rows once, row-major, so each distance reads two contiguous runs.
  const x = new Float64Array(m * p);
  for (let j = 0; j < p; j++) {
    const column = X.column(j);
    for (let a = 0; a < m; a++) x[a * p + j] = column[rows[a]];
  }
  const out = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      let sum = 0;
      for (let j = 0; j < p; j++) {
        const d = x[a * p + j] - x[b * p + j];
        sum += d * d;
      }
      const d = Math.sqrt(sum);
      out[a * m + b] = d;
      out[b * m + a] = d;
    }
  }
  return out;
}

/**
 * The mean silhouette from precomputed distances (`m × m`) and the labels of those m rows: per row,
 * `(b - a) / max(a, b)` with `a` the mean distance to the rest of its cluster and `b` the smallest mean distance
 * to another cluster; 0 for a row alone in its cluster (scikit-learn's `silhouette_samples`).
 */
export function silhouetteFromDistances(distances: Float64Array, labels: Int32Array): number {
  const m = labels.length;
  let k = 0;
  for (const label of labels) k = Math.max(k, label + 1);
  const sizes = new Float64Array(k);
  for (const label of labels) sizes[label]++;
  const used = sizes.filter((s) => s > 0).length;
  if (used < 2 || used > m - 1) {
    throw new MlError(
      'INVALID_PARAMETER',
      `The silhouette needs between 2 and ${m - 1} clusters (one less than the rows), got ${used}. Use another k or more rows.`,
    );
  }
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < m; i++) {
    sums.fill(0);
    for (let j = 0; j < m; j++) sums[labels[j]] += distances[i * m + j];
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    const spread = Math.max(a, b);
    total += spread > 0 ? (b - a) / spread : 0;
  }
  return total / m;
}

/**
 * The mean silhouette coefficient of a clustering (scikit-learn's `silhouette_score`, Euclidean): from -1 (rows
 * closer to another cluster) to 1 (tight, well separated clusters). `labels` are cluster indices ≥ 0.
 */
export function silhouetteScore(X: Matrix, labels: Int32Array, options: SilhouetteOptions = {}): number {
  checkPair('silhouetteScore', X.nRows, labels.length);
  const rows = silhouetteRows(X.nRows, options);
  const sampled = Int32Array.from(rows, (i) => labels[i]);
  return silhouetteFromDistances(pairwiseDistances(X, rows), sampled);
}
