import {
  type Forecaster,
  type ForecastFitOptions,
  GlobalGbdtForecaster,
  type PredictOptions,
} from '@quarry/ml';

/**
 * The global gradient-boosting forecaster on one series, so `gbdt` can take part in a per-series backtest (a
 * single series, or a candidate list the panel path does not use). It is the recursive strategy: the fold's
 * horizon is not known at `fit`, and a recursive model forecasts any horizon. Intervals come from the backtest
 * residuals (conformal), as for the other models without their own.
 */
export class GbdtSeriesForecaster implements Forecaster {
  readonly kind = 'GlobalGbdtForecaster';
  private readonly model: GlobalGbdtForecaster;

  constructor(seed = 0) {
    this.model = new GlobalGbdtForecaster({ strategy: 'recursive', intervals: false, randomState: seed });
  }

  get isFitted(): boolean {
    return this.model.isFitted;
  }

  fit(y: Float64Array, options: ForecastFitOptions = {}): this {
    this.model.fitPanel([y], { ...options, season: options.season ?? 1, horizon: 1 });
    return this;
  }

  predict(horizon: number, options: PredictOptions = {}) {
    return this.model.predictPanel(horizon, options)[0];
  }

  getState(): Record<string, unknown> {
    return this.model.getState();
  }

  setState(state: Record<string, unknown>): this {
    this.model.setState(state);
    return this;
  }
}
