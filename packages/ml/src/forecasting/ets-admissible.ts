import type { EtsSmoothing, EtsSpec } from './ets-spec';
import { rootsInsideUnitCircle } from './polynomial-roots';

/** The "usual" bounds of R's `ets`: lower and upper limits for alpha, beta, gamma, phi. */
export const ETS_LOWER = [1e-4, 1e-4, 1e-4, 0.8] as const;
export const ETS_UPPER = [0.9999, 0.9999, 0.9999, 0.98] as const;

/**
 * R's `bounds = "both"`: the usual bounds (0 < β < α < 1, 0 < γ < 1 − α, 0.8 < φ < 0.98) intersected with the
 * admissible (forecastable) region of Hyndman, Akram & Archibald, "The admissible parameter space for
 * exponential smoothing models", Ann. Inst. Stat. Math. 60 (2008) — for seasonal models the roots of the
 * characteristic polynomial must lie in the unit circle.
 */
export function etsParametersOk(spec: EtsSpec, par: EtsSmoothing): boolean {
  const { alpha, beta, gamma, phi } = par;
  const hasTrend = spec.trend !== 'N';
  const seasonal = spec.season !== 'N';
  if (alpha < ETS_LOWER[0] || alpha > ETS_UPPER[0]) return false;
  if (hasTrend && (beta < ETS_LOWER[1] || beta > alpha || beta > ETS_UPPER[1])) return false;
  if (spec.damped && (phi < ETS_LOWER[3] || phi > ETS_UPPER[3])) return false;
  if (seasonal && (gamma < ETS_LOWER[2] || gamma > 1 - alpha || gamma > ETS_UPPER[2])) return false;
  return admissible(spec, par);
}

function admissible(spec: EtsSpec, par: EtsSmoothing): boolean {
  const { alpha, gamma, phi } = par;
  const beta = spec.trend !== 'N' ? par.beta : 0;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (spec.season === 'N') {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (spec.trend !== 'N' && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  const m = spec.m;
  if (m <= 1) return true;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  // Characteristic polynomial, coefficients in increasing powers.
  const coefficients = new Float64Array(m + 2);
  coefficients[0] = phi * (1 - alpha - gamma);
  coefficients[1] = alpha + beta - alpha * phi + gamma - 1;
  for (let k = 2; k < m; k++) coefficients[k] = alpha + beta - alpha * phi;
  coefficients[m] = alpha + beta - phi;
  coefficients[m + 1] = 1;
  return rootsInsideUnitCircle(coefficients);
}
