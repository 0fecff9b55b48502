import { setMaxListeners } from 'node:events';
import type { RunInPool } from '../training/run-training';
import type { Progress } from '../training/types';
import { type ForecastPanelInput, panelPlan } from './forecast-panel';
import type { ForecastSeriesInput, SeriesForecast } from './forecast-series';

export type SeriesOutcome = SeriesForecast | { error: { code: string; message: string } };

export interface ForecastSettings {
  season: number;
  horizon: number;
  levels: number[];
  models: string[];
  select: string;
  folds: number;
  seed: number;
  /** False when the request named no models: `auto` may then choose among the panel's own candidates. */
  modelsGiven: boolean;
}

/**
 * Forecasts many series in the worker pool. A panel run (see `panelPlan`: `auto` or a global model over two or
 * more series) is one task fitted on all series; otherwise one task per series, as many at once as the pool has
 * threads. A series whose every model fails is reported in its outcome; a crash or a cancel stops the rest and
 * is rethrown.
 */
export async function runForecasts(
  run: RunInPool,
  series: readonly { id: string; values: Float64Array }[],
  settings: ForecastSettings,
  options: { signal?: AbortSignal; progress: Progress; lanes?: number },
): Promise<SeriesOutcome[]> {
  const plan = panelPlan(settings, series);
  if (plan !== null) {
    options.progress(
      0.01,
      `Fitting ${plan.model === 'auto' ? 'the panel auto model' : plan.model} on ${series.length} series`,
    );
    const input: ForecastPanelInput = {
      kind: 'forecast-panel',
      series: series.map((s) => s.values),
      season: settings.season,
      horizon: settings.horizon,
      levels: settings.levels,
      seed: settings.seed,
      ...plan,
    };
    const outcomes = (await run(input, {
      signal: options.signal,
      progress: (fraction, message) => options.progress(0.01 + 0.98 * fraction, message),
    })) as SeriesForecast[];
    options.signal?.throwIfAborted();
    return outcomes;
  }
  const stop = new AbortController();
  const signal = options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]);
  setMaxListeners(0, signal);
  const outcomes: SeriesOutcome[] = new Array(series.length);
  let next = 0;
  let done = 0;
  let failure: unknown = null;
  options.progress(0.01, `Backtesting ${settings.models.length} models on ${series.length} series`);
  const lane = async () => {
    while (next < series.length && failure === null) {
      const index = next++;
      const input: ForecastSeriesInput = { kind: 'forecast', values: series[index].values, ...settings };
      try {
        outcomes[index] = (await run(input, { signal })) as SeriesForecast;
      } catch (err) {
        const e = err as Error & { code?: string };
        if (e.code === 'FORECAST_FAILED' || e.code === 'TOO_FEW_ROWS' || e.code === 'INVALID_PARAMETER') {
          outcomes[index] = { error: { code: e.code, message: e.message } };
        } else {
          failure ??= err;
          stop.abort();
        }
      }
      done++;
      options.progress(0.01 + (0.97 * done) / series.length, `Forecast ${done} of ${series.length} series`);
    }
  };
  const lanes = Math.max(1, Math.min(options.lanes ?? 8, series.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure !== null) throw failure;
  options.signal?.throwIfAborted();
  return outcomes;
}
