import type { ModelScore, SeriesForecast } from './forecast-series';
import type { PreparedSeries } from './long-series';
import type { SeriesOutcome } from './run-forecasts';
import { addSteps, describe, type Frequency, label } from './time-grid';

/** Saved history per series: enough to plot the forecast in context. */
const HISTORY_POINTS = 1000;

export interface SeriesRecord {
  id: string;
  n: number;
  filled: number;
  history: { times: (string | number)[]; values: number[] };
  forecast: { times: (string | number)[] } & Pick<SeriesForecast, 'mean' | 'lower' | 'upper'>;
  result: Omit<SeriesForecast, 'mean' | 'lower' | 'upper'> | null;
  error: { code: string; message: string } | null;
}

/** A forecast run as stored and served: plain JSON, versioned, no code. */
export interface ForecastRun {
  format: 'quarry-forecast';
  version: 1;
  id: string;
  name: string;
  datasetId: string;
  datasetName: string;
  createdAt: string;
  request: Record<string, unknown>;
  columns: { id: string | null; time: string; value: string };
  frequency: Frequency & { label: string };
  /** Per model: mean backtest scores over the series it ran on, and how often `auto` chose it. */
  models: { model: string; mase: number | null; smape: number | null; series: number; chosen: number }[];
  series: SeriesRecord[];
}

export function buildRecord(
  base: Omit<ForecastRun, 'format' | 'version' | 'frequency' | 'models' | 'series'>,
  frequency: Frequency,
  prepared: readonly PreparedSeries[],
  outcomes: readonly SeriesOutcome[],
): ForecastRun {
  const series = prepared.map((s, i): SeriesRecord => {
    const outcome = outcomes[i];
    const start = Math.max(0, s.values.length - HISTORY_POINTS);
    const last = s.times[s.times.length - 1];
    const h = 'error' in outcome ? 0 : outcome.mean.length;
    const times = Array.from({ length: h }, (_, k) => label(addSteps(last, k + 1, frequency), frequency));
    const history = {
      times: s.times.slice(start).map((t) => label(t, frequency)),
      values: Array.from(s.values.subarray(start)),
    };
    if ('error' in outcome) {
      return {
        id: s.id,
        n: s.values.length,
        filled: s.filled,
        history,
        forecast: { times, mean: [], lower: {}, upper: {} },
        result: null,
        error: outcome.error,
      };
    }
    const { mean, lower, upper, ...result } = outcome;
    return {
      id: s.id,
      n: s.values.length,
      filled: s.filled,
      history,
      forecast: { times, mean, lower, upper },
      result,
      error: null,
    };
  });
  return {
    format: 'quarry-forecast',
    version: 1,
    ...base,
    frequency: { ...frequency, label: describe(frequency) },
    models: modelSummary(series),
    series,
  };
}

function modelSummary(series: SeriesRecord[]): ForecastRun['models'] {
  const byModel = new Map<string, ModelScore[]>();
  const chosen = new Map<string, number>();
  for (const s of series) {
    if (s.result === null) continue;
    for (const score of s.result.scores)
      byModel.set(score.model, [...(byModel.get(score.model) ?? []), score]);
    chosen.set(s.result.chosen, (chosen.get(s.result.chosen) ?? 0) + 1);
  }
  const mean = (values: (number | null)[]) => {
    const ok = values.filter((v): v is number => v !== null);
    return ok.length === 0 ? null : ok.reduce((a, b) => a + b, 0) / ok.length;
  };
  const rows = [...byModel].map(([model, scores]) => ({
    model,
    mase: mean(scores.map((s) => s.mase)),
    smape: mean(scores.map((s) => s.smape)),
    series: scores.filter((s) => s.status === 'ok').length,
    chosen: chosen.get(model) ?? 0,
  }));
  for (const [model, count] of chosen) {
    if (!byModel.has(model)) rows.push({ model, mase: null, smape: null, series: 0, chosen: count });
  }
  return rows;
}

/** The forecasts as CSV: one row per series and step, with the interval bounds; text is quoted. */
export function forecastCsv(run: ForecastRun): string {
  const levels = Object.keys(run.series.find((s) => s.error === null)?.forecast.lower ?? {});
  const header = [
    'id',
    'time',
    'step',
    'model',
    'forecast',
    ...levels.flatMap((l) => [`lo_${l}`, `hi_${l}`]),
  ];
  const lines = [header.join(',')];
  for (const s of run.series) {
    if (s.result === null) continue;
    s.forecast.mean.forEach((v, k) => {
      const bounds = levels.flatMap((l) => [s.forecast.lower[l][k], s.forecast.upper[l][k]]);
      lines.push(
        [
          quote(s.id),
          quote(String(s.forecast.times[k])),
          k + 1,
          quote(s.result?.chosen ?? ''),
          v,
          ...bounds,
        ].join(','),
      );
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Quotes a text field; a leading =, +, - or @ is prefixed with ' so spreadsheets never run it as a formula. */
function quote(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}
