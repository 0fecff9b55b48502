import { classicalDecomposition } from './classical-decomposition';
import { seasonalityTest } from './seasonality-test';

export interface SeasonalAdjustment {
  /** The series divided by its seasonal indices (the series itself when not seasonal). */
  adjusted: Float64Array;
  /** The m multiplicative indices by cycle position (all 1 when not seasonal); position 0 is the first point. */
  indices: Float64Array;
  seasonal: boolean;
}

/**
 * The M4 organisers' deseasonalisation for Naive2, SES, Holt, Damped and Theta: when the 90% autocorrelation
 * test at lag m says the series is seasonal, divide by the indices of a classical multiplicative decomposition;
 * otherwise leave it alone. Forecasts on the adjusted scale are multiplied back with `reseasonalize`.
 */
export function m4SeasonalAdjustment(y: Float64Array, m: number): SeasonalAdjustment {
  const indices = new Float64Array(Math.max(1, m)).fill(1);
  if (m <= 1 || !seasonalityTest(y, m)) return { adjusted: y.slice(), indices, seasonal: false };
  const { figure } = classicalDecomposition(y, m, 'multiplicative');
  indices.set(figure);
  const adjusted = new Float64Array(y.length);
  for (let t = 0; t < y.length; t++) adjusted[t] = y[t] / figure[t % m];
  return { adjusted, indices, seasonal: true };
}

/**
 * Multiplies forecasts made on the adjusted scale (the `nObs` observations were followed by `values`) by the
 * seasonal index of each future position, in place.
 */
export function reseasonalize(values: Float64Array, indices: Float64Array, nObs: number): Float64Array {
  const m = indices.length;
  for (let h = 0; h < values.length; h++) values[h] *= indices[(nObs + h) % m];
  return values;
}
