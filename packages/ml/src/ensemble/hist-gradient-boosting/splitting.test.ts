import { describe, expect, it } from 'vitest';
import { hasBit } from './bitset';
import { HIST_STRIDE } from './histogram';
import { findBestSplit, nodeValue, type SplitContext, SplitInfo, SplitScratch } from './splitting';

/** One feature's histogram from per-bin [gradient sum, row count] pairs (unit hessians), over 4 bins + missing. */
function histogram(bins: [number, number][]): Float64Array {
  const hist = new Float64Array(5 * HIST_STRIDE);
  bins.forEach(([g, count], b) => {
    hist[b * HIST_STRIDE] = g;
    hist[b * HIST_STRIDE + 1] = count;
    hist[b * HIST_STRIDE + 2] = count;
  });
  return hist;
}

function context(overrides: Partial<SplitContext> = {}): SplitContext {
  return {
    nFeatures: 1,
    nBins: 5,
    missingBin: 4,
    nBinsNonMissing: Int32Array.of(4),
    hasMissing: Uint8Array.of(0),
    isCategorical: Uint8Array.of(0),
    l2Regularization: 0,
    minSamplesLeaf: 1,
    minHessianToSplit: 1e-3,
    rowHessianBound: 0,
    ...overrides,
  };
}

function split(
  hist: Float64Array,
  ctx: SplitContext,
  sums: { n: number; g: number; h: number; value?: number },
) {
  const out = new SplitInfo();
  const node = { nSamples: sums.n, sumGradients: sums.g, sumHessians: sums.h, value: sums.value ?? 0 };
  findBestSplit(hist, ctx, node, false, out, new SplitScratch());
  return out;
}

describe('findBestSplit on numeric features', () => {
  // Bins hold gradient sums −2, −1, 1, 2 over 2 rows each; the best cut is after bin 1.
  const hist = histogram([
    [-2, 2],
    [-1, 2],
    [1, 2],
    [2, 2],
  ]);

  it('scores a cut by the loss reduction G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ), worked by hand', () => {
    const out = split(hist, context(), { n: 8, g: 0, h: 8 });
    expect(out.feature).toBe(0);
    expect(out.bin).toBe(1);
    // Cut after bin 1: (−3)²/4 + 3²/4 = 4.5 (after bin 0 or 2: 4/2 + 4/6 ≈ 2.67).
    expect(out.gain).toBeCloseTo(4.5, 12);
    expect(out.valueLeft).toBeCloseTo(0.75, 12);
    expect(out.valueRight).toBeCloseTo(-0.75, 12);
    expect([out.nLeft, out.nRight, out.sumGradientLeft, out.sumHessianRight]).toEqual([4, 4, -3, 4]);
    expect(nodeValue(-3, 4, 0)).toBeCloseTo(0.75, 12);
  });

  it('shrinks gains and values with l2Regularization and subtracts the parent term', () => {
    const out = split(hist, context({ l2Regularization: 1 }), { n: 8, g: 0, h: 8 });
    expect(out.gain).toBeCloseTo(9 / 5 + 9 / 5, 12);
    expect(out.valueLeft).toBeCloseTo(0.6, 12);
    const shifted = split(hist, context(), { n: 8, g: 1, h: 8, value: 0.5 });
    // loss(parent) = G · value = 0.5; children: G_L = −3 (H 4) and G_R = 4 (H 4).
    expect(shifted.gain).toBeCloseTo(0.5 + 9 / 4 + 16 / 4, 12);
  });

  it('keeps at least minSamplesLeaf rows and minHessianToSplit hessian on each side', () => {
    expect(split(hist, context({ minSamplesLeaf: 5 }), { n: 8, g: 0, h: 8 }).gain).toBe(-1);
    expect(split(hist, context({ minSamplesLeaf: 3 }), { n: 8, g: 0, h: 8 }).bin).toBe(1);
    expect(split(hist, context({ minHessianToSplit: 4.5 }), { n: 8, g: 0, h: 8 }).gain).toBe(-1);
  });

  it('learns whether missing values go left or right', () => {
    // Missing rows behave like bin 0 (negative gradients): the best split groups them, sending them left.
    const withMissing = histogram([
      [-3, 3],
      [3, 3],
      [3, 3],
      [0, 0],
      [-3, 3],
    ]);
    const ctx = context({ nBinsNonMissing: Int32Array.of(3), hasMissing: Uint8Array.of(1) });
    const out = split(withMissing, ctx, { n: 12, g: 0, h: 12 });
    expect([out.bin, out.missingGoesLeft]).toEqual([0, true]);
    expect(out.gain).toBeCloseTo(36 / 6 + 36 / 6, 12);
    // Missing rows like bin 2: "all values left, missing right" is a candidate too.
    const unlike = histogram([
      [-3, 3],
      [-3, 3],
      [-3, 3],
      [0, 0],
      [9, 3],
    ]);
    const right = split(unlike, ctx, { n: 12, g: 0, h: 12 });
    expect([right.bin, right.missingGoesLeft]).toEqual([2, false]);
  });
});

describe('findBestSplit on categorical features', () => {
  it('recovers a planted rule: categories 1 and 4 apart from the rest', () => {
    // Six categories of 10 rows each; rows of categories 1 and 4 have gradient −1, the others +1.
    const hist = new Float64Array(7 * HIST_STRIDE);
    for (let c = 0; c < 6; c++) {
      hist[c * HIST_STRIDE] = c === 1 || c === 4 ? -10 : 10;
      hist[c * HIST_STRIDE + 1] = 10;
      hist[c * HIST_STRIDE + 2] = 10;
    }
    const ctx = context({
      nBins: 7,
      missingBin: 6,
      nBinsNonMissing: Int32Array.of(6),
      isCategorical: Uint8Array.of(1),
    });
    const out = split(hist, ctx, { n: 60, g: 20, h: 60 });
    expect(out.isCategorical).toBe(true);
    const left = [0, 1, 2, 3, 4, 5].filter((c) => hasBit(out.leftBins, 0, c));
    expect(left).toEqual([1, 4]);
    expect(out.gain).toBeCloseTo(400 / 20 + 1600 / 40, 10);
  });

  it('ignores categories with less than 10 units of hessian (they stay right)', () => {
    const hist = new Float64Array(7 * HIST_STRIDE);
    const rows = [30, 30, 5];
    const grads = [-30, 30, -5];
    rows.forEach((count, c) => {
      hist[c * HIST_STRIDE] = grads[c];
      hist[c * HIST_STRIDE + 1] = count;
      hist[c * HIST_STRIDE + 2] = count;
    });
    const ctx = context({
      nBins: 7,
      missingBin: 6,
      nBinsNonMissing: Int32Array.of(3),
      isCategorical: Uint8Array.of(1),
    });
    const out = split(hist, ctx, { n: 65, g: -5, h: 65 });
    expect([0, 1, 2].filter((c) => hasBit(out.leftBins, 0, c))).toEqual([0]);
  });
});
