import { mase, Naive2, owa, parseWideSeries, smape } from '@quarry/ml';
import { httpError } from '../errors';
import { MIN_OBSERVATIONS, type PreparedSeries } from '../forecasting/long-series';
import type { SeriesOutcome } from '../forecasting/run-forecasts';

/** M4's horizon and season per frequency, read from the file name (Hourly-train.csv → 48 steps, season 24). */
const M4: Record<string, { horizon: number; season: number }> = {
  hourly: { horizon: 48, season: 24 },
  daily: { horizon: 14, season: 1 },
  weekly: { horizon: 13, season: 1 },
  monthly: { horizon: 18, season: 12 },
  quarterly: { horizon: 8, season: 4 },
  yearly: { horizon: 6, season: 1 },
};

export function m4Defaults(file: string): { horizon?: number; season?: number } {
  const name = Object.keys(M4).find((k) => file.toLowerCase().includes(k));
  return name === undefined ? {} : M4[name];
}

/** Reads the wide (M4) layout; a missing value inside a series is filled by linear interpolation and counted. */
export function readWide(text: string, limit?: number): PreparedSeries[] {
  const { ids, series } = parseWideSeries(text);
  const n = limit === undefined ? ids.length : Math.min(limit, ids.length);
  return ids.slice(0, n).map((id, i) => {
    const values = series[i];
    const observed = values.filter((v) => !Number.isNaN(v)).length;
    if (observed < MIN_OBSERVATIONS)
      throw httpError('SERIES_TOO_SHORT', { series: id, n: observed, min: MIN_OBSERVATIONS });
    let filled = 0;
    for (let t = 0; t < values.length; t++) {
      if (!Number.isNaN(values[t])) continue;
      filled++;
      const prev = t > 0 ? values[t - 1] : Number.NaN;
      let next = t + 1;
      while (next < values.length && Number.isNaN(values[next])) next++;
      values[t] = Number.isNaN(prev)
        ? values[next]
        : next < values.length
          ? prev + (values[next] - prev) / (next - t + 1)
          : prev;
    }
    return { id, times: Array.from(values, (_, k) => k + 1), values, filled };
  });
}

/** The M4 output layout: `id,F1,…,FH`, one row per series (empty cells for a series that failed). */
export function wideCsv(
  series: readonly PreparedSeries[],
  outcomes: readonly SeriesOutcome[],
  horizon: number,
): string {
  const header = ['id', ...Array.from({ length: horizon }, (_, h) => `F${h + 1}`)].join(',');
  const rows = series.map((s, i) => {
    const o = outcomes[i];
    const cells = 'error' in o ? new Array(horizon).fill('') : o.mean;
    return [JSON.stringify(s.id), ...cells].join(',');
  });
  return `${[header, ...rows].join('\n')}\n`;
}

/**
 * The official M4 scores against a test file in the same layout: sMAPE, MASE (in-sample seasonal scale) and OWA
 * relative to Naive2 on the same series (computed here, as the organisers did), and the share of test values
 * inside each interval level (`coverage`, 0..1).
 */
export function scoreM4(
  series: readonly PreparedSeries[],
  outcomes: readonly SeriesOutcome[],
  testText: string,
  season: number,
): {
  smape: number;
  mase: number;
  owa: number;
  naive2: { smape: number; mase: number };
  coverage: Record<string, number>;
  scored: number;
} {
  const test = parseWideSeries(testText);
  const byId = new Map(test.ids.map((id, i) => [id, test.series[i]]));
  let s = 0;
  let m = 0;
  let s2 = 0;
  let m2 = 0;
  let count = 0;
  const inside: Record<string, number> = {};
  let points = 0;
  series.forEach((one, i) => {
    const o = outcomes[i];
    const actual = byId.get(one.id);
    if ('error' in o || actual === undefined) return;
    const h = Math.min(actual.length, o.mean.length);
    const truth = actual.subarray(0, h);
    const naive2 = new Naive2().fit(one.values, { season }).predict(h).mean;
    s += smape(truth, o.mean.slice(0, h));
    m += mase(truth, o.mean.slice(0, h), one.values, season);
    s2 += smape(truth, naive2);
    m2 += mase(truth, naive2, one.values, season);
    count++;
    points += h;
    for (const level of Object.keys(o.lower)) {
      for (let k = 0; k < h; k++) {
        if (truth[k] >= o.lower[level][k] && truth[k] <= o.upper[level][k])
          inside[level] = (inside[level] ?? 0) + 1;
      }
      inside[level] ??= 0;
    }
  });
  if (count === 0)
    throw httpError('BAD_PARAMETER', {
      detail: 'No series of the test file matches an id of the data file: give the matching test file.',
    });
  const [sm, ms, sm2, ms2] = [s / count, m / count, s2 / count, m2 / count];
  return {
    smape: sm,
    mase: ms,
    owa: owa(sm, ms, sm2, ms2),
    naive2: { smape: sm2, mase: ms2 },
    coverage: Object.fromEntries(Object.entries(inside).map(([level, c]) => [level, c / points])),
    scored: count,
  };
}
