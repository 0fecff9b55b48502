import type { AbortSignalLike } from '../core/fit-options';
import { minimizeLbfgs } from '../optimize/lbfgs';
import { armaKalman } from './arima-kalman';
import { type ArimaOrder, difference, expandAr, expandMa } from './arima-polynomials';
import { rootsInsideUnitCircle } from './polynomial-roots';

export interface ArimaSpec {
  order: ArimaOrder;
  /** A mean (d + D = 0) or drift (d + D = 1) term. */
  constant: boolean;
}

export interface ArimaFit {
  spec: ArimaSpec;
  /** Full AR (a₁…) and MA (b₁…) coefficients after multiplying out the seasonal factors. */
  ar: Float64Array;
  ma: Float64Array;
  /** Non-seasonal and seasonal coefficients as estimated. */
  coef: { phi: Float64Array; theta: Float64Array; sphi: Float64Array; stheta: Float64Array };
  /** Mean of the differenced series (the drift when d + D = 1). */
  mean: number;
  sigma2: number;
  /** The information criterion (R's `myarima`: CSS uses n·log σ² in place of −2 log L). */
  aic: number;
  aicc: number;
  bic: number;
  /** Differenced series minus its mean, and the one-step residuals (conditional recursion). */
  w: Float64Array;
  residuals: Float64Array;
}

export type ArimaMethod = 'CSS' | 'ML' | 'CSS-ML';

/** R's `partrans`: maps unconstrained values to a stationary AR polynomial through tanh'd partial autocorrelations. */
export function arTransform(raw: Float64Array): Float64Array {
  const p = raw.length;
  const out = raw.map(Math.tanh);
  const work = out.slice();
  for (let j = 1; j < p; j++) {
    const a = out[j];
    for (let k = 0; k < j; k++) work[k] -= a * out[j - k - 1];
    for (let k = 0; k < j; k++) out[k] = work[k];
  }
  return out;
}

/** The inverse of `arTransform` (Durbin–Levinson run backwards), for a stationary AR polynomial. */
export function arInverseTransform(phi: Float64Array): Float64Array {
  const p = phi.length;
  const out = phi.slice();
  const work = phi.slice();
  for (let j = p - 1; j > 0; j--) {
    const a = out[j];
    for (let k = 0; k < j; k++) work[k] = (out[k] + a * out[j - k - 1]) / (1 - a * a);
    for (let k = 0; k < j; k++) out[k] = work[k];
  }
  return out.map((v) => Math.atanh(Math.max(-0.9999, Math.min(0.9999, v))));
}

/** Conditional sum of squares: residuals by the ARMA recursion, the first `ar.length` set to 0. */
export function cssResiduals(w: Float64Array, ar: Float64Array, ma: Float64Array, out: Float64Array) {
  const ncond = ar.length;
  let ssq = 0;
  for (let t = 0; t < w.length; t++) {
    if (t < ncond) {
      out[t] = 0;
      continue;
    }
    let e = w[t];
    for (let i = 0; i < ar.length; i++) e -= ar[i] * w[t - i - 1];
    const qmax = Math.min(ma.length, t);
    for (let j = 0; j < qmax; j++) e -= ma[j] * out[t - j - 1];
    out[t] = e;
    ssq += e * e;
  }
  return { ssq, nUsed: w.length - ncond };
}

/** Whether all roots of 1 − Σ aₖzᵏ (sign −1) or 1 + Σ bₖzᵏ (sign +1) lie outside the circle |z| = radius. */
export function rootsOutside(coef: Float64Array, sign: 1 | -1, radius = 1): boolean {
  let last = coef.length;
  while (last > 0 && Math.abs(coef[last - 1]) <= 1e-8) last--;
  if (last === 0) return true;
  // Roots of p(z) outside |z| = ρ ⇔ roots of the reversed p(ρu) inside the unit circle.
  const reversed = new Float64Array(last + 1);
  for (let k = 0; k <= last; k++) reversed[last - k] = (k === 0 ? 1 : sign * coef[k - 1]) * radius ** k;
  return rootsInsideUnitCircle(reversed, 0);
}

/**
 * Fits ARIMA(p,d,q)(P,D,Q)_m to y: the series is differenced, then the ARMA coefficients (and the mean of the
 * differenced series) are estimated by conditional sum of squares ('CSS'), exact Gaussian likelihood by the
 * Kalman filter ('ML', AR parts kept stationary by R's partial-autocorrelation transform), or CSS as the start
 * of ML ('CSS-ML', R's default). Returns null when the fit fails (non-stationary start, non-finite likelihood).
 */
