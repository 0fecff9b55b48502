import { HIST_STRIDE } from './histogram';
import { splitGain } from './split-gain';
import type { NodeRows, NodeSums, SplitContext } from './splitting';

/**
 * The survey of `scanUncounted` (splitting.ts): each numeric feature's scans over histograms without row counts,
 * with each side's count bounded from its hessian sum, and the exact count of one feature from the node's rows
 * when the survey cannot decide.
 */

/** Per feature in `SplitScratch.survey`: best valid gain, its bin, missing left (1), G_L, H_L; undecided gain. */
export const SURVEY_SLOTS = 6;
/** The best gain among undecided bins, +∞ when the feature must be counted whatever the others' gains. */
export const UNDECIDED = 5;

/** The bounded scans of numeric feature `f` (both directions, as `scanFeature`), into `survey`. */
export function surveyFeature(
  hist: Float64Array,
  ctx: SplitContext,
  node: NodeSums,
  f: number,
  survey: Float64Array,
): void {
  const { nSamples, sumGradients, sumHessians } = node;
  const { minSamplesLeaf, minHessianToSplit, l2Regularization: l2 } = ctx;
  const parentLoss = sumGradients * node.value;
  const stride = HIST_STRIDE;
  const base = f * ctx.nBins * stride;
  // Least counts, loosened for rounding: hessian sums are float64 sums of up to n float32 values.
  const perRow = (1 - 1e-6) / ctx.rowHessianBound;
  const slack = 1e-3 + 1e-15 * nSamples * nSamples;
  let bestGain = -1;
  let bestBin = -1;
  let bestMissingLeft = 0;
  let bestG = 0;
  let bestH = 0;
  let undecidedGain = -1;
  const end = ctx.nBinsNonMissing[f] - 1 + ctx.hasMissing[f];
  let gL = 0;
  let hL = 0;
  for (let b = 0; b < end; b++) {
    const k = base + b * stride;
    hL += hist[k + 1];
    gL += hist[k];
    const hR = sumHessians - hL;
    const leastLeft = hL * perRow - slack;
    const leastRight = hR * perRow - slack;
    if (nSamples - leastRight < minSamplesLeaf) continue;
    if (nSamples - leastLeft < minSamplesLeaf) break;
    const undecided = leastLeft < minSamplesLeaf || leastRight < minSamplesLeaf;
    if (hL < minHessianToSplit) continue;
    if (hR < minHessianToSplit) {
      // The exact scan stops here too unless the left side is short (then it skips the bin and goes on).
      if (leastLeft < minSamplesLeaf) undecidedGain = Number.POSITIVE_INFINITY;
      break;
    }
    const gain = splitGain(gL, hL, sumGradients - gL, hR, parentLoss, l2);
    if (undecided) {
      if (gain > undecidedGain) undecidedGain = gain;
    } else if (gain > bestGain) {
      bestGain = gain;
      bestBin = b;
      bestG = gL;
      bestH = hL;
    }
  }
  if (ctx.hasMissing[f]) {
    let gR = 0;
    let hR = 0;
    for (let b = ctx.nBinsNonMissing[f] - 2; b >= 0; b--) {
      const k = base + (b + 1) * stride;
      hR += hist[k + 1];
      gR += hist[k];
      const hL = sumHessians - hR;
      const leastLeft = hL * perRow - slack;
      const leastRight = hR * perRow - slack;
      if (nSamples - leastLeft < minSamplesLeaf) continue;
      if (nSamples - leastRight < minSamplesLeaf) break;
      const undecided = leastLeft < minSamplesLeaf || leastRight < minSamplesLeaf;
      if (hR < minHessianToSplit) continue;
      if (hL < minHessianToSplit) {
        if (leastRight < minSamplesLeaf) undecidedGain = Number.POSITIVE_INFINITY;
        break;
      }
      const gL = sumGradients - gR;
      const gain = splitGain(gL, hL, gR, hR, parentLoss, l2);
      if (undecided) {
        if (gain > undecidedGain) undecidedGain = gain;
      } else if (gain > bestGain) {
        bestGain = gain;
        bestBin = b;
        bestMissingLeft = 1;
        bestG = gL;
        bestH = hL;
      }
    }
  }
  const at = f * SURVEY_SLOTS;
  survey[at] = bestBin >= 0 ? bestGain : -1;
  survey[at + 1] = bestBin;
  survey[at + 2] = bestMissingLeft;
  survey[at + 3] = bestG;
  survey[at + 4] = bestH;
  survey[at + UNDECIDED] = undecidedGain;
}

/** Writes the row counts of feature `f`'s bins, counted from the node's rows, into the histograms' count slots. */
export function countBins(hist: Float64Array, ctx: SplitContext, nodeRows: NodeRows, f: number): void {
  const { binned, nRows, rows, start, end } = nodeRows;
  const stride = HIST_STRIDE;
  const base = f * ctx.nBins * stride;
  for (let b = 0; b < ctx.nBins; b++) hist[base + b * stride + 2] = 0;
  const column = f * nRows;
  for (let k = start; k < end; k++) hist[base + binned[column + rows[k]] * stride + 2] += 1;
}
