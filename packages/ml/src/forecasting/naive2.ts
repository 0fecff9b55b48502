import type { StateSchema } from '../core/state';
import { BaseForecaster, type Forecast } from './forecaster';
import { m4SeasonalAdjustment, reseasonalize } from './m4-seasonal-adjustment';
import { lagRmse, type NaiveParams } from './naive';
import { normalIntervals, scaleIntervals } from './normal-intervals';

/**
 * The M4 competition's Naive2: the naive forecast of the seasonally adjusted series, multiplied back by the
 * seasonal indices — adjusted only when the 90% autocorrelation test at lag m finds seasonality (see
 * `m4SeasonalAdjustment`). Its sMAPE and MASE are the denominators of the M4 OWA.
 */
export class Naive2 extends BaseForecaster<NaiveParams> {
  static override readonly kind: string = 'Naive2';
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    nObs_: 'number',
    last_: 'number',
    sigma_: 'number',
    indices_: 'float64',
  };

  declare last_: number;
  declare sigma_: number;
  declare indices_: Float64Array;

  constructor(params: Partial<NaiveParams> = {}) {
    super({}, params);
  }

  protected fitSeries(y: Float64Array, season: number): void {
    const { adjusted, indices } = m4SeasonalAdjustment(y, season);
    this.indices_ = indices;
    this.last_ = adjusted[adjusted.length - 1];
    this.sigma_ = lagRmse(adjusted, 1);
  }

  protected forecast(horizon: number, levels: readonly number[]): Forecast {
    const mean = new Float64Array(horizon).fill(this.last_);
    const sd = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) sd[h] = this.sigma_ * Math.sqrt(h + 1);
    const { lower, upper } = normalIntervals(mean, sd, levels);
    reseasonalize(mean, this.indices_, this.nObs_);
    scaleIntervals(lower, this.indices_, this.nObs_);
    scaleIntervals(upper, this.indices_, this.nObs_);
    return { mean, lower, upper };
  }
}
