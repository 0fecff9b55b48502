import type { FitOptions } from '../core/fit-options';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { BaseForecaster, type Forecast } from './forecaster';
import { GlobalGbdtForecaster, type GlobalGbdtParams } from './global-gbdt-forecaster';

export interface GbdtSeriesParams extends Omit<GlobalGbdtParams, 'intervals'> {
  /** The horizon the direct model is trained for; null: two seasons. */
  horizon: number | null;
}

/**
 * The global gradient-boosting forecaster on one series, behind the ordinary `Forecaster` contract (so backtests
 * and combinations can use it). It learns from the windows of that series alone — a panel is where it shines.
 * It gives no intervals of its own: one series gives one held-out window, too few for conformal quantiles, so
 * callers add them from backtest residuals (`conformalIntervals`).
 */
export class GbdtSeriesForecaster extends BaseForecaster<GbdtSeriesParams> {
  static override readonly kind: string = 'GbdtSeriesForecaster';
  static override readonly paramConstraints: ParamConstraints = {
    ...(({ intervals: _, ...rest }) => rest)(GlobalGbdtForecaster.paramConstraints),
    horizon: [{ type: 'int', min: 1 }, { type: 'null' }],
  };
  static override readonly stateSchema: StateSchema = { season_: 'number', nObs_: 'number', model_: 'json' };

  declare model_: GlobalGbdtForecaster;

  constructor(params: Partial<GbdtSeriesParams> = {}) {
    const { intervals: _, ...defaults } = new GlobalGbdtForecaster().params;
    super({ ...defaults, horizon: null }, params);
  }

  protected override minLength(): number {
    return 4;
  }

  protected fitSeries(y: Float64Array, season: number, options: FitOptions): void {
    const { horizon, ...rest } = this.params;
    this.model_ = new GlobalGbdtForecaster({ ...rest, intervals: false }).fitPanel([y], {
      ...options,
      season,
      horizon: horizon ?? 2 * season,
    });
  }

  protected forecast(horizon: number): Forecast {
    return { mean: this.model_.predictPanel(horizon, { levels: [] })[0].mean };
  }

  protected override checkState(): void {
    super.checkState();
    this.expectState(
      this.model_ instanceof GlobalGbdtForecaster && this.model_.tails_.length === 1,
      'model_ must be a fitted one-series GlobalGbdtForecaster',
    );
  }
}
