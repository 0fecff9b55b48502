import { Matrix } from '../core/matrix';

/**
 * Rank normalisation puts detectors with incomparable scales (isolation depth, density ratio, z, d²) on one scale:
 * a row's normalised rank under a detector is the share of training rows it is more anomalous than,
 *
 *   rank(v) = (#{reference < v} + #{reference ≤ v}) / (2n)     ∈ [0, 1], ties counted half
 *
 * where the reference is the training rows' outlierness (−trainScores_), kept sorted so a new row is placed by two
 * binary searches. Ranks ignore how far apart scores are, so one detector's extreme values cannot dominate a vote.
 */
export function sortedReference(trainScores: Float64Array): Float64Array {
  return trainScores.map((s) => -s).sort();
}

/** The index of the first element of `sorted` that is ≥ v (or > v when `strict`). */
function lowerBound(sorted: Float64Array, v: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v || (strict && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The normalised rank of each score (higher = more normal, as `scoreSamples` gives) against a sorted reference. */
export function normalisedRanks(scores: Float64Array, reference: Float64Array): Float64Array {
  const n = reference.length;
  return scores.map((s) => {
    const v = -s;
    return (lowerBound(reference, v, false) + lowerBound(reference, v, true)) / (2 * n);
  });
}

/** The sorted references of several detectors as the columns of one matrix (for saving). */
export function referenceMatrix(references: readonly Float64Array[]): Matrix {
  return Matrix.fromColumns(references);
}
