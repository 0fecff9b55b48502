import { r2Score, trainTestSplit } from '@quarry/ml';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { generateHousePrices } from './house-prices';
import { columnOf, fingerprint, mean, missingShare, numericColumn, robustZ, skewness } from './measures';
import { report } from './report';

const data = generateHousePrices(11);
const problem = (kind: string) => data.problems.find((p) => p.kind === kind)!;

describe('house-prices lab generator', () => {
  it('gives byte-identical CSV for the same seed and different CSV for another seed', () => {
    const csv = toCsv(data);
    expect(data.rows).toHaveLength(3000);
    expect(fingerprint(toCsv(generateHousePrices(11)))).toBe(fingerprint(csv));
    expect(fingerprint(toCsv(generateHousePrices(12)))).not.toBe(fingerprint(csv));
  });

  it('plants outliers with a robust z-score above 5', () => {
    const z = robustZ(numericColumn(data, 'living_area_m2'));
    const planted = problem('outliers').rows!;
    const zs = planted.map((i) => z[i]);
    report(`outliers: ${planted.length} planted rows, min robust z ${Math.min(...zs).toFixed(1)}`);
    expect(planted.length).toBeGreaterThanOrEqual(12);
    for (const v of zs) expect(v).toBeGreaterThan(5);
  });

  it('has a skewed target whose log is nearly symmetric (once the planted outliers are set aside)', () => {
    const planted = new Set(problem('outliers').rows);
    const price = numericColumn(data, 'sale_price_usd').filter((_, i) => !planted.has(i));
    const skew = skewness(price);
    const logSkew = skewness(price.map(Math.log));
    report(`skewness price ${skew.toFixed(2)}, log(price) ${logSkew.toFixed(3)}`);
    expect(skew).toBeGreaterThan(1);
    expect(Math.abs(logSkew)).toBeLessThan(0.5);
  });

  it('has missing values, and an empty renovation year means never renovated', () => {
    const shares = ['garage_area_m2', 'lot_area_m2', 'year_renovated'].map((c) => missingShare(data, c));
    report(
      `missing shares garage ${shares[0].toFixed(4)}, lot ${shares[1].toFixed(4)}, renovated ${shares[2].toFixed(4)}`,
    );
    expect(shares[0]).toBeGreaterThan(0.04);
    expect(shares[0]).toBeLessThan(0.1);
    expect(shares[1]).toBeGreaterThan(0.02);
    expect(shares[1]).toBeLessThan(0.07);
    expect(shares[2]).toBeGreaterThan(0.5);
    // Houses built since 2005 were never renovated, so their renovation year is always empty.
    const recent = data.rows.filter((r) => (r.year_built as number) >= 2005);
    expect(recent.length).toBeGreaterThan(50);
    expect(recent.every((r) => r.year_renovated === null)).toBe(true);
  });

  it('has a high-cardinality neighbourhood that explains price', () => {
    const hood = columnOf(data, 'neighbourhood') as string[];
    const levels = new Set(hood).size;
    const logPrice = numericColumn(data, 'sale_price_usd').map(Math.log);
    const { train, test } = trainTestSplit(hood.length, { testSize: 0.3, randomState: 3 });
    // A smoothed mean target encoding fitted on the training rows only (m = 5 pseudo-rows of the global mean).
    const globalMean = mean(Float64Array.from(train, (i) => logPrice[i]));
    const sums = new Map<string, [number, number]>();
    for (const i of train) {
      const [s, c] = sums.get(hood[i]) ?? [0, 0];
      sums.set(hood[i], [s + logPrice[i], c + 1]);
    }
    const encode = (level: string) => {
      const [s, c] = sums.get(level) ?? [0, 0];
      return (s + 5 * globalMean) / (c + 5);
    };
    const r2 = r2Score(
      Float64Array.from(test, (i) => logPrice[i]),
      Float64Array.from(test, (i) => encode(hood[i])),
    );
    report(`neighbourhood: ${levels} levels, holdout R² of target encoding ${r2.toFixed(3)}`);
    expect(levels).toBeGreaterThanOrEqual(150);
    expect(r2).toBeGreaterThan(0.1);
  });
});
