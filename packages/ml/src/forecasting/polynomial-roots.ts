/**
 * The moduli of the complex roots of c_0 + c_1 z + … + c_d z^d (coefficients in increasing powers, as R's
 * `polyroot`), by the Aberth–Ehrlich simultaneous iteration. Trailing zero coefficients lower the degree; an
 * empty array means no roots (a constant polynomial). Used to check stationarity, invertibility and ETS
 * admissibility, where a modulus near 1 is all that matters.
 */
export function polynomialRootModuli(coefficients: ArrayLike<number>): Float64Array {
  let degree = coefficients.length - 1;
  while (degree > 0 && coefficients[degree] === 0) degree--;
  if (degree <= 0) return new Float64Array(0);
  const lead = coefficients[degree];
  const a = new Float64Array(degree + 1);
  for (let k = 0; k <= degree; k++) a[k] = coefficients[k] / lead;
  // Start on a circle of the Cauchy bound's radius, at angles that avoid symmetric stalls.
  let radius = 0;
  for (let k = 0; k < degree; k++) radius = Math.max(radius, Math.abs(a[k]));
  radius = Math.min(1 + radius, 1e6);
  const re = new Float64Array(degree);
  const im = new Float64Array(degree);
  for (let k = 0; k < degree; k++) {
    const angle = (2 * Math.PI * k) / degree + 0.4;
    re[k] = radius * Math.cos(angle);
    im[k] = radius * Math.sin(angle);
  }
  for (let iter = 0; iter < 500; iter++) {
    let maxStep = 0;
    for (let k = 0; k < degree; k++) {
      // p(z) and p'(z) by Horner.
      let pr = 1;
      let pi = 0;
      let dr = 0;
      let di = 0;
      const zr = re[k];
      const zi = im[k];
      for (let j = degree - 1; j >= 0; j--) {
        const ndr = dr * zr - di * zi + pr;
        di = dr * zi + di * zr + pi;
        dr = ndr;
        const npr = pr * zr - pi * zi + a[j];
        pi = pr * zi + pi * zr;
        pr = npr;
      }
      // ratio = p / p'
      const dd = dr * dr + di * di;
      if (dd === 0) continue;
      const rr = (pr * dr + pi * di) / dd;
      const ri = (pi * dr - pr * di) / dd;
      // sum of 1/(z_k − z_j)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < degree; j++) {
        if (j === k) continue;
        const xr = zr - re[j];
        const xi = zi - im[j];
        const xx = xr * xr + xi * xi;
        if (xx === 0) continue;
        sr += xr / xx;
        si -= xi / xx;
      }
      // w = ratio / (1 − ratio·sum)
      const denR = 1 - (rr * sr - ri * si);
      const denI = -(rr * si + ri * sr);
      const den = denR * denR + denI * denI;
      if (den === 0) continue;
      const wr = (rr * denR + ri * denI) / den;
      const wi = (ri * denR - rr * denI) / den;
      re[k] = zr - wr;
      im[k] = zi - wi;
      maxStep = Math.max(maxStep, Math.hypot(wr, wi) / Math.max(1, Math.hypot(zr, zi)));
    }
    if (maxStep < 1e-13) break;
  }
  const moduli = new Float64Array(degree);
  for (let k = 0; k < degree; k++) moduli[k] = Math.hypot(re[k], im[k]);
  return moduli;
}

/**
 * Whether every root of c_0 + c_1 z + … + c_d z^d (increasing powers, c_d ≠ 0) has modulus below 1 + tol, by
 * the Schur–Cohn step-down recursion: with a_i = c_{d−i}/c_d the reflection coefficients k_i = a_i^{(i)} must
 * satisfy |k_i| < 1, where a_j^{(i−1)} = (a_j^{(i)} − k_i·a_{i−j}^{(i)}) / (1 − k_i²). O(d²) and no iteration,
 * so it is cheap enough to run at every likelihood evaluation.
 */
export function rootsInsideUnitCircle(coefficients: ArrayLike<number>, tol = 1e-10): boolean {
  const d = coefficients.length - 1;
  const lead = coefficients[d];
  if (d <= 0) return true;
  let a = new Float64Array(d + 1);
  for (let i = 0; i <= d; i++) a[i] = coefficients[d - i] / lead;
  const limit = 1 + tol;
  for (let i = d; i >= 1; i--) {
    const k = a[i];
    if (!(Math.abs(k) < limit)) return false;
    const denom = 1 - k * k;
    if (denom <= 0) return true; // |k| = 1 within tolerance: a root on the circle, accepted as R does.
    const next = new Float64Array(i);
    for (let j = 0; j < i; j++) next[j] = (a[j] - k * a[i - j]) / denom;
    a = next;
  }
  return true;
}
