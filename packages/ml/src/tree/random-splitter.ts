import { splitProxy } from './criterion';
import { addRow, FEATURE_THRESHOLD, type Split, type SplitContext } from './splitter';

/**
 * The best of one random split per feature (Geurts, Ernst & Wehenkel 2006, "Extremely randomized trees"; as
 * scikit-learn's `RandomSplitter`): for each candidate feature (up to `maxFeatures` non-constant ones, in random
 * order), draw a threshold uniformly in [min, max) of the node's present values and keep the feature whose split
 * improves the criterion most. No sorting, so a node costs O(rows) per feature instead of O(rows log rows).
 * Missing values (NaN) are tried on both sides of the drawn threshold, as the exact splitter does.
 */
export function findRandomSplit(
  ctx: SplitContext,
  samples: Int32Array,
  start: number,
  end: number,
): Split | null {
  const { features, nFeatures, rng } = ctx;
  let best: Split | null = null;
  let visited = 0;
  for (let f = 0; f < nFeatures && visited < ctx.maxFeatures; f++) {
    const pick = f + rng.nextInt(nFeatures - f);
    const feature = features[pick];
    features[pick] = features[f];
    features[f] = feature;
    const result = randomFeatureSplit(
      ctx,
      samples,
      start,
      end,
      feature,
      best?.proxy ?? Number.NEGATIVE_INFINITY,
    );
    if (result === 'constant') continue;
    visited++;
    if (result !== null) best = result;
  }
  return best;
}

/** A random split on one feature if it beats `bestProxy`; 'constant' when the feature cannot split the node. */
function randomFeatureSplit(
  ctx: SplitContext,
  samples: Int32Array,
  start: number,
  end: number,
  feature: number,
  bestProxy: number,
): Split | null | 'constant' {
  const { data, nRows, dim, prefix, missing, nonMissing, left, right, minSamplesLeaf } = ctx;
  const offset = feature * nRows;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let nMissing = 0;
  for (let s = start; s < end; s++) {
    const x = data[offset + samples[s]];
    if (Number.isNaN(x)) nMissing++;
    else {
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  const nPresent = end - start - nMissing;
  if (nPresent === 0) return 'constant';
  const presentConstant = max <= min + FEATURE_THRESHOLD;
  if (presentConstant && nMissing === 0) return 'constant';
  let threshold = Number.POSITIVE_INFINITY;
  if (!presentConstant) {
    threshold = min + (max - min) * ctx.rng.nextFloat();
    if (threshold === max) threshold = min;
  }
  // prefix = statistics of the present rows at or below the threshold.
  prefix.fill(0);
  missing.fill(0);
  nonMissing.fill(0);
  let nLeft = 0;
  for (let s = start; s < end; s++) {
    const row = samples[s];
    const x = data[offset + row];
    if (Number.isNaN(x)) {
      addRow(ctx, missing, row);
      continue;
    }
    addRow(ctx, nonMissing, row);
    if (x <= threshold) {
      addRow(ctx, prefix, row);
      nLeft++;
    }
  }

  let best: Split | null = null;
  const consider = (nL: number, nR: number, missingGoesLeft: boolean) => {
    if (nL < minSamplesLeaf || nR < minSamplesLeaf) return;
    const proxy = splitProxy(ctx.criterion, left, right, dim);
    if (proxy > bestProxy) {
      bestProxy = proxy;
      best = { feature, threshold, missingGoesLeft, proxy };
    }
  };
  // Missing rows on the right (with none in the node, NaN at predict time follows the larger child).
  for (let k = 0; k < dim; k++) {
    left[k] = prefix[k];
    right[k] = nonMissing[k] - prefix[k] + missing[k];
  }
  consider(nLeft, nPresent - nLeft + nMissing, nMissing === 0 && nLeft >= nPresent - nLeft);
  if (nMissing > 0 && !presentConstant) {
    for (let k = 0; k < dim; k++) {
      left[k] = prefix[k] + missing[k];
      right[k] = nonMissing[k] - prefix[k];
    }
    consider(nLeft + nMissing, nPresent - nLeft, true);
  }
  return best;
}
