/**
 * The local regression smoother inside STL (Cleveland, Cleveland, McRae & Terpenning, "STL: A seasonal-trend
 * decomposition procedure based on loess", J. Official Statistics 6, 1990): at each point a weighted constant
 * (degree 0) or line (degree 1) fitted over the `span` nearest positions with tricube weights, evaluated every
 * `jump` points and linearly interpolated in between.
 *
 * Positions are 1-based (xs = 1..n) as in the paper; arrays here are 0-based.
 */

/** The fitted value at position xs from the window [left, right] (1-based); NaN if all weights vanish. */
export function loessAt(
  y: Float64Array,
  n: number,
  span: number,
  degree: number,
  xs: number,
  left: number,
  right: number,
  robustness: Float64Array | null,
  weights: Float64Array,
): number {
  let h = Math.max(xs - left, right - xs);
  if (span > n) h += Math.floor((span - n) / 2);
  const hi = 0.999 * h;
  const lo = 0.001 * h;
  let total = 0;
  for (let j = left; j <= right; j++) {
    const r = Math.abs(j - xs);
    let w = 0;
    if (r <= hi) {
      w = r <= lo ? 1 : (1 - (r / h) ** 3) ** 3;
      if (robustness) w *= robustness[j - 1];
    }
    weights[j - 1] = w;
    total += w;
  }
  if (total <= 0) return Number.NaN;
  for (let j = left; j <= right; j++) weights[j - 1] /= total;
  if (h > 0 && degree > 0) {
    let a = 0;
    for (let j = left; j <= right; j++) a += weights[j - 1] * j;
    let c = 0;
    for (let j = left; j <= right; j++) c += weights[j - 1] * (j - a) ** 2;
    if (Math.sqrt(c) > 0.001 * (n - 1)) {
      const b = (xs - a) / c;
      for (let j = left; j <= right; j++) weights[j - 1] *= b * (j - a) + 1;
    }
  }
  let value = 0;
  for (let j = left; j <= right; j++) value += weights[j - 1] * y[j - 1];
  return value;
}

/** Smooths y[0..n) into out[0..n) (STL's `stless`). */
export function loessSmooth(
  y: Float64Array,
  n: number,
  span: number,
  degree: number,
  jump: number,
  robustness: Float64Array | null,
  out: Float64Array,
): void {
  if (n < 2) {
    out[0] = y[0];
    return;
  }
  const weights = new Float64Array(n);
  const step = Math.min(jump, n - 1);
  let left = 1;
  let right = n;
  const fit = (i: number) => {
    const v = loessAt(y, n, span, degree, i, left, right, robustness, weights);
    out[i - 1] = Number.isNaN(v) ? y[i - 1] : v;
  };
  if (span >= n) {
    for (let i = 1; i <= n; i += step) fit(i);
  } else if (step === 1) {
    const half = (span + 1) >> 1;
    right = span;
    for (let i = 1; i <= n; i++) {
      if (i > half && right !== n) {
        left++;
        right++;
      }
      fit(i);
    }
  } else {
    const half = (span + 1) >> 1;
    for (let i = 1; i <= n; i += step) {
      if (i < half) {
        left = 1;
        right = span;
      } else if (i >= n - half + 1) {
        left = n - span + 1;
        right = n;
      } else {
        left = i - half + 1;
        right = span + i - half;
      }
      fit(i);
    }
  }
  if (step === 1) return;
  for (let i = 1; i <= n - step; i += step) {
    const delta = (out[i + step - 1] - out[i - 1]) / step;
    for (let j = i + 1; j < i + step; j++) out[j - 1] = out[i - 1] + delta * (j - i);
  }
  const k = Math.floor((n - 1) / step) * step + 1;
  if (k !== n) {
    fit(n);
    if (k !== n - 1) {
      const delta = (out[n - 1] - out[k - 1]) / (n - k);
      for (let j = k + 1; j < n; j++) out[j - 1] = out[k - 1] + delta * (j - k);
    }
  }
}
