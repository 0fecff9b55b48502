import { BITSET_WORDS, setBit } from './bitset';
import { HIST_STRIDE } from './histogram';
import { nodeValue, splitGain } from './split-gain';
import { countBins, SURVEY_SLOTS, surveyFeature, UNDECIDED } from './split-survey';

export { nodeValue } from './split-gain';

/**
 * Finding the best split of a node from its histograms (scikit-learn's `splitting.pyx`, LightGBM's
 * `FeatureHistogram::FindBestThreshold`). The gain of sending the rows with gradient/hessian sums (G_L, H_L) left
 * and (G_R, H_R) right is the loss reduction of a Newton step (XGBoost paper, eq. 6–7):
 *
 *   value(G, H) = −G / (H + λ)        loss(node) = G · value         gain = loss(parent) − loss(L) − loss(R)
 *
 * As in scikit-learn, the parent's term uses the node's own value, which is 0 for the root (it shifts every root
 * gain by the same amount, so the chosen split is unchanged).
 */

/** What the splitter needs to know about the data and the parameters, fixed for a whole fit. */
export interface SplitContext {
  nFeatures: number;
  /** Bins per feature in a histogram, including the missing bin (maxBins + 1). */
  nBins: number;
  missingBin: number;
  nBinsNonMissing: Int32Array;
  /** 1 when the feature has missing values in the training rows: only then is the missing direction learned. */
  hasMissing: Uint8Array;
  isCategorical: Uint8Array;
  l2Regularization: number;
  minSamplesLeaf: number;
  minHessianToSplit: number;
  /**
   * An upper bound on one row's hessian (0.25 for the log losses without sample weights), or 0 when there is none.
   * With a bound, histograms below the root carry no row counts: a side's hessian sum H bounds its count from
   * below (n ≥ H / bound), and only a feature whose best split depends on an undecided count is counted from the
   * node's rows (`NodeRows`).
   */
  rowHessianBound: number;
}

/**
 * A node's rows, for counting one feature's bins when its histograms carry no row counts: `rows[start..end)` are
 * row indices into the column-major `binned` (`nRows` per feature).
 */
export interface NodeRows {
  binned: Uint8Array;
  nRows: number;
  rows: Int32Array;
  start: number;
  end: number;
}

/** The sums and value of the node being split. */
export interface NodeSums {
  nSamples: number;
  sumGradients: number;
  sumHessians: number;
  value: number;
}

/** A candidate split; `gain ≤ 0` means none was found (the node becomes a leaf). */
export class SplitInfo {
  gain = -1;
  feature = -1;
  /** Numeric splits: rows with bin ≤ `bin` go left. */
  bin = 0;
  missingGoesLeft = false;
  isCategorical = false;
  /** Categorical splits: the bins (= category codes, and the missing bin) that go left. */
  readonly leftBins = new Int32Array(BITSET_WORDS);
  sumGradientLeft = 0;
  sumHessianLeft = 0;
  nLeft = 0;
  sumGradientRight = 0;
  sumHessianRight = 0;
  nRight = 0;
  valueLeft = 0;
  valueRight = 0;
}

// Hot loops read the histogram layout's stride from a local: imported bindings can compile to getter calls when
// modules are transformed to CommonJS (tsx, Vitest).
/** Smoothing of per-category ratios, and the least hessian a category needs to be ordered (LightGBM's `cat_smooth`). */
const MIN_CAT_SUPPORT = 10;

/** Reusable buffers for the categorical scan (one per fit). */
export class SplitScratch {
  readonly catBins = new Int32Array(256);
  readonly catValues = new Float64Array(256);
  /** Per feature, what `surveyFeature` found (`SURVEY_SLOTS` numbers each), grown on demand. */
  survey = new Float64Array(0);
}

