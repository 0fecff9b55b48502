import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { correlation, fingerprint, mean } from './measures';
import { addDays } from './random';
import { report } from './report';
import { generateRetailDemand } from './retail-demand';
import type { LabRow } from './types';

const data = generateRetailDemand(5);
const DATES = Array.from({ length: 731 }, (_, d) => addDays('2024-01-01', d));
const STORES = [...new Set(data.rows.map((r) => r.store_id as string))].sort();

/** Daily total units of one store, NaN on days without rows. */
function storeTotals(store: string): Float64Array {
  const index = new Map(DATES.map((d, k) => [d, k]));
  const totals = new Float64Array(DATES.length).fill(Number.NaN);
  for (const r of data.rows) {
    if (r.store_id !== store) continue;
    const k = index.get(r.date as string)!;
    totals[k] = (Number.isNaN(totals[k]) ? 0 : totals[k]) + (r.units_sold as number);
  }
  return totals;
}

/** Autocorrelation at a lag over the pairs where both days have data. */
function acf(series: Float64Array, lag: number): number {
  const x: number[] = [];
  const y: number[] = [];
  for (let t = lag; t < series.length; t++) {
    if (Number.isNaN(series[t]) || Number.isNaN(series[t - lag])) continue;
    x.push(series[t]);
    y.push(series[t - lag]);
  }
  return correlation(x, y);
}

/** Mean over series of (mean units on `special` days ÷ mean units on ordinary days); ordinary = no promo, no holiday. */
function lift(special: (r: LabRow) => boolean): number {
  const groups = new Map<string, { s: number[]; o: number[] }>();
  for (const r of data.rows) {
    const key = `${r.store_id}/${r.product_id}`;
    const g = groups.get(key) ?? { s: [], o: [] };
    groups.set(key, g);
    if (special(r)) g.s.push(r.units_sold as number);
    else if (!r.on_promotion && r.holiday === null) g.o.push(r.units_sold as number);
  }
  return mean([...groups.values()].map((g) => mean(g.s) / mean(g.o)));
}

describe('retail-demand lab generator', () => {
  it('gives byte-identical CSV for the same seed and different CSV for another seed', () => {
    const csv = toCsv(data);
    expect(data.rows.length).toBeGreaterThan(4 * 5 * 700);
    expect(fingerprint(toCsv(generateRetailDemand(5)))).toBe(fingerprint(csv));
    expect(fingerprint(toCsv(generateRetailDemand(6)))).not.toBe(fingerprint(csv));
  });

  it('has weekly and yearly seasonality', () => {
    const lag7 = STORES.map((s) => acf(storeTotals(s), 7));
    const lag3 = STORES.map((s) => acf(storeTotals(s), 3));
    const byMonth = Array.from({ length: 12 }, () => [] as number[]);
    for (const s of STORES) {
      storeTotals(s).forEach((v, k) => {
        if (!Number.isNaN(v)) byMonth[Number(DATES[k].slice(5, 7)) - 1].push(v);
      });
    }
    const monthMeans = byMonth.map((v) => mean(v));
    const ratio = Math.max(...monthMeans) / Math.min(...monthMeans);
    const ice = data.rows.filter((r) => r.product_id === 'P03');
    const iceRatio =
      mean(ice.filter((r) => (r.date as string).slice(5, 7) === '07').map((r) => r.units_sold as number)) /
      mean(ice.filter((r) => (r.date as string).slice(5, 7) === '01').map((r) => r.units_sold as number));
    report(
      `ACF lag 7 ${lag7.map((v) => v.toFixed(3))}, lag 3 ${lag3.map((v) => v.toFixed(3))}; ` +
        `max/min month mean ${ratio.toFixed(2)}; ice cream July/January ${iceRatio.toFixed(2)}`,
    );
    for (let k = 0; k < STORES.length; k++) {
      expect(lag7[k]).toBeGreaterThan(0.5);
      expect(lag7[k]).toBeGreaterThan(lag3[k] + 0.2);
    }
    expect(ratio).toBeGreaterThan(1.2);
    expect(iceRatio).toBeGreaterThan(2);
  });

  it('lifts sales on holidays and promotions', () => {
    const holidayLift = lift((r) => r.holiday !== null && !r.on_promotion);
    const promoLift = lift((r) => r.on_promotion === true && r.holiday === null);
    const promoShare = mean(data.rows.map((r) => (r.on_promotion ? 1 : 0)));
    report(
      `holiday lift ${holidayLift.toFixed(3)}, promotion lift ${promoLift.toFixed(3)}, promo share ${promoShare.toFixed(3)}`,
    );
    expect(holidayLift).toBeGreaterThan(1.3);
    expect(promoLift).toBeGreaterThan(1.3);
    expect(promoShare).toBeGreaterThan(0.03);
    expect(promoShare).toBeLessThan(0.15);
  });

  it('has missing days: whole store-days without rows', () => {
    const gaps = STORES.map((s) => storeTotals(s).filter(Number.isNaN).length);
    report(`missing days per store ${gaps.join(', ')} of ${DATES.length}`);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(7);
    // A closed store has no rows for any product: every open store-day has all five products.
    const perStoreDay = new Map<string, number>();
    for (const r of data.rows) {
      const key = `${r.store_id}/${r.date}`;
      perStoreDay.set(key, (perStoreDay.get(key) ?? 0) + 1);
    }
    expect([...perStoreDay.values()].every((c) => c === 5)).toBe(true);
  });
});
