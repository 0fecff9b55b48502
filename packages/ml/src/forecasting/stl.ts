import { MlError } from '../core/errors';
import { loessAt, loessSmooth } from './loess-smooth';

export interface StlOptions {
  /** Seasonal smoothing span (odd, >= 7), or 'periodic' for a fixed seasonal pattern. */
  seasonalWindow: number | 'periodic';
  seasonalDegree?: 0 | 1;
  trendWindow?: number;
  trendDegree?: 0 | 1;
  lowPassWindow?: number;
  /** Robust fitting (15 outer iterations with bisquare weights), as R's `stl(robust = TRUE)`. */
  robust?: boolean;
}

export interface StlResult {
  seasonal: Float64Array;
  trend: Float64Array;
  remainder: Float64Array;
}

const nextOdd = (x: number) => {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
};

/**
 * Seasonal-trend decomposition by loess (Cleveland et al. 1990), with the defaults of R's `stl`: the inner loop
 * smooths each cycle-subseries (extended one period at both ends), removes its low-pass part, and smooths the
 * deseasonalised series for the trend; `periodic` replaces the seasonal part by its cycle means.
 */
export function stl(y: Float64Array, period: number, options: StlOptions): StlResult {
  const n = y.length;
  if (!Number.isInteger(period) || period < 2 || n <= 2 * period) {
    throw new MlError(
      'TOO_FEW_ROWS',
      `STL needs a period >= 2 and more than two full periods (${2 * period} points); got period ${period} and ${n} points.`,
    );
  }
  const periodic = options.seasonalWindow === 'periodic';
  const ns = periodic ? 10 * n + 1 : nextOdd(Math.max(3, options.seasonalWindow as number));
  const isdeg = periodic ? 0 : (options.seasonalDegree ?? 0);
  const nt = options.trendWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / ns)));
  const itdeg = options.trendDegree ?? 1;
  const nl = options.lowPassWindow ?? nextOdd(period);
  const robust = options.robust ?? false;
  const inner = robust ? 1 : 2;
  const outer = robust ? 15 : 0;
  const jumps = { s: Math.ceil(ns / 10), t: Math.ceil(nt / 10), l: Math.ceil(nl / 10) };
  const seasonal = new Float64Array(n);
  const trend = new Float64Array(n);
  let rw: Float64Array | null = null;
  for (let pass = 0; pass <= outer; pass++) {
    for (let it = 0; it < inner; it++) {
      innerStep(y, period, ns, isdeg, nt, itdeg, nl, itdeg, jumps, rw, seasonal, trend);
    }
    if (pass < outer) rw = robustnessWeights(y, seasonal, trend);
  }
  if (periodic) {
    const sums = new Float64Array(period);
    const counts = new Float64Array(period);
    for (let t = 0; t < n; t++) {
      sums[t % period] += seasonal[t];
      counts[t % period]++;
    }
    for (let t = 0; t < n; t++) seasonal[t] = sums[t % period] / counts[t % period];
  }
  const remainder = new Float64Array(n);
  for (let t = 0; t < n; t++) remainder[t] = y[t] - seasonal[t] - trend[t];
  return { seasonal, trend, remainder };
}

function innerStep(
  y: Float64Array,
  np: number,
  ns: number,
  isdeg: number,
  nt: number,
  itdeg: number,
  nl: number,
  ildeg: number,
  jumps: { s: number; t: number; l: number },
  rw: Float64Array | null,
  seasonal: Float64Array,
  trend: Float64Array,
): void {
  const n = y.length;
  const detrended = new Float64Array(n);
  for (let i = 0; i < n; i++) detrended[i] = y[i] - trend[i];
  // Cycle-subseries smoothing, extended by one value at each end: c has n + 2·np values.
  const c = new Float64Array(n + 2 * np);
  for (let j = 0; j < np; j++) {
    const k = Math.floor((n - j - 1) / np) + 1;
    const sub = new Float64Array(k);
    const subRw = rw ? new Float64Array(k) : null;
    for (let i = 0; i < k; i++) {
      sub[i] = detrended[i * np + j];
      if (subRw && rw) subRw[i] = rw[i * np + j];
    }
    const smooth = new Float64Array(k + 2);
    const inner = new Float64Array(k);
    loessSmooth(sub, k, ns, isdeg, jumps.s, subRw, inner);
    smooth.set(inner, 1);
    const weights = new Float64Array(k);
    const first = loessAt(sub, k, ns, isdeg, 0, 1, Math.min(ns, k), subRw, weights);
    smooth[0] = Number.isNaN(first) ? smooth[1] : first;
    const last = loessAt(sub, k, ns, isdeg, k + 1, Math.max(1, k - ns + 1), k, subRw, weights);
    smooth[k + 1] = Number.isNaN(last) ? smooth[k] : last;
    for (let i = 0; i < k + 2; i++) c[i * np + j] = smooth[i];
  }
  // Low-pass filter: moving averages of length np, np, 3, then loess.
  const low = movingAverage(movingAverage(movingAverage(c, np), np), 3);
  const lowSmooth = new Float64Array(n);
  loessSmooth(low, n, nl, ildeg, jumps.l, null, lowSmooth);
  const deseasonalised = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    seasonal[i] = c[np + i] - lowSmooth[i];
    deseasonalised[i] = y[i] - seasonal[i];
  }
  loessSmooth(deseasonalised, n, nt, itdeg, jumps.t, rw, trend);
}

function movingAverage(x: Float64Array, len: number): Float64Array {
  const out = new Float64Array(x.length - len + 1);
  let sum = 0;
  for (let i = 0; i < len; i++) sum += x[i];
  out[0] = sum / len;
  for (let i = 1; i < out.length; i++) {
    sum += x[i + len - 1] - x[i - 1];
    out[i] = sum / len;
  }
  return out;
}

/** Bisquare weights of the residuals scaled by 6 × their median absolute value. */
function robustnessWeights(y: Float64Array, seasonal: Float64Array, trend: Float64Array): Float64Array {
  const n = y.length;
  const abs = new Float64Array(n);
  for (let i = 0; i < n; i++) abs[i] = Math.abs(y[i] - seasonal[i] - trend[i]);
  const sorted = abs.slice().sort();
  const mid = n >> 1;
  const median = n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const h = 6 * median;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = h === 0 ? 0 : abs[i] / h;
    out[i] = u <= 0.001 ? 1 : u <= 0.999 ? (1 - u * u) ** 2 : 0;
  }
  return out;
}
