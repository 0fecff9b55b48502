import { MlError } from '../core/errors';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { type EtsFit, fitEts } from './ets-fit';
import { etsForecast } from './ets-forecast';
import { type EtsSpec, etsName } from './ets-spec';
import { BaseForecaster, type Forecast } from './forecaster';

export interface EtsParams {
  /** Error type; 'auto' tries both (multiplicative only for positive data). */
  error: 'auto' | 'A' | 'M';
  /** Trend: none, additive, additive damped; 'auto' tries all three. */
  trend: 'auto' | 'N' | 'A' | 'Ad';
  /** Season: none, additive, multiplicative; 'auto' tries all three when the season is 2..24. */
  seasonal: 'auto' | 'N' | 'A' | 'M';
  /** Information criterion that picks the model. */
  ic: 'aicc' | 'aic' | 'bic';
  /** Most likelihood evaluations per candidate model. */
  maxEvaluations: number;
  /** Sample paths for the intervals of non-linear models. */
  nSimulations: number;
  randomState: number;
}

/**
 * Exponential smoothing state space models with automatic selection, after R's `forecast::ets` (Hyndman et al.,
 * "A state space framework for automatic forecasting using exponential smoothing methods", IJF 18, 2002): every
 * allowed combination of error × trend × season is fitted by maximum likelihood (Nelder–Mead over smoothing
 * parameters and initial states, within the admissible region) and the one with the lowest AICc is kept.
 * Forbidden as in R: additive errors with a multiplicative season; multiplicative anything for data <= 0.
 * Intervals are analytic for linear models and simulated from the seeded generator otherwise.
 */
export class ETS extends BaseForecaster<EtsParams> {
  static override readonly kind: string = 'ETS';
  static override readonly paramConstraints: ParamConstraints = {
    error: [{ type: 'options', values: ['auto', 'A', 'M'] }],
    trend: [{ type: 'options', values: ['auto', 'N', 'A', 'Ad'] }],
    seasonal: [{ type: 'options', values: ['auto', 'N', 'A', 'M'] }],
    ic: [{ type: 'options', values: ['aicc', 'aic', 'bic'] }],
    maxEvaluations: [{ type: 'int', min: 1 }],
    nSimulations: [{ type: 'int', min: 10 }],
    randomState: [{ type: 'int' }],
  };
  static override readonly stateSchema: StateSchema = {
    season_: 'number',
    nObs_: 'number',
    spec_: 'json',
    alpha_: 'number',
    beta_: 'number',
    gamma_: 'number',
    phi_: 'number',
    state_: 'float64',
    sigma2_: 'number',
    ic_: 'number',
    method_: 'string',
  };

  declare spec_: EtsSpec;
  declare alpha_: number;
  declare beta_: number;
  declare gamma_: number;
  declare phi_: number;
  /** State after the last observation: [ℓ, b?, s₀ … s_{m−1}]. */
  declare state_: Float64Array;
  declare sigma2_: number;
  /** The selected model's information criterion. */
  declare ic_: number;
  /** e.g. 'ETS(M,Ad,M)'. */
  declare method_: string;

  constructor(params: Partial<EtsParams> = {}) {
    super(
      {
        error: 'auto',
        trend: 'auto',
        seasonal: 'auto',
        ic: 'aicc',
        maxEvaluations: 2000,
        nSimulations: 1000,
        randomState: 0,
      },
      params,
    );
  }

  protected override minLength(): number {
    return 3;
  }

  /** The candidate models, in R's order. */
  candidates(y: Float64Array, season: number): EtsSpec[] {
    const { error, trend, seasonal } = this.params;
    const positive = y.every((v) => v > 0);
    const seasonOk = season > 1 && season <= 24 && y.length >= 2 * season;
    const errors = error === 'auto' ? (positive ? ['A', 'M'] : ['A']) : [error];
    const trends = trend === 'auto' ? ['N', 'A', 'Ad'] : [trend];
    const seasons = seasonal === 'auto' ? (seasonOk ? ['N', 'A', 'M'] : ['N']) : [seasonal];
    const out: EtsSpec[] = [];
    for (const e of errors)
      for (const t of trends)
        for (const s of seasons) {
          if (e === 'A' && s === 'M') continue;
          if (s !== 'N' && !seasonOk) continue;
          if ((e === 'M' || s === 'M') && !positive) continue;
          out.push({
            error: e as EtsSpec['error'],
            trend: t === 'N' ? 'N' : 'A',
            damped: t === 'Ad',
            season: s as EtsSpec['season'],
            m: s === 'N' ? 1 : season,
          });
        }
    return out;
  }

  protected fitSeries(y: Float64Array, season: number, options: FitOptions): void {
    if (isConstant(y)) {
      this.store({ error: 'A', trend: 'N', damped: false, season: 'N', m: 1 }, null, y[0]);
      return;
    }
    const candidates = this.candidates(y, season);
    if (candidates.length === 0) {
      throw new MlError(
        'INVALID_PARAMETER',
        `No ETS model fits these options and data (multiplicative terms need positive data; a season needs 2 <= m <= 24 and two full cycles).`,
      );
    }
    let best: EtsFit | null = null;
    let bestIc = Number.POSITIVE_INFINITY;
    candidates.forEach((spec, i) => {
      throwIfAborted(options.signal);
      const fit = fitEts(y, spec, { maxEvaluations: this.params.maxEvaluations, signal: options.signal });
      const ic = fit === null ? Number.POSITIVE_INFINITY : fit[this.params.ic];
      if (fit !== null && ic < bestIc) {
        best = fit;
        bestIc = ic;
      }
      options.onProgress?.((i + 1) / candidates.length, etsName(spec));
    });
    if (best === null)
      throw new MlError('TOO_FEW_ROWS', 'No ETS model could be fitted: the series is too short.');
    this.store((best as EtsFit).spec, best, bestIc);
  }

  private store(spec: EtsSpec, fit: EtsFit | null, icOrLevel: number): void {
    this.spec_ = spec;
    this.method_ = etsName(spec);
    if (fit === null) {
      // A constant series: a flat forecast with no uncertainty.
      Object.assign(this, { alpha_: 0.9999, beta_: 0, gamma_: 0, phi_: 1, sigma2_: 0, ic_: Number.NaN });
      this.state_ = Float64Array.of(icOrLevel);
      return;
    }
    this.alpha_ = fit.par.alpha;
    this.beta_ = fit.par.beta;
    this.gamma_ = fit.par.gamma;
    this.phi_ = fit.par.phi;
    this.state_ = fit.finalState;
    this.sigma2_ = fit.sigma2;
    this.ic_ = icOrLevel;
  }

  protected forecast(horizon: number, levels: readonly number[]): Forecast {
    const par = { alpha: this.alpha_, beta: this.beta_, gamma: this.gamma_, phi: this.phi_ };
    return etsForecast(this.spec_, par, this.state_, this.sigma2_, horizon, levels, {
      nPaths: this.params.nSimulations,
      seed: this.params.randomState,
    });
  }
}

function isConstant(y: Float64Array): boolean {
  for (let t = 1; t < y.length; t++) if (y[t] !== y[0]) return false;
  return true;
}
