import { describe, expect, it } from 'vitest';
import { linspace } from './linspace';
import { pairwiseSum } from './pairwise-sum';

describe('pairwiseSum', () => {
  it('adds like a plain loop below 8 values', () => {
    expect(pairwiseSum([0.1, 0.2, 0.3])).toBe(0.1 + 0.2 + 0.3);
    expect(pairwiseSum([])).toBe(0);
  });

  it('uses 8 interleaved accumulators from 8 values on, as NumPy does', () => {
    const values = Array.from({ length: 11 }, (_, i) => 0.1 * (i + 1));
    const r = values.slice(0, 8);
    const expected =
      r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7])) + values[8] + values[9] + values[10];
    expect(pairwiseSum(values)).toBe(expected);
    // np.sum(np.arange(1, 132) / 7) in NumPy 1.24; a left-to-right sum gives 1235.142857142857.
    const big = Array.from({ length: 131 }, (_, i) => (i + 1) / 7);
    expect(pairwiseSum(big)).toBe(1235.1428571428569);
  });

  it('sums a sub-range', () => {
    expect(pairwiseSum([5, 1, 2, 9], 1, 3)).toBe(3);
  });
});

describe('linspace', () => {
  it('computes i · step like NumPy, so 3 · 0.2 is 0.6000000000000001', () => {
    expect(Array.from(linspace(0, 1, 6))).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
    expect(Array.from(linspace(2, 2, 3))).toEqual([2, 2, 2]);
    expect(Array.from(linspace(3, 5, 1))).toEqual([3]);
  });
});
