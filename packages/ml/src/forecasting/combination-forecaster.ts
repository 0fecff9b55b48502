import { clone } from '../core/clone';
import { MlError } from '../core/errors';
import type { Estimator } from '../core/estimator';
import { type FitOptions, subTaskOptions, throwIfAborted } from '../core/fit-options';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { BaseForecaster, type Forecast, type Forecaster } from './forecaster';
import { smape } from './smape';

export interface CombinationParams {
  /** The member forecasters (unfitted; fitted copies are kept in `members_`). */
  members: (Estimator & Forecaster)[];
  /**
   * 'median' or 'mean' of the members' forecasts, or 'weighted': a mean weighted by 1 / sMAPE of each member on
   * the last `validationHorizon` observations, held out and forecast from the data before them.
   */
  combine: 'median' | 'mean' | 'weighted';
  validationHorizon: number | null;
}

/**
 * Forecast combination (Bates & Granger 1969; the M4 lesson that combinations beat single methods, Makridakis
 * et al., IJF 36, 2020): every member is fitted on the series and their forecasts — and interval bounds — are
 * combined step by step.
 */
export class CombinationForecaster extends BaseForecaster<CombinationParams> {
  static override readonly kind: string = 'CombinationForecaster';
  static override readonly paramConstraints: ParamConstraints = {
    members: [{ type: 'array' }],
    combine: [{ type: 'options', values: ['median', 'mean', 'weighted'] }],
    validationHorizon: [{ type: 'int', min: 1 }, { type: 'null' }],
  };
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    nObs_: 'number',
    members_: 'json',
    weights_: 'float64',
  };

  declare members_: (Estimator & Forecaster)[];
  declare weights_: Float64Array;

  constructor(params: Partial<CombinationParams> = {}) {
    super({ members: [], combine: 'median', validationHorizon: null }, params);
  }

  protected fitSeries(y: Float64Array, season: number, options: FitOptions): void {
    const { members, combine, validationHorizon } = this.params;
    if (members.length === 0) {
      throw new MlError('INVALID_PARAMETER', 'CombinationForecaster needs at least one member forecaster.');
    }
    const k = members.length;
    const weights = new Float64Array(k).fill(1 / k);
    const validate = combine === 'weighted';
    const share = validate ? 0.5 : 0;
    if (validate) {
      const h = validationHorizon ?? Math.max(1, Math.min(2 * season, Math.floor(y.length / 5)));
      const head = y.slice(0, y.length - h);
      const tail = y.subarray(y.length - h);
      let total = 0;
      members.forEach((member, i) => {
        throwIfAborted(options.signal);
        const sub = subTaskOptions(options, (i / k) * share, ((i + 1) / k) * share);
        const error = smape(
          tail,
          clone(member)
            .fit(head, { ...sub, season })
            .predict(h).mean,
        );
        weights[i] = 1 / Math.max(error, 1e-6);
        total += weights[i];
      });
      for (let i = 0; i < k; i++) weights[i] /= total;
    }
    this.members_ = members.map((member, i) => {
      const sub = subTaskOptions(options, share + (i / k) * (1 - share), share + ((i + 1) / k) * (1 - share));
      return clone(member).fit(y, { ...sub, season });
    });
    this.weights_ = weights;
  }

  protected forecast(horizon: number, levels: readonly number[]): Forecast {
    const forecasts = this.members_.map((member) => member.predict(horizon, { levels }));
    const pick = (get: (f: Forecast) => Float64Array | undefined): Float64Array | undefined => {
      const parts = forecasts.map(get);
      const present = parts.filter((p): p is Float64Array => p !== undefined);
      if (present.length === 0) return undefined;
      const weights = parts.flatMap((p, i) => (p === undefined ? [] : [this.weights_[i]]));
      return this.combineSteps(present, weights, horizon);
    };
    const mean = pick((f) => f.mean) as Float64Array;
    const lower: Record<number, Float64Array> = {};
    const upper: Record<number, Float64Array> = {};
    for (const level of levels) {
      const lo = pick((f) => f.lower?.[level]);
      const hi = pick((f) => f.upper?.[level]);
      if (lo && hi) {
        lower[level] = lo;
        upper[level] = hi;
      }
    }
    return Object.keys(lower).length > 0 ? { mean, lower, upper } : { mean };
  }

  private combineSteps(parts: Float64Array[], weights: number[], horizon: number): Float64Array {
    const out = new Float64Array(horizon);
    const column = new Float64Array(parts.length);
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    for (let h = 0; h < horizon; h++) {
      for (let i = 0; i < parts.length; i++) column[i] = parts[i][h];
      if (this.params.combine === 'median') {
        const sorted = column.slice().sort();
        const mid = sorted.length >> 1;
        out[h] = sorted.length % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
      } else if (this.params.combine === 'mean') {
        out[h] = column.reduce((a, b) => a + b, 0) / column.length;
      } else {
        let sum = 0;
        for (let i = 0; i < parts.length; i++) sum += weights[i] * column[i];
        out[h] = sum / totalWeight;
      }
    }
    return out;
  }

  protected override checkState(): void {
    super.checkState();
    this.expectState(
      Array.isArray(this.members_) &&
        this.members_.every((m) => typeof m?.predict === 'function' && m.isFitted) &&
        this.weights_.length === this.members_.length,
      'members_ must be fitted forecasters, one weight each',
    );
  }
}
