import type { StateSchema } from '../core/state';
import { BaseForecaster, type Forecast } from './forecaster';
import { normalIntervals } from './normal-intervals';

// biome-ignore lint/complexity/noBannedTypes: the naive forecasters have no parameters.
export type NaiveParams = {};

/**
 * The random walk forecast: every future value is the last observation. Intervals assume a random walk,
 * sd_h = σ·√h with σ² the mean squared one-step change (as R's `naive`).
 */
export class Naive extends BaseForecaster<NaiveParams> {
  static override readonly kind: string = 'Naive';
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    nObs_: 'number',
    last_: 'number',
    sigma_: 'number',
  };

  declare last_: number;
  declare sigma_: number;

  constructor(params: Partial<NaiveParams> = {}) {
    super({}, params);
  }

  protected fitSeries(y: Float64Array): void {
    this.last_ = y[y.length - 1];
    this.sigma_ = lagRmse(y, 1);
  }

  protected forecast(horizon: number, levels: readonly number[]): Forecast {
    const mean = new Float64Array(horizon).fill(this.last_);
    const sd = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) sd[h] = this.sigma_ * Math.sqrt(h + 1);
    return { mean, ...normalIntervals(mean, sd, levels) };
  }
}

/** √(mean of (y_t − y_{t−lag})²), 0 when there is no pair. */
export function lagRmse(y: Float64Array, lag: number): number {
  let sum = 0;
  let count = 0;
  for (let t = lag; t < y.length; t++) {
    const d = y[t] - y[t - lag];
    sum += d * d;
    count++;
  }
  return count === 0 ? 0 : Math.sqrt(sum / count);
}
