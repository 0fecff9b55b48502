/**
 * The chi-square distribution's CDF and quantile, which FAST-MCD needs to make its covariance consistent (the
 * median of χ²ₚ) and to reweight (the 97.5% quantile of χ²ₚ). CDF(x; p) = P(p/2, x/2), the regularised lower
 * incomplete gamma function, by its series below a + 1 and its continued fraction above (Numerical Recipes §6.2),
 * both to full double precision; the quantile inverts it by bisection.
 */

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error below 1e-15). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0];
  for (let k = 1; k < 9; k++) sum += c[k] / (z + k);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularised lower incomplete gamma function P(a, x). */
function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-17; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return sum * Math.exp(logPrefix);
  }
  // Continued fraction for Q(a, x) = 1 − P(a, x), modified Lentz.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-17) break;
  }
  return 1 - Math.exp(logPrefix) * h;
}

/** P(X ≤ x) for X ~ χ² with `dof` degrees of freedom. */
export function chi2Cdf(x: number, dof: number): number {
  return gammaP(dof / 2, x / 2);
}

/** The q-quantile (0 < q < 1) of χ² with `dof` degrees of freedom (scipy's `chi2.ppf`). */
export function chi2Quantile(q: number, dof: number): number {
  let lo = 0;
  let hi = Math.max(1, dof);
  while (chi2Cdf(hi, dof) < q) hi *= 2;
  for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
    const mid = (lo + hi) / 2;
    if (chi2Cdf(mid, dof) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
