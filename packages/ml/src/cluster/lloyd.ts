import { type AbortSignalLike, throwIfAborted } from '../core/fit-options';
import type { Rng } from '../core/rng';

/**
 * The numeric core of k-means on a row-major copy of the data (`x[i * p + j]`), which keeps each row's features
 * together so a distance is one contiguous loop. Centres are row-major too (`k × p`). These functions follow
 * scikit-learn's `_kmeans_plusplus` and `_kmeans_single_lloyd` step by step so that, given the same initial
 * centres, the iterations (and so the inertia) match.
 */
export interface RowMajor {
  x: Float64Array;
  n: number;
  p: number;
}

export interface LloydResult {
  centers: Float64Array;
  labels: Int32Array;
  inertia: number;
  nIter: number;
}

function squaredDistance(
  a: Float64Array,
  aOffset: number,
  b: Float64Array,
  bOffset: number,
  p: number,
): number {
  let sum = 0;
  for (let j = 0; j < p; j++) {
    const d = a[aOffset + j] - b[bOffset + j];
    sum += d * d;
  }
  return sum;
}

/** Assigns every row to its nearest centre (ties go to the lower index, like numpy's argmin). */
export function assignLabels(
  data: RowMajor,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  distances: Float64Array,
): void {
  const { x, n, p } = data;
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const d = squaredDistance(x, i * p, centers, c * p, p);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    labels[i] = best;
    distances[i] = bestDistance;
  }
}

/** Squared distances of every row to every centre, `n × k` row-major. */
export function centerDistances(data: RowMajor, centers: Float64Array, k: number): Float64Array {
  const { x, n, p } = data;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) out[i * k + c] = squaredDistance(x, i * p, centers, c * p, p);
  }
  return out;
}

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii, with scikit-learn's `2 + floor(ln k)` local trials per
 * centre): each new centre is the best of a few candidates drawn with probability proportional to the squared
 * distance to the nearest centre so far. Returns `k × p` row-major centres.
 */
export function kmeansPlusPlus(data: RowMajor, k: number, rng: Rng): Float64Array {
  const { x, n, p } = data;
  const centers = new Float64Array(k * p);
  const trials = 2 + Math.floor(Math.log(k));
  const first = rng.nextInt(n);
  centers.set(x.subarray(first * p, first * p + p), 0);
  const closest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    closest[i] = squaredDistance(x, i * p, x, first * p, p);
    potential += closest[i];
  }
  const cumulative = new Float64Array(n);
  const candidateClosest = new Float64Array(n);
  const bestClosest = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let running = 0;
    for (let i = 0; i < n; i++) {
      running += closest[i];
      cumulative[i] = running;
    }
    let bestCandidate = -1;
    let bestPotential = Number.POSITIVE_INFINITY;
    for (let t = 0; t < trials; t++) {
      const candidate = searchSorted(cumulative, rng.nextFloat() * potential);
      let candidatePotential = 0;
      for (let i = 0; i < n; i++) {
        const d = Math.min(closest[i], squaredDistance(x, i * p, x, candidate * p, p));
        candidateClosest[i] = d;
        candidatePotential += d;
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestCandidate = candidate;
        bestClosest.set(candidateClosest);
      }
    }
    centers.set(x.subarray(bestCandidate * p, bestCandidate * p + p), c * p);
    closest.set(bestClosest);
    potential = bestPotential;
  }
  return centers;
}

/** The first index whose cumulative sum reaches `value` (numpy's `searchsorted`, left side), clipped to n - 1. */
function searchSorted(cumulative: Float64Array, value: number): number {
  let lo = 0;
  let hi = cumulative.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, cumulative.length - 1);
}

/**
 * The M-step: each centre becomes the mean of its rows. An empty cluster is moved to the row farthest from its
 * centre (scikit-learn's `_relocate_empty_clusters_dense`), which leaves its old cluster.
 */
function updateCenters(
  data: RowMajor,
  labels: Int32Array,
  distances: Float64Array,
  k: number,
  out: Float64Array,
): void {
  const { x, n, p } = data;
  out.fill(0);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    counts[c]++;
    for (let j = 0; j < p; j++) out[c * p + j] += x[i * p + j];
  }
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (counts[c] === 0) empty.push(c);
  if (empty.length > 0) {
    const far = Array.from({ length: n }, (_, i) => i)
      .sort((a, b) => distances[b] - distances[a] || a - b)
      .slice(0, empty.length);
    empty.forEach((c, e) => {
      const i = far[e];
      const old = labels[i];
      for (let j = 0; j < p; j++) {
        out[old * p + j] -= x[i * p + j];
        out[c * p + j] = x[i * p + j];
      }
      counts[old]--;
      counts[c] = 1;
    });
  }
  for (let c = 0; c < k; c++) {
    if (counts[c] > 0) for (let j = 0; j < p; j++) out[c * p + j] /= counts[c];
  }
}

/**
 * One k-means run from the given initial centres (scikit-learn's `_kmeans_single_lloyd`): alternate assignment and
 * mean updates until the labels stop changing or the total squared centre shift is at most `tol`, then assign once
 * more so the labels belong to the final centres.
 */
export function lloyd(
  data: RowMajor,
  initial: Float64Array,
  k: number,
  options: { maxIter: number; tol: number; signal?: AbortSignalLike },
): LloydResult {
  const { n, p } = data;
  let centers = Float64Array.from(initial);
  let next = new Float64Array(k * p);
  const labels = new Int32Array(n);
  const previous = new Int32Array(n).fill(-1);
  const distances = new Float64Array(n);
  let iter = 0;
  for (; iter < options.maxIter; iter++) {
    throwIfAborted(options.signal);
    assignLabels(data, centers, k, labels, distances);
    updateCenters(data, labels, distances, k, next);
    let shift = 0;
    for (let m = 0; m < k * p; m++) shift += (next[m] - centers[m]) ** 2;
    [centers, next] = [next, centers];
    if (labels.every((label, i) => label === previous[i])) break;
    if (shift <= options.tol) break;
    previous.set(labels);
  }
  // Without strict convergence the last labels belong to the previous centres: assign once more. With it, the
  // centres did not move, and this also gives the distances the inertia needs.
  assignLabels(data, centers, k, labels, distances);
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += distances[i];
  return { centers, labels, inertia, nIter: Math.min(iter + 1, options.maxIter) };
}
