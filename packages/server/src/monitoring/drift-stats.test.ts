import { describe, expect, it } from 'vitest';
import { binCounts, chiSquareTest, gammaQ, ksTest, psi, quantileEdges } from './drift-stats';

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

describe('drift statistics', () => {
  it('PSI is 0 for equal shares and grows with the shift', () => {
    expect(psi([10, 20, 30], [1, 2, 3])).toBeCloseTo(0, 12);
    // (0.5 − 0.25)·ln 2 + (0.5 − 0.75)·ln(2/3)
    expect(psi([25, 75], [50, 50])).toBeCloseTo(0.25 * Math.log(2) - 0.25 * Math.log(2 / 3), 12);
  });

  it('bins by reference deciles, missing values apart', () => {
    const ref = sorted(Array.from({ length: 100 }, (_, i) => i));
    const edges = quantileEdges(ref);
    expect(edges).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(binCounts(Float64Array.from([5, 10, 95, Number.NaN]), edges)).toEqual([
      1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1,
    ]);
  });

  it('chi-square p-values match the table (df 1 at 3.841: 0.05; df 4 at 9.488: 0.05)', () => {
    expect(gammaQ(0.5, 3.841459 / 2)).toBeCloseTo(0.05, 6);
    expect(gammaQ(2, 9.487729 / 2)).toBeCloseTo(0.05, 6);
    const same = chiSquareTest([50, 50], [50, 50]);
    expect(same.pValue).toBeCloseTo(1, 12);
    const differ = chiSquareTest([80, 20], [50, 50]);
    expect(differ.statistic).toBeCloseTo(2 * (15 ** 2 / 65 + 15 ** 2 / 35), 10); // expected 65/35 per row, no continuity correction
    expect(differ.pValue).toBeLessThan(1e-4);
  });

  it('KS: identical samples give D = 0, p = 1; disjoint ones D = 1', () => {
    const a = sorted([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ksTest(a, a)).toEqual({ statistic: 0, pValue: 1 });
    const b = sorted([11, 12, 13, 14, 15, 16, 17, 18]);
    const t = ksTest(a, b);
    expect(t.statistic).toBe(1);
    expect(t.pValue).toBeLessThan(0.001);
  });
});
