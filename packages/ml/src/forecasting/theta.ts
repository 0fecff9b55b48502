import { MlError } from '../core/errors';
import type { FitOptions } from '../core/fit-options';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { fitEts } from './ets-fit';
import { BaseForecaster, type Forecast } from './forecaster';
import { linearTrend } from './linear-trend';
import { m4SeasonalAdjustment, reseasonalize } from './m4-seasonal-adjustment';
import { normalIntervals, scaleIntervals } from './normal-intervals';

export interface ThetaParams {
  /** 'm4': deseasonalise as the M4 benchmarks (classical multiplicative, when the 90% test says so). */
  seasonalAdjustment: 'm4' | 'none';
}

/**
 * The Theta method of Assimakopoulos & Nikolopoulos (2000) exactly as the M4 benchmark `Theta.classic`: on the
 * seasonally adjusted series, the θ = 0 line (the least-squares trend) is extrapolated, the θ = 2 line
 * (2y − trend) is forecast by simple exponential smoothing, and the forecast is their average, floored at 0 for
 * non-negative data. Intervals use the SES-with-drift form of Hyndman & Billah (2003):
 * sd_h = σ·√(1 + α²(h − 1)), σ² the in-sample one-step variance.
 */
export class Theta extends BaseForecaster<ThetaParams> {
  static override readonly kind: string = 'Theta';
  static override readonly paramConstraints: ParamConstraints = {
    seasonalAdjustment: [{ type: 'options', values: ['m4', 'none'] }],
  };
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    nObs_: 'number',
    indices_: 'float64',
    intercept_: 'number',
    slope_: 'number',
    level_: 'number',
    alpha_: 'number',
    sigma2_: 'number',
    nonNegative_: 'boolean',
  };

  declare indices_: Float64Array;
  declare intercept_: number;
  declare slope_: number;
  /** Final SES level of the θ = 2 line. */
  declare level_: number;
  declare alpha_: number;
  declare sigma2_: number;
  declare nonNegative_: boolean;

  constructor(params: Partial<ThetaParams> = {}) {
    super({ seasonalAdjustment: 'm4' }, params);
  }

  protected override minLength(): number {
    return 4;
  }

  protected fitSeries(y: Float64Array, season: number, options: FitOptions): void {
    const { adjusted, indices } =
      this.params.seasonalAdjustment === 'm4'
        ? m4SeasonalAdjustment(y, season)
        : { adjusted: y, indices: new Float64Array(1).fill(1) };
    const n = adjusted.length;
    const { intercept, slope } = linearTrend(adjusted);
    const line2 = new Float64Array(n);
    for (let t = 0; t < n; t++) line2[t] = 2 * adjusted[t] - (intercept + slope * (t + 1));
    const ses = fitEts(
      line2,
      { error: 'A', trend: 'N', damped: false, season: 'N', m: 1 },
      {
        optCrit: 'mse',
        signal: options.signal,
      },
    );
    if (ses === null)
      throw new MlError('TOO_FEW_ROWS', 'Theta could not be fitted: the series is too short.');
    let sse = 0;
    for (let t = 0; t < n; t++) {
      const fitted = 0.5 * ses.fitted[t] + 0.5 * (intercept + slope * (t + 1));
      sse += (adjusted[t] - fitted) ** 2;
    }
    this.indices_ = indices;
    this.intercept_ = intercept;
    this.slope_ = slope;
    this.level_ = ses.finalState[0];
    this.alpha_ = ses.par.alpha;
    this.sigma2_ = sse / Math.max(1, n - 3);
    this.nonNegative_ = y.every((v) => v >= 0);
  }

  protected forecast(horizon: number, levels: readonly number[]): Forecast {
    const n = this.nObs_;
    const mean = new Float64Array(horizon);
    const sd = new Float64Array(horizon);
    const sigma = Math.sqrt(this.sigma2_);
    for (let h = 0; h < horizon; h++) {
      const trend = this.intercept_ + this.slope_ * (n + h + 1);
      mean[h] = 0.5 * this.level_ + 0.5 * trend;
      if (this.nonNegative_ && mean[h] < 0) mean[h] = 0;
      sd[h] = sigma * Math.sqrt(1 + this.alpha_ * this.alpha_ * h);
    }
    const { lower, upper } = normalIntervals(mean, sd, levels);
    reseasonalize(mean, this.indices_, n);
    scaleIntervals(lower, this.indices_, n);
    scaleIntervals(upper, this.indices_, n);
    return { mean, lower, upper };
  }
}
