import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { HIST_STRIDE, HistogramBuilder, HistogramPool, subtractHistograms } from './histogram';

// 6 features (one block of four plus two single ones), 300 rows, 8 bins (7 + missing).
const nRows = 300;
const nFeatures = 6;
const nBins = 8;
const rng = new Rng(11);
const binned = Uint8Array.from({ length: nRows * nFeatures }, () => rng.nextInt(nBins));
const gh = Float32Array.from({ length: 2 * nRows }, (_, k) =>
  k % 2 === 0 ? rng.nextFloat() - 0.5 : rng.nextFloat(),
);

/** The plain definition: loop over rows, add each row's gradient, hessian and 1 to its bin of every feature. */
function naive(rows: Int32Array, constantHessian: boolean): Float64Array {
  const out = new Float64Array(nFeatures * nBins * HIST_STRIDE);
  for (const r of rows) {
    for (let f = 0; f < nFeatures; f++) {
      const k = (f * nBins + binned[f * nRows + r]) * HIST_STRIDE;
      out[k] += gh[2 * r];
      if (!constantHessian) out[k + 1] += gh[2 * r + 1];
      out[k + 2] += 1;
    }
  }
  return out;
}

describe('HistogramBuilder', () => {
  const builder = new HistogramBuilder(binned, nRows, nFeatures, nBins);
  const all = Int32Array.from({ length: nRows }, (_, i) => i);
  const some = all.filter((i) => i % 3 !== 1);

  it('sums gradients, hessians and counts per feature and bin, for the root and for a subset of rows', () => {
    for (const rows of [all, some]) {
      for (const constantHessian of [false, true]) {
        const out = new Float64Array(builder.size).fill(99);
        builder.build(gh, constantHessian, rows, 0, rows.length, out);
        expect(Array.from(out)).toEqual(Array.from(naive(rows, constantHessian)));
      }
    }
  });

  it('reads a node as a range of the row array', () => {
    const padded = Int32Array.from([7, 7, ...some, 7]);
    const out = new Float64Array(builder.size);
    builder.build(gh, false, padded, 2, 2 + some.length, out);
    expect(Array.from(out)).toEqual(Array.from(naive(some, false)));
  });

  it('gives the sibling as parent − child (histogram subtraction) equal to building it directly', () => {
    const left = all.filter((i) => i % 4 === 0);
    const right = all.filter((i) => i % 4 !== 0);
    const parent = new Float64Array(builder.size);
    const child = new Float64Array(builder.size);
    const direct = new Float64Array(builder.size);
    builder.build(gh, false, all, 0, nRows, parent);
    builder.build(gh, false, left, 0, left.length, child);
    builder.build(gh, false, right, 0, right.length, direct);
    subtractHistograms(parent, child);
    parent.forEach((v, k) => {
      expect(v).toBeCloseTo(direct[k], 12);
    });
    for (let k = 2; k < parent.length; k += HIST_STRIDE) expect(parent[k]).toBe(direct[k]);
  });
});

describe('HistogramPool', () => {
  it('hands released buffers out again instead of allocating', () => {
    const pool = new HistogramPool(16);
    const a = pool.acquire();
    pool.release(a);
    expect(pool.acquire()).toBe(a);
    expect(pool.acquire()).not.toBe(a);
  });
});
