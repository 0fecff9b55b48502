import { MlError } from '../core/errors';
import type { FitOptions } from '../core/fit-options';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { fitEts } from './ets-fit';
import { etsForecast } from './ets-forecast';
import type { EtsSpec } from './ets-spec';
import { BaseForecaster, type Forecast } from './forecaster';
import { m4SeasonalAdjustment, reseasonalize } from './m4-seasonal-adjustment';
import { scaleIntervals } from './normal-intervals';

export interface AdjustedExpSmoothingParams {
  /** 'm4': divide by classical multiplicative indices when the M4 test finds seasonality; 'none': never. */
  seasonalAdjustment: 'm4' | 'none';
}

/**
 * Shared body of the M4 benchmarks SES, Holt and Damped: the series is deseasonalised as for Naive2, an additive
 * ETS model without season is fitted by least squares of the one-step errors (R's `ses` / `holt`, which call
 * `ets(..., opt.crit = "mse")`), and its forecasts and intervals are multiplied back by the seasonal indices.
 */
export abstract class AdjustedExpSmoothing extends BaseForecaster<AdjustedExpSmoothingParams> {
  static override readonly paramConstraints: ParamConstraints = {
    seasonalAdjustment: [{ type: 'options', values: ['m4', 'none'] }],
  };
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    nObs_: 'number',
    indices_: 'float64',
    alpha_: 'number',
    beta_: 'number',
    phi_: 'number',
    state_: 'float64',
    sigma2_: 'number',
  };

  declare indices_: Float64Array;
  declare alpha_: number;
  declare beta_: number;
  declare phi_: number;
  /** Level (and slope) after the last observation, on the adjusted scale. */
  declare state_: Float64Array;
  declare sigma2_: number;

  constructor(params: Partial<AdjustedExpSmoothingParams> = {}) {
    super({ seasonalAdjustment: 'm4' }, params);
  }

  protected abstract readonly trend: 'N' | 'A';
  protected abstract readonly damped: boolean;

  protected spec(): EtsSpec {
    return { error: 'A', trend: this.trend, damped: this.damped, season: 'N', m: 1 };
  }

  protected override minLength(): number {
    return this.trend === 'N' ? 4 : 6;
  }

  protected fitSeries(y: Float64Array, season: number, options: FitOptions): void {
    const { adjusted, indices } =
      this.params.seasonalAdjustment === 'm4'
        ? m4SeasonalAdjustment(y, season)
        : { adjusted: y, indices: new Float64Array(1).fill(1) };
    const fit = fitEts(adjusted, this.spec(), { optCrit: 'mse', signal: options.signal });
    if (fit === null) {
      throw new MlError('TOO_FEW_ROWS', `${this.kind} could not be fitted: the series is too short.`);
    }
    this.indices_ = indices;
    this.alpha_ = fit.par.alpha;
    this.beta_ = fit.par.beta;
    this.phi_ = fit.par.phi;
    this.state_ = fit.finalState;
    this.sigma2_ = fit.sigma2;
  }

  protected forecast(horizon: number, levels: readonly number[]): Forecast {
    const par = { alpha: this.alpha_, beta: this.beta_, gamma: 0, phi: this.phi_ };
    const out = etsForecast(this.spec(), par, this.state_, this.sigma2_, horizon, levels, {
      nPaths: 0,
      seed: 0,
    });
    reseasonalize(out.mean, this.indices_, this.nObs_);
    if (out.lower) scaleIntervals(out.lower, this.indices_, this.nObs_);
    if (out.upper) scaleIntervals(out.upper, this.indices_, this.nObs_);
    return out;
  }
}
