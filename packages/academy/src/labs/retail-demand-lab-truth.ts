import { correlation } from './measures';
import { addDays } from './random';
import type { LabDataset } from './types';

/**
 * The answers to the retail-demand lab's questions, computed from the generated data (never typed in), so a
 * change to the generator or its seed moves the expected answers with it.
 */

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** How many series the data holds: one per store × product pair that has rows. */
export function seriesCount(data: LabDataset): number {
  return new Set(data.rows.map((r) => `${r.store_id}/${r.product_id}`)).size;
}

/** The weekday (by name) with the highest mean units sold per row. */
export function busiestWeekday(data: LabDataset): string {
  const sums = new Float64Array(7);
  const counts = new Float64Array(7);
  for (const r of data.rows) {
    const day = new Date(`${r.date}T00:00:00Z`).getUTCDay();
    sums[day] += r.units_sold as number;
    counts[day]++;
  }
  const means = Array.from(sums, (s, d) => s / counts[d]);
  return WEEKDAYS[means.indexOf(Math.max(...means))];
}

/**
 * Days without rows between a store's first and last trading day: what the Forecast page's daily time grid
 * adds to that store's series and fills by linear interpolation (every product of a closed store is missing
 * together, so the count is the same whichever product is forecast).
 */
export function missingDays(data: LabDataset, store: string): number {
  const days = new Set(data.rows.filter((r) => r.store_id === store).map((r) => r.date as string));
  if (days.size === 0) return 0;
  const sorted = [...days].sort();
  const span = dayNumber(sorted[sorted.length - 1]) - dayNumber(sorted[0]) + 1;
  return span - days.size;
}

/**
 * The length in days of the strongest cycle in the chain's daily total sales: the lag between 2 and 31 days with
 * the highest autocorrelation (pairs with a closed day on either side are skipped).
 */
export function strongestCycle(data: LabDataset): number {
  const totals = new Map<string, number>();
  for (const r of data.rows) {
    const key = r.date as string;
    totals.set(key, (totals.get(key) ?? 0) + (r.units_sold as number));
  }
  const dates = [...totals.keys()].sort();
  const first = dates[0];
  const n = dayNumber(dates[dates.length - 1]) - dayNumber(first) + 1;
  const series = Array.from({ length: n }, (_, k) => totals.get(addDays(first, k)) ?? Number.NaN);
  let best = { lag: 1, acf: Number.NEGATIVE_INFINITY };
  for (let lag = 2; lag <= 31; lag++) {
    const x: number[] = [];
    const y: number[] = [];
    for (let t = lag; t < n; t++) {
      if (Number.isNaN(series[t]) || Number.isNaN(series[t - lag])) continue;
      x.push(series[t]);
      y.push(series[t - lag]);
    }
    const acf = correlation(x, y);
    if (acf > best.acf) best = { lag, acf };
  }
  return best.lag;
}
