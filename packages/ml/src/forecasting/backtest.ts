import { type FitOptions, subTaskOptions, throwIfAborted } from '../core/fit-options';
import type { Forecast, ForecasterFactory } from './forecaster';
import { type HorizonErrors, horizonErrors } from './horizon-errors';
import type { ForecastFold } from './rolling-origin-folds';

export interface BacktestOptions extends FitOptions {
  season?: number;
  levels?: readonly number[];
}

export interface BacktestFold extends ForecastFold {
  forecast: Forecast;
  actual: Float64Array;
}

export interface BacktestResult {
  folds: BacktestFold[];
  /** Errors per step of the horizon, averaged over folds. */
  perHorizon: HorizonErrors;
  /** residuals[h][fold] = actual − forecast at step h + 1: the input of `conformalIntervals`. */
  residuals: Float64Array[];
}

/**
 * Walk-forward backtest: for each fold a fresh forecaster from `factory` is fitted on the data before the origin
 * and forecasts the next `horizon` values, which are compared with what happened.
 */
export function backtest(
  factory: ForecasterFactory,
  y: Float64Array,
  folds: readonly ForecastFold[],
  options: BacktestOptions = {},
): BacktestResult {
  const season = options.season ?? 1;
  const out: BacktestFold[] = [];
  folds.forEach((fold, i) => {
    throwIfAborted(options.signal);
    const train = y.subarray(0, fold.trainEnd);
    const sub = subTaskOptions(options, i / folds.length, (i + 1) / folds.length, `fold ${i + 1}`);
    const model = factory().fit(train.slice(), { ...sub, season });
    const forecast = model.predict(fold.horizon, { levels: options.levels });
    out.push({ ...fold, forecast, actual: y.slice(fold.trainEnd, fold.trainEnd + fold.horizon) });
  });
  const horizon = folds.length === 0 ? 0 : folds[0].horizon;
  const residuals = Array.from({ length: horizon }, (_, h) =>
    Float64Array.from(out, (f) => f.actual[h] - f.forecast.mean[h]),
  );
  const perHorizon = horizonErrors(
    out.map((f) => f.actual),
    out.map((f) => f.forecast.mean),
    out.map((f) => y.subarray(0, f.trainEnd)),
    season,
  );
  return { folds: out, perHorizon, residuals };
}