export function fitArima(
  y: Float64Array,
  spec: ArimaSpec,
  method: ArimaMethod,
  signal?: AbortSignalLike,
): ArimaFit | null {
  const { p, d, q, P, D, Q, m } = spec.order;
  const raw = difference(y, d, D, m);
  const n = raw.length;
  const k = p + q + P + Q;
  const withMean = spec.constant;
  let mu0 = 0;
  if (withMean) {
    for (const v of raw) mu0 += v;
    mu0 /= n;
  }
  let sd = 0;
  for (const v of raw) sd += (v - mu0) ** 2;
  sd = Math.sqrt(sd / Math.max(1, n - 1)) || 1;
  const muScale = (sd / Math.sqrt(n)) * 10;
  const nPar = k + (withMean ? 1 : 0);
  if (n - (p + P * m) <= nPar + 1) return null;
  const split = (x: Float64Array, transform: boolean) => {
    let phi = x.subarray(0, p);
    const theta = x.subarray(p, p + q);
    let sphi = x.subarray(p + q, p + q + P);
    const stheta = x.subarray(p + q + P, k);
    if (transform) {
      phi = arTransform(phi);
      sphi = arTransform(sphi);
    }
    const mean = withMean ? mu0 + muScale * x[k] : 0;
    return { phi, theta, sphi, stheta, mean };
  };
  const w = new Float64Array(n);
  const resid = new Float64Array(n);
  const centre = (mean: number) => {
    for (let t = 0; t < n; t++) w[t] = raw[t] - mean;
  };
  const css = (x: Float64Array) => {
    const c = split(x, false);
    centre(c.mean);
    const { ssq, nUsed } = cssResiduals(w, expandAr(c.phi, c.sphi, m), expandMa(c.theta, c.stheta, m), resid);
    return 0.5 * Math.log(ssq / nUsed);
  };
  const ml = (x: Float64Array) => {
    const c = split(x, true);
    centre(c.mean);
    const result = armaKalman(w, expandAr(c.phi, c.sphi, m), expandMa(c.theta, c.stheta, m));
    if (result === null) return Number.POSITIVE_INFINITY;
    return 0.5 * (Math.log(result.ssq / result.nUsed) + result.sumLog / result.nUsed);
  };
  let x: Float64Array = new Float64Array(nPar);
  if (method !== 'ML') {
    x = minimise(css, x, signal, true);
    if (!Number.isFinite(css(x))) return null;
  }
  let transformed = false;
  if (method !== 'CSS') {
    const c = split(x, false);
    if (!rootsOutside(c.phi, -1) || !rootsOutside(c.sphi, -1)) {
      if (method === 'CSS-ML') return null; // R: "non-stationary AR part from CSS"
    }
    const start = x.slice();
    start.set(arInverseTransform(c.phi), 0);
    start.set(arInverseTransform(c.sphi), p + q);
    x = minimise(ml, start, signal, false);
    transformed = true;
  }
  const c = split(x, transformed);
  const ar = expandAr(c.phi, c.sphi, m);
  const ma = expandMa(c.theta, c.stheta, m);
  centre(c.mean);
  const { ssq, nUsed } = cssResiduals(w, ar, ma, resid);
  let minus2LogLik: number;
  let sigma2: number;
  const npar = nPar + 1;
  if (transformed) {
    const kal = armaKalman(w, ar, ma);
    if (kal === null) return null;
    sigma2 = kal.ssq / kal.nUsed;
    minus2LogLik = kal.nUsed * Math.log(2 * Math.PI * sigma2) + kal.sumLog + kal.nUsed;
  } else {
    sigma2 = ssq / nUsed;
    minus2LogLik = n * Math.log(sigma2);
  }
  if (!Number.isFinite(minus2LogLik)) return null;
  const aic = minus2LogLik + 2 * npar;
  return {
    spec,
    ar,
    ma,
    coef: { phi: c.phi.slice(), theta: c.theta.slice(), sphi: c.sphi.slice(), stheta: c.stheta.slice() },
    mean: c.mean,
    sigma2: ssq / Math.max(1, n - npar + 1),
    aic,
    aicc: aic + (2 * npar * (npar + 1)) / (n - npar - 1),
    bic: aic + npar * (Math.log(n) - 2),
    w: w.slice(),
    residuals: resid.slice(),
  };
}

/**
 * L-BFGS with finite-difference gradients (R's `optim(method = "BFGS")` also differentiates numerically):
 * central differences for the cheap CSS objective, forward differences for the likelihood, whose every
 * evaluation runs a Kalman filter.
 */
function minimise(
  fn: (x: Float64Array) => number,
  x0: Float64Array,
  signal: AbortSignalLike | undefined,
  central: boolean,
): Float64Array {
  if (x0.length === 0) return x0;
  const h = 1e-4;
  const result = minimizeLbfgs(
    (x, grad) => {
      const f = fn(x);
      if (!Number.isFinite(f)) {
        grad.fill(0);
        return 1e10;
      }
      const probe = x.slice();
      for (let i = 0; i < x.length; i++) {
        probe[i] = x[i] + h;
        const up = fn(probe);
        probe[i] = x[i] - h;
        const down = central ? fn(probe) : f;
        probe[i] = x[i];
        grad[i] = Number.isFinite(up) && Number.isFinite(down) ? (up - down) / (central ? 2 * h : h) : 0;
      }
      return f;
    },
    x0,
    central
      ? { maxIter: 50, gtol: 1e-5, ftol: 1e-9, signal }
      : { maxIter: 15, gtol: 1e-4, ftol: 1e-8, signal },
  );
  return result.x;
}
