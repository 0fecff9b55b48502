import type { FitOptions } from '../core/fit-options';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { BaseForecaster, type Forecast } from './forecaster';
import { linearTrend } from './linear-trend';
import { m4SeasonalAdjustment, reseasonalize } from './m4-seasonal-adjustment';
import { nelderMead } from './nelder-mead';
import { normalIntervals, scaleIntervals } from './normal-intervals';

export interface OptimizedThetaParams {
  seasonalAdjustment: 'm4' | 'none';
  /** Upper bound of θ (θ = 1 is simple exponential smoothing, θ = 2 the standard Theta method). */
  maxTheta: number;
}

/**
 * The optimised Theta model (Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler, "Models for optimising the
 * theta method and their relationship to state space models", IJF 32, 2016), static variant: the forecast is
 * (1 − 1/θ)·(least-squares trend) + (1/θ)·SES(θ-line), θ-line = θy + (1 − θ)·trend, with θ ∈ [1, maxTheta], α
 * and the initial level chosen together by Nelder–Mead to minimise the in-sample one-step squared error. On the
 * M4-style seasonally adjusted series, as `Theta`.
 */
export class OptimizedTheta extends BaseForecaster<OptimizedThetaParams> {
  static override readonly kind: string = 'OptimizedTheta';
  static override readonly paramConstraints: ParamConstraints = {
    seasonalAdjustment: [{ type: 'options', values: ['m4', 'none'] }],
    maxTheta: [{ type: 'float', min: 1 }],
  };
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    nObs_: 'number',
    indices_: 'float64',
    intercept_: 'number',
    slope_: 'number',
    level_: 'number',
    alpha_: 'number',
    theta_: 'number',
    sigma2_: 'number',
  };

  declare indices_: Float64Array;
  declare intercept_: number;
  declare slope_: number;
  declare level_: number;
  declare alpha_: number;
  declare theta_: number;
  declare sigma2_: number;

  constructor(params: Partial<OptimizedThetaParams> = {}) {
    super({ seasonalAdjustment: 'm4', maxTheta: 10 }, params);
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
    const maxTheta = this.params.maxTheta;
    // One pass of the recursions; returns the in-sample MSE and leaves the final level in `last`.
    let last = 0;
    const run = (alpha: number, theta: number, level0: number) => {
      let level = level0;
      let sse = 0;
      for (let t = 0; t < n; t++) {
        const trend = intercept + slope * (t + 1);
        const fitted = (1 - 1 / theta) * trend + level / theta;
        sse += (adjusted[t] - fitted) ** 2;
        const z = theta * adjusted[t] + (1 - theta) * trend;
        level += alpha * (z - level);
      }
      last = level;
      return sse / n;
    };
    const objective = (x: Float64Array) =>
      x[0] < 1e-4 || x[0] > 0.9999 || x[1] < 1 || x[1] > maxTheta
        ? Number.POSITIVE_INFINITY
        : run(x[0], x[1], x[2]);
    const start = Float64Array.of(0.5, Math.min(2, maxTheta), 2 * adjusted[0] - (intercept + slope));
    const best = nelderMead(objective, start, { maxEvaluations: 1000, signal: options.signal });
    const [alpha, theta, level0] = best.x;
    const mse = run(alpha, theta, level0);
    this.indices_ = indices;
    this.intercept_ = intercept;
    this.slope_ = slope;
    this.level_ = last;
    this.alpha_ = alpha;
    this.theta_ = theta;
    this.sigma2_ = (mse * n) / Math.max(1, n - 3);
  }

  protected forecast(horizon: number, levels: readonly number[]): Forecast {
    const n = this.nObs_;
    const w = 1 / this.theta_;
    const mean = new Float64Array(horizon);
    const sd = new Float64Array(horizon);
    for (let h = 0; h < horizon; h++) {
      mean[h] = (1 - w) * (this.intercept_ + this.slope_ * (n + h + 1)) + w * this.level_;
      sd[h] = Math.sqrt(this.sigma2_ * (1 + this.alpha_ * this.alpha_ * h));
    }
    const { lower, upper } = normalIntervals(mean, sd, levels);
    reseasonalize(mean, this.indices_, n);
    scaleIntervals(lower, this.indices_, n);
    scaleIntervals(upper, this.indices_, n);
    return { mean, lower, upper };
  }
}