/**
 * Writes the best split of the node into `out` (`out.gain ≤ 0` when no split satisfies `minSamplesLeaf` and
 * `minHessianToSplit`). Features are tried in order and a candidate must beat the best so far strictly, so ties go
 * to the lowest feature and, within a feature, to the first bin of the left-to-right scan, as in scikit-learn.
 * `nodeRows` is given when the histograms carry no row counts (see `SplitContext.rowHessianBound`); the split is
 * then the same, but its `nLeft` and `nRight` are NaN when no count was needed (the partition knows them).
 */
export function findBestSplit(
  hist: Float64Array,
  ctx: SplitContext,
  node: NodeSums,
  constantHessian: boolean,
  out: SplitInfo,
  scratch: SplitScratch,
  nodeRows: NodeRows | null = null,
): void {
  scanFeatures(hist, ctx, node, constantHessian, out, scratch, 0, ctx.nFeatures, nodeRows);
  completeSplit(ctx, node, out);
}

/**
 * The best split among the features `[f0, f1)` only, into `out` (its gain, feature, bin or category set, missing
 * direction and left sums): threads that scan blocks of features in parallel each call this, and the best of the
 * blocks — the first on ties, as one scan in feature order would pick — is then completed by `completeSplit`.
 */
export function scanFeatures(
  hist: Float64Array,
  ctx: SplitContext,
  node: NodeSums,
  constantHessian: boolean,
  out: SplitInfo,
  scratch: SplitScratch,
  f0: number,
  f1: number,
  nodeRows: NodeRows | null = null,
): void {
  out.gain = -1;
  out.feature = -1;
  if (nodeRows !== null && ctx.rowHessianBound > 0 && !constantHessian) {
    scanUncounted(hist, ctx, node, out, scratch, f0, f1, nodeRows);
    return;
  }
  for (let f = f0; f < f1; f++) scanFeature(hist, ctx, node, constantHessian, out, scratch, f);
}

function scanFeature(
  hist: Float64Array,
  ctx: SplitContext,
  node: NodeSums,
  constantHessian: boolean,
  out: SplitInfo,
  scratch: SplitScratch,
  f: number,
): void {
  if (ctx.isCategorical[f]) {
    scanCategories(hist, ctx, node, constantHessian, f, out, scratch);
  } else {
    scanLeftToRight(hist, ctx, node, constantHessian, f, out);
    if (ctx.hasMissing[f]) scanRightToLeft(hist, ctx, node, constantHessian, f, out);
  }
}

/** The right side's sums and both children's values of the split found by `scanFeatures` (if any). */
export function completeSplit(ctx: SplitContext, node: NodeSums, out: SplitInfo): void {
  if (out.gain <= 0) return;
  out.sumGradientRight = node.sumGradients - out.sumGradientLeft;
  out.sumHessianRight = node.sumHessians - out.sumHessianLeft;
  out.nRight = node.nSamples - out.nLeft;
  out.valueLeft = nodeValue(out.sumGradientLeft, out.sumHessianLeft, ctx.l2Regularization);
  out.valueRight = nodeValue(out.sumGradientRight, out.sumHessianRight, ctx.l2Regularization);
}

function record(out: SplitInfo, gain: number, f: number, gL: number, hL: number, nL: number): void {
  out.gain = gain;
  out.feature = f;
  out.sumGradientLeft = gL;
  out.sumHessianLeft = hL;
  out.nLeft = nL;
}

/**
 * Bins 0..b go left, the rest (missing values included) right. The scan stops one bin short of the last
 * non-missing bin unless there are missing values: then "all values left, missing right" is a candidate too.
 */
