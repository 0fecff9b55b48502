/**
 * An exponential smoothing state space model ETS(error, trend, season) in the taxonomy of Hyndman, Koehler, Ord
 * & Snyder, *Forecasting with Exponential Smoothing* (Springer, 2008): additive or multiplicative errors, no,
 * additive or damped additive trend, no, additive or multiplicative season of period m.
 *
 * State vector layout (as R's `forecast::ets`): [ℓ, b?, s₀, s₁, …, s_{m−1}] with s₀ the most recent seasonal
 * state and s_{m−1} the one that applies to the next observation.
 */
export interface EtsSpec {
  error: 'A' | 'M';
  trend: 'N' | 'A';
  damped: boolean;
  season: 'N' | 'A' | 'M';
  /** Seasonal period (1 when season is 'N'). */
  m: number;
}

/** Smoothing parameters; beta = 0, gamma = 0 and phi = 1 stand for absent components. */
export interface EtsSmoothing {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

/** `ETS(M,Ad,A)` style name of a model. */
export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend}${spec.damped ? 'd' : ''},${spec.season})`;
}

export function stateLength(spec: EtsSpec): number {
  return 1 + (spec.trend !== 'N' ? 1 : 0) + (spec.season !== 'N' ? spec.m : 0);
}

/**
 * Whether the point forecasts and the variance are linear in the errors (Hyndman et al. 2008, class 1: additive
 * errors and additive components), so intervals have a closed form.
 */
export function isLinearClass(spec: EtsSpec): boolean {
  return spec.error === 'A' && spec.season !== 'M';
}
