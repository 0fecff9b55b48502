import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { HIST_STRIDE, HistogramBuilder, HistogramPool } from './histogram';

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

/** The gradients and hessians of `rows`, in that order (as the row partition keeps them). */
function ordered(rows: Int32Array): Float32Array {
  const out = new Float32Array(2 * rows.length);
  rows.forEach((r, k) => {
    out[2 * k] = gh[2 * r];
    out[2 * k + 1] = gh[2 * r + 1];
  });
  return out;
}

describe('HistogramBuilder', () => {
  // Every feature uses all 7 non-missing bins, missing bin 7.
  const builder = new HistogramBuilder(
    binned,
    nRows,
    new Int32Array(nFeatures).fill(nBins - 1),
    nBins,
    nBins - 1,
  );
  const all = Int32Array.from({ length: nRows }, (_, i) => i);
  const some = all.filter((i) => i % 3 !== 1);

  it('sums gradients, hessians and counts per feature and bin, for the root and for a subset of rows', () => {
    for (const rows of [all, some]) {
      for (const constantHessian of [false, true]) {
        const out = new Float64Array(builder.size).fill(99);
        builder.build(rows, ordered(rows), 0, rows.length, constantHessian, out);
        expect(Array.from(out)).toEqual(Array.from(naive(rows, constantHessian)));
      }
    }
  });

  it('reads a node as a range of the partition', () => {
    const padded = Int32Array.from([7, 7, ...some, 7]);
    const out = new Float64Array(builder.size);
    builder.build(padded, ordered(padded), 2, 2 + some.length, false, out);
    expect(Array.from(out)).toEqual(Array.from(naive(some, false)));
  });

  it('gives the sibling as parent − child (histogram subtraction) equal to building it directly', () => {
    const left = all.filter((i) => i % 4 === 0);
    const right = all.filter((i) => i % 4 !== 0);
    const parent = new Float64Array(builder.size);
    const child = new Float64Array(builder.size);
    const direct = new Float64Array(builder.size);
    builder.build(all, ordered(all), 0, nRows, false, parent);
    builder.build(left, ordered(left), 0, left.length, false, child);
    builder.build(right, ordered(right), 0, right.length, false, direct);
    builder.subtract(parent, child);
    parent.forEach((v, k) => {
      expect(v).toBeCloseTo(direct[k], 12);
    });
    for (let k = 2; k < parent.length; k += HIST_STRIDE) expect(parent[k]).toBe(direct[k]);
  });
});

describe('HistogramBuilder with few distinct values', () => {
  it('clears and fills only the bins rows can reach', () => {
    // Every feature uses bins 0..2 and the missing bin 7; slots of bins 3..6 keep whatever they held.
    const small = Uint8Array.from(binned, (b) => (b > 2 ? 7 : b));
    const builder = new HistogramBuilder(small, nRows, new Int32Array(nFeatures).fill(3), nBins, nBins - 1);
    const all = Int32Array.from({ length: nRows }, (_, i) => i);
    const half = all.filter((i) => i % 2 === 0);
    const parent = new Float64Array(builder.size).fill(-5);
    const child = new Float64Array(builder.size).fill(-5);
    builder.build(all, ordered(all), 0, nRows, false, parent);
    builder.build(half, ordered(half), 0, half.length, false, child);
    // Unreachable slots keep what they held: nothing reads them.
    expect(child[(2 * nBins + 4) * HIST_STRIDE]).toBe(-5);
    builder.subtract(parent, child);
    for (let f = 0; f < nFeatures; f++) {
      for (const b of [0, 1, 2, 7]) {
        const k = (f * nBins + b) * HIST_STRIDE + 2;
        let count = 0;
        for (const r of all) if (r % 2 === 1 && small[f * nRows + r] === b) count++;
        expect(parent[k]).toBe(count);
      }
    }
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
