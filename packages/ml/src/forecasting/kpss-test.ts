/**
 * The KPSS level-stationarity statistic (Kwiatkowski, Phillips, Schmidt & Shin 1992) with a Bartlett-window
 * long-run variance of `lags` lags, as `urca::ur.kpss(type = "mu")`. R's `ndiffs` uses
 * lags = ⌊3√n / 13⌋ and differences while the statistic exceeds the 5% critical value 0.463.
 */
export function kpssStatistic(x: Float64Array, lags = Math.trunc((3 * Math.sqrt(x.length)) / 13)): number {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v;
  mean /= n;
  const e = x.map((v) => v - mean);
  let partial = 0;
  let eta = 0;
  for (let t = 0; t < n; t++) {
    partial += e[t];
    eta += partial * partial;
  }
  eta /= n * n;
  let s2 = 0;
  for (let t = 0; t < n; t++) s2 += e[t] * e[t];
  s2 /= n;
  for (let k = 1; k <= lags; k++) {
    let cov = 0;
    for (let t = k; t < n; t++) cov += e[t] * e[t - k];
    s2 += (2 * (1 - k / (lags + 1)) * cov) / n;
  }
  return eta / s2;
}

export const KPSS_CRITICAL_5 = 0.463;

function isConstant(x: Float64Array): boolean {
  for (let t = 1; t < x.length; t++) if (x[t] !== x[0]) return false;
  return true;
}

/** The number of first differences that make x level-stationary by the 5% KPSS test (R's `ndiffs`). */
export function ndiffs(x: Float64Array, maxD = 2): number {
  let d = 0;
  let series = x;
  if (isConstant(series)) return 0;
  while (d < maxD && kpssStatistic(series) > KPSS_CRITICAL_5) {
    d++;
    series = series.subarray(1).map((v, t) => v - series[t]);
    if (isConstant(series) || series.length < 3) return d;
  }
  return d;
}
