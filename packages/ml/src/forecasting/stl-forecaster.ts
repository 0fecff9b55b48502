import type { FitOptions } from '../core/fit-options';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { AutoARIMA } from './auto-arima';
import { ETS } from './ets';
import { BaseForecaster, type Forecast, type Forecaster } from './forecaster';
import { mstl } from './mstl';
import { Theta } from './theta';

export interface StlForecasterParams {
  /** Seasonal periods to remove (e.g. [24, 168] for hourly data); null: the `season` given to fit. */
  periods: number[] | null;
  /** The non-seasonal model fitted to the seasonally adjusted series. */
  method: 'ets' | 'arima' | 'theta';
}

/**
 * Forecasting by decomposition, after R's `forecast::stlf` / `mstl` + `forecast` (Hyndman & Athanasopoulos,
 * *Forecasting: Principles and Practice*, §6.8): the series is split by MSTL into trend + remainder and one
 * seasonal component per period; a non-seasonal model forecasts the seasonally adjusted series and each
 * seasonal component is carried forward by its last cycle (seasonal naive). Handles several seasonal periods,
 * which ETS and ARIMA cannot.
 */
export class STLForecaster extends BaseForecaster<StlForecasterParams> {
  static override readonly kind: string = 'STLForecaster';
  static override readonly paramConstraints: ParamConstraints = {
    periods: [{ type: 'array' }, { type: 'null' }],
    method: [{ type: 'options', values: ['ets', 'arima', 'theta'] }],
  };
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    nObs_: 'number',
    periods_: 'numbers',
    /** The last cycle of every seasonal component, one after the other. */
    lastCycles_: 'float64',
    model_: 'json',
  };

  declare periods_: number[];
  declare lastCycles_: Float64Array;
  declare model_: Forecaster;

  constructor(params: Partial<StlForecasterParams> = {}) {
    super({ periods: null, method: 'ets' }, params);
  }

  protected override minLength(): number {
    return 4;
  }

  protected fitSeries(y: Float64Array, season: number, options: FitOptions): void {
    const n = y.length;
    const candidates = (this.params.periods ?? [season]).filter(
      (p) => Number.isInteger(p) && p > 1 && p < n / 2,
    );
    const adjusted = y.slice();
    let cycles = new Float64Array(0);
    this.periods_ = [];
    if (candidates.length > 0) {
      const { seasonals, periods } = mstl(y, candidates);
      this.periods_ = periods;
      cycles = new Float64Array(periods.reduce((a, b) => a + b, 0));
      let offset = 0;
      periods.forEach((p, i) => {
        for (let t = 0; t < n; t++) adjusted[t] -= seasonals[i][t];
        cycles.set(seasonals[i].subarray(n - p), offset);
        offset += p;
      });
    }
    this.lastCycles_ = cycles;
    const model: Forecaster =
      this.params.method === 'arima'
        ? new AutoARIMA({ seasonal: false })
        : this.params.method === 'theta'
          ? new Theta({ seasonalAdjustment: 'none' })
          : new ETS({ seasonal: 'N' });
    this.model_ = model.fit(adjusted, { signal: options.signal, onProgress: options.onProgress });
  }

  protected forecast(horizon: number, levels: readonly number[]): Forecast {
    const inner = this.model_.predict(horizon, { levels });
    const add = new Float64Array(horizon);
    let offset = 0;
    for (const p of this.periods_) {
      for (let h = 0; h < horizon; h++) add[h] += this.lastCycles_[offset + (h % p)];
      offset += p;
    }
    const shift = (values: Float64Array) => values.map((v, h) => v + add[h]);
    const out: Forecast = { mean: shift(inner.mean) };
    if (inner.lower && inner.upper) {
      out.lower = {};
      out.upper = {};
      for (const level of levels) {
        out.lower[level] = shift(inner.lower[level]);
        out.upper[level] = shift(inner.upper[level]);
      }
    }
    return out;
  }

  protected override checkState(): void {
    super.checkState();
    const total = this.periods_.reduce((a, b) => a + b, 0);
    this.expectState(this.lastCycles_.length === total, 'lastCycles_ must hold one cycle per period');
    this.expectState(
      typeof this.model_?.predict === 'function' && this.model_.isFitted,
      'model_ must be fitted',
    );
  }
}
