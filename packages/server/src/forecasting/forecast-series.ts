import {
  type BacktestResult,
  backtest,
  empiricalCoverage,
  type Forecast,
  type ForecastFold,
  horizonErrors,
  rollingOriginFolds,
} from '@quarry/ml';
import { leaveOneFoldOutCoverage, medianOf, pooledConformal } from './intervals';
import { forecastModel } from './models';

/** One series for the worker pool: backtest the candidates, choose, refit on all of it, forecast. */
export interface ForecastSeriesInput {
  kind: 'forecast';
  /** The series in time order, on a regular grid, without missing values. */
  values: Float64Array;
  season: number;
  horizon: number;
  levels: number[];
  /** Model keys compared on the same rolling-origin folds. */
  models: string[];
  /** 'auto' (best backtest score, or the median of the top 3 when that scores better) or one model key. */
  select: string;
  /** The most backtest folds to use (fewer when the series is short). */
  folds: number;
}

export interface ModelScore {
  model: string;
  status: 'ok' | 'failed';
  error: string | null;
  /** Backtest errors averaged over folds and steps. MASE uses the training part of each fold as its scale. */
  mase: number | null;
  smape: number | null;
  mae: number | null;
  rank: number | null;
}

export interface SeriesForecast {
  /** The model used: a key, or `median(a, b, c)`. */
  chosen: string;
  members: string[];
  intervals: 'model' | 'conformal';
  season: number;
  folds: ForecastFold[];
  scores: ModelScore[];
  /** The combination's backtest score when `auto` compared one (null otherwise). */
  combination: ModelScore | null;
  mean: number[];
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
  /** Share of backtest actuals inside the chosen intervals, per level (null when it cannot be measured out of fold). */
  coverage: Record<string, number | null>;
}

const MIN_TRAIN = 8;

/** The folds: non-overlapping windows of the horizon, the first trained on ≥ max(h, 2 seasons, 8) points. */
export function planFolds(n: number, horizon: number, season: number, maxFolds: number) {
  const firstTrainMin = Math.min(n - horizon, Math.max(horizon, 2 * season, MIN_TRAIN));
  const k = Math.max(1, Math.min(maxFolds, Math.floor((n - horizon - firstTrainMin) / horizon) + 1));
  const folds = rollingOriginFolds(n, { horizon, folds: k });
  // A season needs two full cycles in the shortest training window to be estimated.
  const usedSeason = folds[0].trainEnd >= 2 * season ? season : 1;
  return { folds, season: usedSeason };
}

