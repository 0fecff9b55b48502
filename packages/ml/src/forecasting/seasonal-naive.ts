import { MlError } from '../core/errors';
import type { StateSchema } from '../core/state';
import { BaseForecaster, type Forecast } from './forecaster';
import { lagRmse, type NaiveParams } from './naive';
import { normalIntervals } from './normal-intervals';

/**
 * Repeats the last seasonal cycle: ŷ_{n+h} = y_{n+h−m·k} for the smallest k >= 1 that lands in the sample.
 * Intervals as R's `snaive`: sd_h = σ·√(⌊(h−1)/m⌋ + 1), σ² the mean squared seasonal difference.
 */
export class SeasonalNaive extends BaseForecaster<NaiveParams> {
  static override readonly kind: string = 'SeasonalNaive';
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    nObs_: 'number',
    lastCycle_: 'float64',
    sigma_: 'number',
  };

  declare lastCycle_: Float64Array;
  declare sigma_: number;

  constructor(params: Partial<NaiveParams> = {}) {
    super({}, params);
  }

  protected fitSeries(y: Float64Array, season: number): void {
    if (y.length < season) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `SeasonalNaive needs at least one full season (${season} points), got ${y.length}: use Naive or a shorter season.`,
      );
    }
    this.lastCycle_ = y.slice(y.length - season);
    this.sigma_ = lagRmse(y, season);
  }

  protected forecast(horizon: number, levels: readonly number[]): Forecast {
    const m = this.lastCycle_.length;
    const mean = new Float64Array(horizon);
    const sd = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) {
      mean[h] = this.lastCycle_[h % m];
      sd[h] = this.sigma_ * Math.sqrt(Math.floor(h / m) + 1);
    }
    return { mean, ...normalIntervals(mean, sd, levels) };
  }

  protected override checkState(): void {
    super.checkState();
    this.expectState(this.lastCycle_.length === this.season_, 'lastCycle_ must hold one season');
  }
}
