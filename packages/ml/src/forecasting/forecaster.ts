import { MlError } from '../core/errors';
import { Estimator } from '../core/estimator';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { checkHorizon, checkLevels, checkSeason, checkSeries } from './series-checks';

/** `fit`'s options for a forecaster: cancellation and progress, plus the seasonal period (24 for hourly data). */
export interface ForecastFitOptions extends FitOptions {
  /** The number of observations per seasonal cycle; 1 (the default) means non-seasonal. */
  season?: number;
}

export interface PredictOptions {
  /** Interval levels in percent (default 80 and 95). */
  levels?: readonly number[];
}

/**
 * A forecast for `horizon` steps after the end of the training series. `lower[80]` and `upper[80]` bound the 80%
 * prediction interval; models without a sampling distribution leave them out (see `conformalIntervals`).
 */
export interface Forecast {
  mean: Float64Array;
  lower?: Record<number, Float64Array>;
  upper?: Record<number, Float64Array>;
}

/** The contract every forecaster meets: fit one series, forecast any horizon, save and load its state. */
export interface Forecaster {
  readonly kind: string;
  readonly isFitted: boolean;
  fit(y: Float64Array, options?: ForecastFitOptions): this;
  predict(horizon: number, options?: PredictOptions): Forecast;
  getState(): Record<string, unknown>;
  setState(state: Record<string, unknown>): this;
}

/** Makes a fresh, unfitted forecaster (backtests fit one per fold). */
export type ForecasterFactory = () => Forecaster;

export const DEFAULT_LEVELS: readonly number[] = [80, 95];

/**
 * The base of Quarry's forecasters: checks the series, the season and the horizon once, handles cancellation and
 * progress, and leaves the model to `fitSeries` / `forecast`. Learned state ends in `_` as for every estimator;
 * `season_` and `nObs_` are common to all.
 */
export abstract class BaseForecaster<P extends object = object> extends Estimator<P> implements Forecaster {
  declare season_: number;
  declare nObs_: number;

  fit(y: Float64Array, options: ForecastFitOptions = {}): this {
    this.validateParams();
    throwIfAborted(options.signal);
    const series = checkSeries(y, this.kind, this.minLength());
    const season = checkSeason(options.season ?? 1, this.kind);
    this.season_ = season;
    this.nObs_ = series.length;
    this.fitSeries(series, season, options);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  predict(horizon: number, options: PredictOptions = {}): Forecast {
    this.checkFitted();
    checkHorizon(horizon, this.kind);
    const levels = checkLevels(options.levels ?? DEFAULT_LEVELS, this.kind);
    return this.forecast(horizon, levels);
  }

  /** The fewest observations the model can be fitted on. */
  protected minLength(): number {
    return 1;
  }

  protected abstract fitSeries(y: Float64Array, season: number, options: FitOptions): void;

  protected abstract forecast(horizon: number, levels: readonly number[]): Forecast;

  protected override checkState(): void {
    this.expectState(Number.isInteger(this.season_) && this.season_ >= 1, 'season_ must be an integer >= 1');
  }

  /** Throws `UNSUPPORTED_OPERATION` for a model that cannot produce what was asked. */
  protected unsupported(what: string): never {
    throw new MlError('UNSUPPORTED_OPERATION', `${this.kind} cannot ${what}.`, {
      details: { kind: this.kind },
    });
  }
}
