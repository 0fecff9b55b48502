import { MlError } from '../core/errors';
import type { FitOptions } from '../core/fit-options';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { type ArimaFit, type ArimaMethod, fitArima } from './arima-fit';
import { arimaForecast } from './arima-forecast';
import { difference, differencingCoefficients } from './arima-polynomials';
import { stepwiseArima } from './auto-arima-search';
import { BaseForecaster, type Forecast } from './forecaster';
import { ndiffs } from './kpss-test';
import { seasonalStrength } from './mstl';

export interface AutoArimaParams {
  /** Consider seasonal terms (when the season is > 1). */
  seasonal: boolean;
  maxP: number;
  maxQ: number;
  maxSP: number;
  maxSQ: number;
  maxD: number;
  maxSD: number;
  ic: 'aicc' | 'aic' | 'bic';
  /** 'auto': approximate (CSS) during the search for series longer than 150 or seasons above 12, as R. */
  approximation: 'auto' | boolean;
  /** Estimation of the final model. */
  method: ArimaMethod;
  allowDrift: boolean;
  allowMean: boolean;
  maxModels: number;
}

/**
 * Automatic ARIMA after R's `forecast::auto.arima` (Hyndman & Khandakar 2008): the seasonal difference D from
 * the STL seasonal strength (> 0.64, R's default `nsdiffs` test), the difference d from repeated KPSS tests at
 * 5%, then the stepwise search over (p,q)(P,Q) and the constant by AICc, refitting the winner by CSS-ML.
 * Intervals from the ψ-weights of the fitted model.
 */
export class AutoARIMA extends BaseForecaster<AutoArimaParams> {
  static override readonly kind: string = 'AutoARIMA';
  static override readonly paramConstraints: ParamConstraints = {
    seasonal: [{ type: 'boolean' }],
    maxP: [{ type: 'int', min: 0, max: 10 }],
    maxQ: [{ type: 'int', min: 0, max: 10 }],
    maxSP: [{ type: 'int', min: 0, max: 3 }],
    maxSQ: [{ type: 'int', min: 0, max: 3 }],
    maxD: [{ type: 'int', min: 0, max: 2 }],
    maxSD: [{ type: 'int', min: 0, max: 1 }],
    ic: [{ type: 'options', values: ['aicc', 'aic', 'bic'] }],
    approximation: [{ type: 'options', values: ['auto', true, false] }],
    method: [{ type: 'options', values: ['CSS', 'ML', 'CSS-ML'] }],
    allowDrift: [{ type: 'boolean' }],
    allowMean: [{ type: 'boolean' }],
    maxModels: [{ type: 'int', min: 1 }],
  };
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    nObs_: 'number',
    order_: 'numbers',
    constant_: 'boolean',
    ar_: 'float64',
    ma_: 'float64',
    delta_: 'float64',
    mean_: 'number',
    sigma2_: 'number',
    yTail_: 'float64',
    wTail_: 'float64',
    eTail_: 'float64',
    ic_: 'number',
  };

  /** [p, d, q, P, D, Q, m]. */
  declare order_: number[];
  declare constant_: boolean;
  declare ar_: Float64Array;
  declare ma_: Float64Array;
  declare delta_: Float64Array;
  declare mean_: number;
  declare sigma2_: number;
  declare yTail_: Float64Array;
  declare wTail_: Float64Array;
  declare eTail_: Float64Array;
  declare ic_: number;

  constructor(params: Partial<AutoArimaParams> = {}) {
    super(
      {
        seasonal: true,
        maxP: 5,
        maxQ: 5,
        maxSP: 2,
        maxSQ: 2,
        maxD: 2,
        maxSD: 1,
        ic: 'aicc',
        approximation: 'auto',
        method: 'CSS-ML',
        allowDrift: true,
        allowMean: true,
        maxModels: 94,
      },
      params,
    );
  }

  protected override minLength(): number {
    return 4;
  }

  /** A readable name such as 'ARIMA(2,0,1)(1,1,0)[24] with drift'. */
  get method_(): string {
    const [p, d, q, P, D, Q, m] = this.order_;
    const seasonal = P + D + Q > 0 ? `(${P},${D},${Q})[${m}]` : '';
    const constant = this.constant_ ? (d + D === 0 ? ' with non-zero mean' : ' with drift') : '';
    return `ARIMA(${p},${d},${q})${seasonal}${constant}`;
  }

  protected fitSeries(y: Float64Array, season: number, options: FitOptions): void {
    const p = this.params;
    const n = y.length;
    const m = p.seasonal && season > 1 ? season : 1;
    let D = 0;
    if (m > 1 && n > 2 * m && p.maxSD > 0) D = seasonalStrength(y, [m])[0] > 0.64 ? 1 : 0;
    const dx = difference(y, 0, D, m);
    const d = ndiffs(dx, p.maxD);
    const maxP = Math.min(p.maxP, Math.floor(n / 3));
    const maxQ = Math.min(p.maxQ, Math.floor(n / 3));
    const maxSP = m > 1 ? Math.min(p.maxSP, Math.floor(n / 3 / m)) : 0;
    const maxSQ = m > 1 ? Math.min(p.maxSQ, Math.floor(n / 3 / m)) : 0;
    const approximate = p.approximation === 'auto' ? n > 150 || m > 12 : p.approximation;
    const allowConstant = (p.allowDrift && d + D === 1) || (p.allowMean && d + D === 0);
    let fit: ArimaFit | null = stepwiseArima(y, {
      d,
      D,
      m,
      maxP: m > 1 && maxSP > 0 ? Math.min(maxP, m - 1) : maxP,
      maxQ: m > 1 && maxSQ > 0 ? Math.min(maxQ, m - 1) : maxQ,
      maxSP,
      maxSQ,
      allowConstant,
      ic: p.ic,
      searchMethod: approximate ? 'CSS' : p.method,
      finalMethod: p.method,
      maxModels: p.maxModels,
      signal: options.signal,
      onModel: (count) => options.onProgress?.(Math.min(0.95, count / 40), `model ${count}`),
    });
    // A last resort so a forecast always exists: the plain differenced model by CSS.
    fit ??= fitArima(y, { order: { p: 0, d, q: 0, P: 0, D, Q: 0, m }, constant: allowConstant }, 'CSS');
    if (fit === null)
      throw new MlError('TOO_FEW_ROWS', 'No ARIMA model could be fitted: the series is too short.');
    this.store(y, fit);
  }

  private store(y: Float64Array, fit: ArimaFit): void {
    const { p, d, q, P, D, Q, m } = fit.spec.order;
    this.order_ = [p, d, q, P, D, Q, m];
    this.constant_ = fit.spec.constant;
    this.ar_ = fit.ar;
    this.ma_ = fit.ma;
    this.delta_ = differencingCoefficients(d, D, m);
    this.mean_ = fit.mean;
    this.sigma2_ = fit.sigma2;
    this.yTail_ = y.slice(y.length - this.delta_.length);
    this.wTail_ = fit.w.slice(Math.max(0, fit.w.length - fit.ar.length));
    this.eTail_ = fit.residuals.slice(Math.max(0, fit.residuals.length - fit.ma.length));
    this.ic_ = fit[this.params.ic];
  }

  protected forecast(horizon: number, levels: readonly number[]): Forecast {
    return arimaForecast(
      {
        ar: this.ar_,
        ma: this.ma_,
        delta: this.delta_,
        mean: this.mean_,
        sigma2: this.sigma2_,
        yTail: this.yTail_,
        wTail: this.wTail_,
        eTail: this.eTail_,
      },
      horizon,
      levels,
    );
  }
}
