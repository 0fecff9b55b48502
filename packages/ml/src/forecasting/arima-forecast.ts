import { psiWeights } from './arima-polynomials';
import type { Forecast } from './forecaster';
import { normalIntervals } from './normal-intervals';

/** What forecasting needs from a fitted ARIMA: coefficients and the recent past. */
export interface ArimaForecastState {
  ar: Float64Array;
  ma: Float64Array;
  /** δ of (1−B)ᵈ(1−Bᵐ)ᴰ = 1 − Σ δ_k B^k. */
  delta: Float64Array;
  mean: number;
  sigma2: number;
  /** The last `delta.length` observations, the last `ar.length` centred differenced values, the last `ma.length` residuals. */
  yTail: Float64Array;
  wTail: Float64Array;
  eTail: Float64Array;
}

/**
 * Forecasts the differenced, centred series by the ARMA recursion with future shocks at 0, adds the mean back,
 * and integrates: y_{n+h} = w_{n+h} + Σ δ_k y_{n+h−k}. Intervals use the ψ-weights of the full model,
 * var_h = σ² Σ_{j<h} ψ_j².
 */
export function arimaForecast(
  state: ArimaForecastState,
  horizon: number,
  levels: readonly number[],
): Forecast {
  const { ar, ma, delta, mean, sigma2, yTail, wTail, eTail } = state;
  const w = Array.from(wTail);
  const e = Array.from(eTail);
  const y = Array.from(yTail);
  const out = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let wh = 0;
    for (let i = 0; i < ar.length; i++) wh += ar[i] * w[w.length - 1 - i];
    for (let j = 0; j < ma.length; j++) {
      const idx = e.length - 1 - j;
      if (idx >= 0) wh += ma[j] * e[idx];
    }
    w.push(wh);
    e.push(0);
    let yh = wh + mean;
    for (let k = 0; k < delta.length; k++) yh += delta[k] * y[y.length - 1 - k];
    y.push(yh);
    out[h] = yh;
  }
  const psi = psiWeights(ar, ma, delta, horizon);
  const sd = new Float64Array(horizon);
  let acc = 0;
  for (let h = 0; h < horizon; h++) {
    acc += psi[h] * psi[h];
    sd[h] = Math.sqrt(sigma2 * acc);
  }
  return { mean: out, ...normalIntervals(out, sd, levels) };
}
