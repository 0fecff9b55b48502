import { describe, expect, it } from 'vitest';
import { report } from '../labs/report';
import { churnColumns, columnCard } from './data-types';
import { priceDistribution } from './distributions';
import { scatterTrend } from './visualisation';

describe('data types lesson', () => {
  it('shows an identifier carries no signal and the leaky boolean nearly all of it', () => {
    expect(churnColumns()).not.toContain('churned');
    const id = columnCard('customer_id');
    const contract = columnCard('contract_type');
    const leak = columnCard('retention_offer_made');
    report(
      `alone AUC: id ${id.aloneAuc.toFixed(3)}, contract ${contract.aloneAuc.toFixed(3)}, leak ${leak.aloneAuc.toFixed(3)}`,
    );
    expect(id.type).toBe('identifier');
    expect(id.distinct).toBe(5000);
    expect(Math.abs(id.aloneAuc - 0.5)).toBeLessThan(0.05);
    expect(contract.encodedColumns).toBe(3);
    expect(contract.aloneAuc).toBeGreaterThan(0.6);
    expect(leak.aloneAuc).toBeGreaterThan(0.95);
    expect(columnCard('tenure_months').histogram?.reduce((a, b) => a + b.count, 0)).toBe(5000);
  });
});

describe('distributions lesson', () => {
  it('shows the log makes price nearly symmetric and the linear model err less', () => {
    const raw = priceDistribution(false);
    const log = priceDistribution(true);
    report(
      `skew ${raw.skewness.toFixed(2)} → ${log.skewness.toFixed(2)}; median APE ${raw.holdoutMedianApe.toFixed(3)} → ${log.holdoutMedianApe.toFixed(3)}`,
    );
    expect(raw.skewness).toBeGreaterThan(1);
    expect(Math.abs(log.skewness)).toBeLessThan(1);
    expect(raw.mean / raw.median).toBeGreaterThan(1.1);
    expect(Math.abs(log.mean - log.median)).toBeLessThan(0.05);
    expect(log.holdoutMedianApe).toBeLessThan(raw.holdoutMedianApe);
  });
});

describe('visualisation lesson', () => {
  it('shows log–log axes fit the trend better and the sample size is honoured', () => {
    const raw = scatterTrend({ log: false, sample: 300 });
    const log = scatterTrend({ log: true, sample: 300 });
    report(`r2 raw ${raw.r2.toFixed(3)}, log ${log.r2.toFixed(3)}`);
    expect(log.r2).toBeGreaterThan(raw.r2 + 0.03);
    expect(raw.points).toHaveLength(300);
    expect(scatterTrend({ log: false, sample: 1000 }).points).toHaveLength(1000);
    expect(raw.trend).toHaveLength(21);
  });
});
