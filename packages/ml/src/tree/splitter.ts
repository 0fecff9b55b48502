import type { Rng } from '../core/rng';
import { sortPairs } from '../core/sort-pairs';
import { type Criterion, splitProxy } from './criterion';

/** Values closer than this are treated as equal when placing thresholds (scikit-learn's FEATURE_THRESHOLD). */
export const FEATURE_THRESHOLD = 1e-7;

/** Everything the split search reads, plus scratch buffers reused across nodes. */
export interface SplitContext {
  data: Float64Array; // X, column-major
  nRows: number;
  nFeatures: number;
  criterion: Criterion;
  dim: number;
  /** classification: class index per row; regression: unused (length 0). */
  classes: Int32Array;
  /** regression: target per row; classification: unused (length 0). */
  target: Float64Array;
  weight: Float64Array;
  minSamplesLeaf: number;
  maxFeatures: number;
  rng: Rng;
  // scratch
  values: Float64Array;
  order: Int32Array;
  features: Int32Array;
  prefix: Float64Array;
  missing: Float64Array;
  nonMissing: Float64Array;
  left: Float64Array;
  right: Float64Array;
}

export interface Split {
  feature: number;
  threshold: number;
  missingGoesLeft: boolean;
  proxy: number;
}

/** Adds row `row`'s statistics to `stats` (see criterion.ts for the layout). */
export function addRow(ctx: SplitContext, stats: Float64Array, row: number): void {
  const w = ctx.weight[row];
  if (ctx.criterion === 'squared_error') {
    const y = ctx.target[row];
    stats[0] += w;
    stats[1] += w * y;
    stats[2] += w * y * y;
  } else {
    stats[ctx.classes[row]] += w;
  }
}

/**
 * The best split of the rows `samples[start:end]` by exact search: for each candidate feature (up to `maxFeatures`
 * non-constant ones, in random order), sort the node's present values and try every threshold between distinct
 * neighbours, once with the missing rows on the left and once on the right, plus "present left, missing right".
 * Returns null when no split leaves `minSamplesLeaf` rows on both sides.
 */
export function findBestSplit(
  ctx: SplitContext,
  samples: Int32Array,
  start: number,
  end: number,
): Split | null {
  const { features, nFeatures, rng } = ctx;
  let best: Split | null = null;
  let visited = 0;
  // Fisher–Yates on the fly: features[0:f] are the ones drawn so far.
  for (let f = 0; f < nFeatures && visited < ctx.maxFeatures; f++) {
    const pick = f + rng.nextInt(nFeatures - f);
    const feature = features[pick];
    features[pick] = features[f];
    features[f] = feature;
    const result = scanFeature(ctx, samples, start, end, feature, best?.proxy ?? Number.NEGATIVE_INFINITY);
    if (result === 'constant') continue;
    visited++;
    if (result !== null) best = result;
  }
  return best;
}

/** The best split on one feature if it beats `bestProxy`; 'constant' when the feature cannot split the node. */
function scanFeature(
  ctx: SplitContext,
  samples: Int32Array,
  start: number,
  end: number,
  feature: number,
  bestProxy: number,
): Split | null | 'constant' {
  const { data, nRows, values, order, dim, prefix, missing, nonMissing, left, right, minSamplesLeaf } = ctx;
  const offset = feature * nRows;
  missing.fill(0);
  nonMissing.fill(0);
  let nPresent = 0;
  for (let s = start; s < end; s++) {
    const row = samples[s];
    const x = data[offset + row];
    if (Number.isNaN(x)) {
      addRow(ctx, missing, row);
    } else {
      values[nPresent] = x;
      order[nPresent++] = row;
      addRow(ctx, nonMissing, row);
    }
  }
  const nMissing = end - start - nPresent;
  if (nPresent === 0) return 'constant';
  sortPairs(values, order, 0, nPresent);
  if (values[nPresent - 1] <= values[0] + FEATURE_THRESHOLD && nMissing === 0) return 'constant';

  let best: Split | null = null;
  const consider = (nLeft: number, nRight: number, threshold: number, missingGoesLeft: boolean) => {
    if (nLeft < minSamplesLeaf || nRight < minSamplesLeaf) return;
    const proxy = splitProxy(ctx.criterion, left, right, dim);
    if (proxy > bestProxy) {
      bestProxy = proxy;
      best = { feature, threshold, missingGoesLeft, proxy };
    }
  };
  prefix.fill(0);
  for (let pos = 0; pos < nPresent - 1; pos++) {
    addRow(ctx, prefix, order[pos]);
    if (values[pos + 1] <= values[pos] + FEATURE_THRESHOLD) continue;
    let threshold = values[pos] / 2 + values[pos + 1] / 2;
    if (threshold === values[pos + 1] || !Number.isFinite(threshold)) threshold = values[pos];
    const nLeft = pos + 1;
    for (let k = 0; k < dim; k++) {
      left[k] = prefix[k];
      right[k] = nonMissing[k] - prefix[k] + missing[k];
    }
    // Without missing rows here, NaN at predict time follows the larger child (as scikit-learn).
    consider(nLeft, nPresent - nLeft + nMissing, threshold, nMissing === 0 && nLeft >= nPresent - nLeft);
    if (nMissing > 0) {
      for (let k = 0; k < dim; k++) {
        left[k] = prefix[k] + missing[k];
        right[k] = nonMissing[k] - prefix[k];
      }
      consider(nLeft + nMissing, nPresent - nLeft, threshold, true);
    }
  }
  if (nMissing > 0) {
    left.set(nonMissing);
    right.set(missing);
    consider(nPresent, nMissing, Number.POSITIVE_INFINITY, false);
  }
  return best;
}
