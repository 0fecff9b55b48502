import type { AbortSignalLike } from '../core/fit-options';
import { etsParametersOk } from './ets-admissible';
import { initialSmoothing, initialStates } from './ets-initial';
import { etsFilter } from './ets-recursion';
import { type EtsSmoothing, type EtsSpec, stateLength } from './ets-spec';
import { nelderMead } from './nelder-mead';

export interface EtsFitOptions {
  /** 'lik' (the default, for model selection) or 'mse' (R's `ses`/`holt` and the M4 benchmarks). */
  optCrit?: 'lik' | 'mse';
  /** Most objective evaluations of the Nelder–Mead search (R: 2000). */
  maxEvaluations?: number;
  signal?: AbortSignalLike;
}

/** A fitted ETS model: parameters, states and fit statistics as R's `ets` reports them. */
export interface EtsFit {
  spec: EtsSpec;
  par: EtsSmoothing;
  /** Full initial state [ℓ, b?, s₀ … s_{m−1}]. */
  initialState: Float64Array;
  /** State after the last observation (the forecast origin). */
  finalState: Float64Array;
  residuals: Float64Array;
  fitted: Float64Array;
  /** −2·log-likelihood up to a constant (R's `e$lik`). */
  lik: number;
  aic: number;
  aicc: number;
  bic: number;
  mse: number;
  /** Σ residuals² / (n − number of estimated values). */
  sigma2: number;
  /** Number of estimated values (smoothing parameters and free initial states). */
  nParams: number;
}

/** Appends the state that makes the m seasonal states sum to 0 (additive) or m (multiplicative). */
function fullState(spec: EtsSpec, free: Float64Array): Float64Array {
  if (spec.season === 'N') return free.slice();
  const full = new Float64Array(stateLength(spec));
  full.set(free);
  const start = spec.trend !== 'N' ? 2 : 1;
  let sum = 0;
  for (let i = start; i < free.length; i++) sum += free[i];
  full[free.length] = (spec.season === 'M' ? spec.m : 0) - sum;
  return full;
}

/**
 * Fits one ETS model by maximum likelihood (or least squares) over the smoothing parameters and the initial
 * states jointly, with R `forecast::ets`'s starting values, bounds ("both") and Nelder–Mead settings, so it
 * lands where R's `etsmodel` does. Returns null when the model cannot be fitted (too little data, or no finite
 * objective at the start).
 */
export function fitEts(y: Float64Array, spec: EtsSpec, options: EtsFitOptions = {}): EtsFit | null {
  const { optCrit = 'lik', maxEvaluations = 2000, signal } = options;
  const n = y.length;
  const start = initialSmoothing(spec);
  const names: (keyof EtsSmoothing)[] = ['alpha'];
  if (spec.trend !== 'N') names.push('beta');
  if (spec.season !== 'N') names.push('gamma');
  if (spec.damped) names.push('phi');
  const states0 = initialStates(y, spec);
  const nPar = names.length + states0.length;
  if (nPar >= n - 1) return null;
  const x0 = new Float64Array(nPar);
  names.forEach((name, i) => {
    x0[i] = start[name];
  });
  x0.set(states0, names.length);
  const nNames = names.length;
  const seasonStart = nNames + (spec.trend !== 'N' ? 2 : 1);
  const par: EtsSmoothing = { ...start };
  const readPar = (x: Float64Array) => {
    for (let i = 0; i < nNames; i++) par[names[i]] = x[i];
  };
  const objective = (x: Float64Array): number => {
    readPar(x);
    if (!etsParametersOk(spec, par)) return Number.POSITIVE_INFINITY;
    const state = fullState(spec, x.subarray(nNames));
    if (spec.season === 'M') {
      // Negative seasonal indices are not allowed.
      if (state[state.length - 1] < 0) return Number.POSITIVE_INFINITY;
      for (let i = seasonStart; i < x.length; i++) if (x[i] < 0) return Number.POSITIVE_INFINITY;
    }
    const result = etsFilter(y, spec, par, state);
    let lik = result.lik;
    if (lik < -1e10) lik = -1e10;
    if (Number.isNaN(lik)) return Number.POSITIVE_INFINITY;
    return optCrit === 'lik' ? lik : result.mse;
  };
  if (!Number.isFinite(objective(x0))) return null;
  const best = nelderMead(objective, x0, { maxEvaluations, signal });
  readPar(best.x);
  const fitted = { ...par };
  const initialState = fullState(spec, best.x.subarray(nNames));
  const residuals = new Float64Array(n);
  const fittedValues = new Float64Array(n);
  const finalState = new Float64Array(initialState.length);
  const result = etsFilter(y, spec, fitted, initialState, { residuals, fitted: fittedValues, finalState });
  if (!Number.isFinite(result.lik)) return null;
  const np = nPar + 1;
  const aic = result.lik + 2 * np;
  let sse = 0;
  for (let t = 0; t < n; t++) sse += residuals[t] * residuals[t];
  return {
    spec,
    par: fitted,
    initialState,
    finalState,
    residuals,
    fitted: fittedValues,
    lik: result.lik,
    aic,
    aicc: aic + (2 * np * (np + 1)) / (n - np - 1),
    bic: result.lik + Math.log(n) * np,
    mse: result.mse,
    sigma2: sse / (n - nPar),
    nParams: nPar,
  };
}
