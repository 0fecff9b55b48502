import { describe, expect, it } from 'vitest';
import { Matrix } from '../../core/matrix';
import { Rng } from '../../core/rng';
import { binMatrix, binThresholds, fitBinMapper } from './binning';

const sorted = (values: number[]) => Float64Array.from(values).sort();
// 650 values with 600 distinct ones; expected edges from scikit-learn 1.2.1's `_find_binning_thresholds`.
const spread = Array.from({ length: 600 }, (_, i) => ((i * 7919) % 1013) / 7);
const many = [...spread, ...spread.slice(0, 50)];

describe('binThresholds', () => {
  it('puts edges midway between distinct values when there are at most maxBins of them', () => {
    expect(Array.from(binThresholds(sorted([1, 1, 2, 5, 5, 5, 9]), 255))).toEqual([1.5, 3.5, 7]);
    expect(Array.from(binThresholds(sorted([4, 4]), 255))).toEqual([]);
    expect(Array.from(binThresholds(sorted([]), 255))).toEqual([]);
  });

  it("uses NumPy's midpoint percentiles otherwise, bit for bit", () => {
    expect(Array.from(binThresholds(sorted(many), 10))).toEqual([
      14.142857142857142, 29.0, 43.71428571428571, 58.57142857142857, 73.14285714285714, 87.78571428571428,
      101.85714285714286, 116.0, 130.42857142857144,
    ]);
  });

  it('never produces an infinite edge', () => {
    const edges = binThresholds(sorted([0, 1, Number.POSITIVE_INFINITY]), 255);
    expect(Array.from(edges)).toEqual([0.5, 1e300]);
  });
});

describe('fitBinMapper / binMatrix', () => {
  const X = Matrix.fromColumns([Float64Array.from(many)]);
  const mapper = fitBinMapper(X, new Uint8Array(1), new Int32Array(1), 10, new Rng(0));

  it('maps x to bin b when t[b−1] < x ≤ t[b], and missing values to the last bin (maxBins)', () => {
    const probe = Matrix.fromColumns([[-1, 0, 20, 144, 1e9, Number.NaN, 14.142857142857142]]);
    // Expected bins from scikit-learn's _BinMapper(n_bins=11).
    expect(Array.from(binMatrix(probe, mapper))).toEqual([0, 0, 1, 9, 9, 10, 0]);
    expect(mapper.missingBin).toBe(10);
    expect(mapper.nBinsNonMissing[0]).toBe(10);
  });

  it('uses category codes as bins, with unseen codes treated as missing', () => {
    const codes = Matrix.fromColumns([[0, 3, Number.NaN, 1]]);
    const categorical = fitBinMapper(codes, Uint8Array.of(1), Int32Array.of(4), 255, new Rng(0));
    expect(categorical.nBinsNonMissing[0]).toBe(4);
    expect(Array.from(binMatrix(Matrix.fromColumns([[3, 0, Number.NaN, 7, -1]]), categorical))).toEqual([
      3, 0, 255, 255, 255,
    ]);
  });

  it('draws the quantile subsample from the seed when there are more rows than the subsample', () => {
    const values = Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i) * 100);
    const big = Matrix.fromColumns([values]);
    const fit = (seed: number) =>
      fitBinMapper(big, new Uint8Array(1), new Int32Array(1), 20, new Rng(seed), 500);
    expect(Array.from(fit(1).thresholds[0])).toEqual(Array.from(fit(1).thresholds[0]));
    expect(Array.from(fit(1).thresholds[0])).not.toEqual(Array.from(fit(2).thresholds[0]));
    expect(fit(1).thresholds[0].length).toBe(19);
  });

  it('takes its quantiles from exactly the rows the seed draws (read in row order), sorted', () => {
    const values = Float64Array.from({ length: 3000 }, (_, i) => Math.cos(i * 1.7) * 50 + (i % 7));
    const fitted = fitBinMapper(
      Matrix.fromColumns([values]),
      new Uint8Array(1),
      new Int32Array(1),
      20,
      new Rng(9),
      500,
    );
    // The definition: the first 500 of the seed's permutation, their values sorted by the built-in sort.
    const drawn = new Rng(9).permutation(3000).subarray(0, 500);
    const expected = binThresholds(Float64Array.from(drawn, (i) => values[i]).sort(), 20);
    expect(Array.from(fitted.thresholds[0])).toEqual(Array.from(expected));
  });

  it('bins every value as a plain binary search does, four at a time and in the tail', () => {
    const rng = new Rng(4);
    const values = Float64Array.from({ length: 1003 }, () =>
      rng.nextFloat() < 0.05 ? Number.NaN : Math.round((rng.nextFloat() - 0.5) * 400) / 4,
    );
    const X = Matrix.fromColumns([values]);
    const m = fitBinMapper(X, new Uint8Array(1), new Int32Array(1), 30, new Rng(0));
    const edges = m.thresholds[0];
    const plain = Array.from(values, (x) => {
      if (Number.isNaN(x)) return m.missingBin;
      let b = 0;
      while (b < edges.length && edges[b] < x) b++;
      return b;
    });
    expect(Array.from(binMatrix(X, m))).toEqual(plain);
  });
});
