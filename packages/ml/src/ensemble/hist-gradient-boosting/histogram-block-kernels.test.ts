import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { HIST_STRIDE, HistogramBuilder } from './histogram';

// A root large enough for the block kernels: 13 features (a block of eight, one of four, one left over), 5000
// rows, 64 bins (63 + missing), so the blocks' 256-bin scratch is wider than a feature's histogram.
const nRows = 5000;
const nFeatures = 13;
const nBins = 64;
const rng = new Rng(29);
const binned = Uint8Array.from({ length: nRows * nFeatures }, () => rng.nextInt(nBins));
const gh = Float32Array.from({ length: 2 * nRows }, (_, k) =>
  k % 2 === 0 ? rng.nextFloat() - 0.5 : rng.nextFloat(),
);

/** The plain definition, summing in row order as the kernels must (so the sums agree to the last bit). */
function naive(constantHessian: boolean): Float64Array {
  const out = new Float64Array(nFeatures * nBins * HIST_STRIDE);
  for (let r = 0; r < nRows; r++) {
    for (let f = 0; f < nFeatures; f++) {
      const k = (f * nBins + binned[f * nRows + r]) * HIST_STRIDE;
      out[k] += gh[2 * r];
      if (!constantHessian) out[k + 1] += gh[2 * r + 1];
      out[k + 2] += 1;
    }
  }
  return out;
}

describe('root histograms through the scratch block', () => {
  const builder = new HistogramBuilder(
    binned,
    nRows,
    new Int32Array(nFeatures).fill(nBins - 1),
    nBins,
    nBins - 1,
  );
  const all = Int32Array.from({ length: nRows }, (_, i) => i);

  it('equal the plain sums bit for bit, with and without hessians, tree after tree', () => {
    for (const constantHessian of [false, true, false]) {
      const out = new Float64Array(builder.size).fill(99);
      builder.build(all, gh, 0, nRows, constantHessian, out);
      expect(Array.from(out)).toEqual(Array.from(naive(constantHessian)));
    }
  });

  it('fill only the requested features when threads split them (buildFeatures)', () => {
    const out = new Float64Array(builder.size).fill(99);
    builder.buildFeatures(all, gh, 0, nRows, false, out, 2, 11);
    const expected = naive(false);
    const span = nBins * HIST_STRIDE;
    expect(Array.from(out.subarray(2 * span, 11 * span))).toEqual(
      Array.from(expected.subarray(2 * span, 11 * span)),
    );
    expect(out[0]).toBe(99);
    expect(out[11 * span]).toBe(99);
  });

  it('sum every row’s gradient and hessian in row order on the way (the root’s totals), bit for bit', () => {
    let g = 0;
    let h = 0;
    for (let r = 0; r < nRows; r++) {
      g += gh[2 * r];
      h += gh[2 * r + 1];
    }
    expect(builder.rootSumsFromBuild).toBe(true);
    builder.build(all, gh, 0, nRows, false, new Float64Array(builder.size));
    expect([builder.rootSumGradients, builder.rootSumHessians]).toEqual([g, h]);
    builder.build(all, gh, 0, nRows, true, new Float64Array(builder.size));
    expect([builder.rootSumGradients, builder.rootSumHessians]).toEqual([g, 0]);
  });
});