export function forecastSeries(
  input: ForecastSeriesInput,
  progress: (fraction: number, message: string) => void = () => undefined,
): SeriesForecast {
  const { values: y, horizon, levels } = input;
  const { folds, season } = planFolds(y.length, horizon, input.season, input.folds);
  const models = input.select === 'auto' ? input.models : [...new Set([...input.models, input.select])];
  const runs = new Map<string, BacktestResult>();
  const scores: ModelScore[] = models.map((key, i) => {
    progress(i / (models.length + 1), `Backtesting ${key}`);
    try {
      const result = backtest(() => forecastModel(key).make(season), y, folds, { season, levels });
      runs.set(key, result);
      return { model: key, status: 'ok', error: null, ...summarize(result), rank: null };
    } catch (err) {
      return {
        model: key,
        status: 'failed',
        error: (err as Error).message,
        mase: null,
        smape: null,
        mae: null,
        rank: null,
      };
    }
  });
  const ranked = scores.filter((s) => s.status === 'ok').sort(byScore);
  ranked.forEach((s, i) => {
    s.rank = i + 1;
  });
  if (ranked.length === 0) {
    throw Object.assign(new Error(`Every model failed on this series: ${scores[0]?.error ?? 'no models'}`), {
      code: 'FORECAST_FAILED',
    });
  }
  let members = [input.select === 'auto' ? ranked[0].model : input.select];
  if (!runs.has(members[0])) {
    const failed = scores.find((s) => s.model === members[0]);
    throw Object.assign(new Error(`${members[0]} failed on this series: ${failed?.error}`), {
      code: 'FORECAST_FAILED',
    });
  }
  let combination: ModelScore | null = null;
  let residuals = (runs.get(members[0]) as BacktestResult).residuals;
  if (input.select === 'auto' && ranked.length >= 3) {
    const top = ranked.slice(0, 3).map((s) => s.model);
    const combined = combineFolds(
      top.map((k) => runs.get(k) as BacktestResult),
      y,
      season,
    );
    combination = {
      model: medianLabel(top),
      status: 'ok',
      error: null,
      ...combined.score,
      rank: null,
    };
    if (byScore(combination, ranked[0]) < 0) {
      members = top;
      residuals = combined.residuals;
    }
  }
  progress(models.length / (models.length + 1), `Refitting ${members.join(', ')} on the whole series`);
  const fits: Forecast[] = members.map((key) =>
    forecastModel(key).make(season).fit(y.slice(), { season }).predict(horizon, { levels }),
  );
  const mean = members.length === 1 ? fits[0].mean : medianOf(fits.map((f) => f.mean));
  const own = members.length === 1 && levels.every((l) => fits[0].lower?.[l] && fits[0].upper?.[l]);
  const lower: Record<string, number[]> = {};
  const upper: Record<string, number[]> = {};
  const coverage: Record<string, number | null> = {};
  const widths = own ? null : pooledConformal(residuals, levels);
  for (const level of levels) {
    if (widths === null) {
      lower[level] = Array.from(fits[0].lower?.[level] as Float64Array);
      upper[level] = Array.from(fits[0].upper?.[level] as Float64Array);
      coverage[level] = modelCoverage(runs.get(members[0]) as BacktestResult, level);
    } else {
      lower[level] = Array.from(mean, (v, t) => v - widths[level][t]);
      upper[level] = Array.from(mean, (v, t) => v + widths[level][t]);
      coverage[level] = leaveOneFoldOutCoverage(residuals, level);
    }
  }
  progress(1, 'Forecast done');
  return {
    chosen: members.length === 1 ? members[0] : medianLabel(members),
    members,
    intervals: own ? 'model' : 'conformal',
    season,
    folds: folds.map(({ trainEnd, horizon: h }) => ({ trainEnd, horizon: h })),
    scores,
    combination,
    mean: Array.from(mean),
    lower,
    upper,
    coverage,
  };
}

/** The share of backtest actuals inside the model's own fold intervals (they are out of sample). */
function modelCoverage(run: BacktestResult, level: number): number | null {
  if (run.folds.length === 0 || !run.folds[0].forecast.lower?.[level]) return null;
  return empiricalCoverage(
    run.folds.map((f) => f.actual),
    run.folds.map((f) => f.forecast.lower?.[level] as Float64Array),
    run.folds.map((f) => f.forecast.upper?.[level] as Float64Array),
  );
}

/** `median(a, b, c)` with the members in name order, so runs that pick the same three read the same. */
function medianLabel(members: string[]): string {
  return `median(${[...members].sort().join(', ')})`;
}

function summarize(result: BacktestResult) {
  const avg = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    mase: finite(avg(result.perHorizon.mase)),
    smape: finite(avg(result.perHorizon.smape)),
    mae: finite(avg(result.perHorizon.mae)),
  };
}

/** Lower is better: MASE, then MAE (MASE is undefined on a constant training window). */
function byScore(a: ModelScore, b: ModelScore): number {
  const key = (s: ModelScore) => s.mase ?? Number.POSITIVE_INFINITY;
  return key(a) - key(b) || (a.mae ?? Number.POSITIVE_INFINITY) - (b.mae ?? Number.POSITIVE_INFINITY);
}

/** The median combination's backtest, from its members' fold forecasts (the same folds, no extra fits). */
function combineFolds(runs: BacktestResult[], y: Float64Array, season: number) {
  const folds = runs[0].folds;
  const forecasts = folds.map((_, f) => medianOf(runs.map((r) => r.folds[f].forecast.mean)));
  const actuals = folds.map((f) => f.actual);
  const errors = horizonErrors(
    actuals,
    forecasts,
    folds.map((f) => y.subarray(0, f.trainEnd)),
    season,
  );
  const residuals = Array.from({ length: actuals[0].length }, (_, h) =>
    Float64Array.from(folds, (_, f) => actuals[f][h] - forecasts[f][h]),
  );
  return { score: summarize({ folds: [], perHorizon: errors, residuals }), residuals };
}