function scanLeftToRight(
  hist: Float64Array,
  ctx: SplitContext,
  node: NodeSums,
  constantHessian: boolean,
  f: number,
  out: SplitInfo,
): void {
  const { nSamples, sumGradients, sumHessians } = node;
  const { minSamplesLeaf, minHessianToSplit, l2Regularization: l2 } = ctx;
  const parentLoss = sumGradients * node.value;
  const stride = HIST_STRIDE;
  const base = f * ctx.nBins * stride;
  const end = ctx.nBinsNonMissing[f] - 1 + ctx.hasMissing[f];
  // With constant hessians the count slot is the hessian sum.
  const hessian = constantHessian ? 2 : 1;
  let gL = 0;
  let hL = 0;
  let nL = 0;
  for (let b = 0; b < end; b++) {
    const k = base + b * stride;
    nL += hist[k + 2];
    hL += hist[k + hessian];
    gL += hist[k];
    if (nL < minSamplesLeaf) continue;
    if (nSamples - nL < minSamplesLeaf) break;
    if (hL < minHessianToSplit) continue;
    if (sumHessians - hL < minHessianToSplit) break;
    const gain = splitGain(gL, hL, sumGradients - gL, sumHessians - hL, parentLoss, l2);
    if (gain > out.gain && gain > 0) {
      record(out, gain, f, gL, hL, nL);
      out.isCategorical = false;
      out.bin = b;
      out.missingGoesLeft = false;
    }
  }
}

/** Bins b+1.. go right and the missing bin goes left: only tried when the feature has missing values. */
function scanRightToLeft(
  hist: Float64Array,
  ctx: SplitContext,
  node: NodeSums,
  constantHessian: boolean,
  f: number,
  out: SplitInfo,
): void {
  const { nSamples, sumGradients, sumHessians } = node;
  const { minSamplesLeaf, minHessianToSplit, l2Regularization: l2 } = ctx;
  const parentLoss = sumGradients * node.value;
  const stride = HIST_STRIDE;
  const base = f * ctx.nBins * stride;
  const hessian = constantHessian ? 2 : 1;
  let gR = 0;
  let hR = 0;
  let nR = 0;
  for (let b = ctx.nBinsNonMissing[f] - 2; b >= 0; b--) {
    const k = base + (b + 1) * stride;
    nR += hist[k + 2];
    hR += hist[k + hessian];
    gR += hist[k];
    const nL = nSamples - nR;
    const hL = sumHessians - hR;
    if (nR < minSamplesLeaf) continue;
    if (nL < minSamplesLeaf) break;
    if (hR < minHessianToSplit) continue;
    if (hL < minHessianToSplit) break;
    const gL = sumGradients - gR;
    const gain = splitGain(gL, hL, gR, hR, parentLoss, l2);
    if (gain > out.gain && gain > 0) {
      record(out, gain, f, gL, hL, nL);
      out.isCategorical = false;
      out.bin = b;
      out.missingGoesLeft = true;
    }
  }
}

/**
 * `scanFeatures` over histograms without row counts (see `SplitContext.rowHessianBound`), with the same result.
 *
 * A side's row count is at least its hessian sum over `rowHessianBound` (its least count), and at most the node's
 * rows minus the other side's least count. A first pass surveys every feature with these bounds: bins where both
 * least counts reach `minSamplesLeaf` are valid, bins where a side surely falls short are skipped as the exact scan
 * would skip them (a short side only shrinks further along a scan, so its `break` and a skip agree), and the rest
 * are undecided. The best valid gain of all features bounds the node's best split from below; a feature whose
 * undecided bins could reach it (or end its scan on the hessian test) has its bins counted from the node's rows and
 * is scanned exactly, in feature order with the others' surveyed bests, so ties go where the exact scan sends them.
 */
function scanUncounted(
  hist: Float64Array,
  ctx: SplitContext,
  node: NodeSums,
  out: SplitInfo,
  scratch: SplitScratch,
  f0: number,
  f1: number,
  nodeRows: NodeRows,
): void {
  if (scratch.survey.length < f1 * SURVEY_SLOTS) scratch.survey = new Float64Array(f1 * SURVEY_SLOTS);
  const survey = scratch.survey;
  let floor = -1;
  for (let f = f0; f < f1; f++) {
    if (ctx.isCategorical[f]) {
      // A categorical feature is always counted: its sides are sums over categories in the order of their ratios.
      survey[f * SURVEY_SLOTS] = -1;
      survey[f * SURVEY_SLOTS + UNDECIDED] = Number.POSITIVE_INFINITY;
    } else {
      surveyFeature(hist, ctx, node, f, survey);
    }
    floor = Math.max(floor, survey[f * SURVEY_SLOTS]);
  }
  for (let f = f0; f < f1; f++) {
    const at = f * SURVEY_SLOTS;
    if (survey[at + UNDECIDED] > 0 && survey[at + UNDECIDED] >= floor) {
      countBins(hist, ctx, nodeRows, f);
      scanFeature(hist, ctx, node, false, out, scratch, f);
    } else if (survey[at] > out.gain && survey[at] > 0) {
      record(out, survey[at], f, survey[at + 3], survey[at + 4], Number.NaN);
      out.isCategorical = false;
      out.bin = survey[at + 1];
      out.missingGoesLeft = survey[at + 2] === 1;
    }
  }
}

/**
 * Native categorical split (Fisher 1958, "On grouping for maximum homogeneity"; LightGBM and scikit-learn): the
 * categories with enough support (missing values count as one more category) are ordered by G / (H + 10), and the
 * ordered list is cut like a numeric feature, scanning from both ends up to the middle. Categories with little
 * support always go right.
 */
function scanCategories(
  hist: Float64Array,
  ctx: SplitContext,
  node: NodeSums,
  constantHessian: boolean,
  f: number,
  out: SplitInfo,
  scratch: SplitScratch,
): void {
  const { nSamples, sumGradients, sumHessians } = node;
  const { minSamplesLeaf, minHessianToSplit, l2Regularization: l2, missingBin } = ctx;
  const { catBins, catValues } = scratch;
  const stride = HIST_STRIDE;
  const base = f * ctx.nBins * stride;
  // 1 when hessians are constant: it turns hessian sums into row counts for the support test.
  const supportFactor = nSamples / sumHessians;
  const nCodes = ctx.nBinsNonMissing[f];
  let used = 0;
  for (let b = 0; b <= missingBin; b++) {
    if (b === nCodes) {
      if (!ctx.hasMissing[f]) break;
      b = missingBin;
    }
    const k = base + b * stride;
    const h = constantHessian ? hist[k + 2] : hist[k + 1];
    if (h * supportFactor < MIN_CAT_SUPPORT) continue;
    // Insertion by value keeps the order stable for ties (at most 256 categories).
    const value = hist[k] / (h + MIN_CAT_SUPPORT);
    let j = used++;
    while (j > 0 && catValues[j - 1] > value) {
      catValues[j] = catValues[j - 1];
      catBins[j] = catBins[j - 1];
      j--;
    }
    catValues[j] = value;
    catBins[j] = b;
  }
  if (used <= 1) return;
  const parentLoss = sumGradients * node.value;
  for (let pass = 0; pass < 2; pass++) {
    const direction = pass === 0 ? 1 : -1;
    const middle = direction === 1 ? (used + 1) >> 1 : ((used + 1) >> 1) - 1;
    let gL = 0;
    let hL = 0;
    let nL = 0;
    for (let i = 0; i < middle; i++) {
      const sorted = direction === 1 ? i : used - 1 - i;
      const k = base + catBins[sorted] * stride;
      nL += hist[k + 2];
      hL += constantHessian ? hist[k + 2] : hist[k + 1];
      gL += hist[k];
      if (nL < minSamplesLeaf || hL < minHessianToSplit) continue;
      if (nSamples - nL < minSamplesLeaf || sumHessians - hL < minHessianToSplit) break;
      const gain = splitGain(gL, hL, sumGradients - gL, sumHessians - hL, parentLoss, l2);
      if (gain > out.gain && gain > 0) {
        record(out, gain, f, gL, hL, nL);
        out.isCategorical = true;
        out.bin = 0;
        out.leftBins.fill(0);
        const from = direction === 1 ? 0 : sorted;
        const to = direction === 1 ? sorted : used - 1;
        for (let s = from; s <= to; s++) setBit(out.leftBins, 0, catBins[s]);
        // Without missing values in training, the grower picks the direction (towards the larger child).
        out.missingGoesLeft = false;
        for (let s = from; s <= to; s++) if (catBins[s] === missingBin) out.missingGoesLeft = true;
      }
    }
  }
}
