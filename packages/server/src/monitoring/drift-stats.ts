/**
 * The statistics of drift monitoring, as pure functions over plain arrays (no I/O, deterministic):
 * population stability index, two-sample Kolmogorov–Smirnov and the chi-square test of homogeneity.
 */

const EPS = 1e-4;

/**
 * Population stability index Σ (c − r)·ln(c / r) over bins, on bin shares (a share of 0 is taken as EPS so
 * an empty bin does not make it infinite). Rule of thumb: < 0.1 stable, 0.1–0.2 moderate, > 0.2 large.
 */
export function psi(reference: readonly number[], current: readonly number[]): number {
  const rTotal = reference.reduce((a, b) => a + b, 0);
  const cTotal = current.reduce((a, b) => a + b, 0);
  if (rTotal === 0 || cTotal === 0) return 0;
  let sum = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i] / rTotal, EPS);
    const c = Math.max(current[i] / cTotal, EPS);
    sum += (c - r) * Math.log(c / r);
  }
  return sum;
}

/** Up to `bins` − 1 interior cut points at the reference's quantiles (ties merged). */
export function quantileEdges(sortedReference: Float64Array, bins = 10): number[] {
  const edges: number[] = [];
  const n = sortedReference.length;
  if (n === 0) return edges;
  for (let k = 1; k < bins; k++) {
    const v = sortedReference[Math.min(n - 1, Math.floor((k * n) / bins))];
    if (edges.length === 0 || v > edges[edges.length - 1]) edges.push(v);
  }
  return edges;
}

/** Counts per bin: bin i holds values < edges[i] (and ≥ edges[i−1]); the last bin is for missing values. */
export function binCounts(values: Float64Array, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 2).fill(0);
  for (const v of values) {
    if (Number.isNaN(v)) {
      counts[edges.length + 1]++;
      continue;
    }
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v < edges[mid]) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]++;
  }
  return counts;
}

/** Two-sample Kolmogorov–Smirnov on sorted samples (no NaN): the statistic D and its asymptotic p-value. */
export function ksTest(a: Float64Array, b: Float64Array): { statistic: number; pValue: number } {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { statistic: 0, pValue: 1 };
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const x = Math.min(a[i], b[j]);
    while (i < n && a[i] <= x) i++;
    while (j < m && b[j] <= x) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  const ne = Math.sqrt((n * m) / (n + m));
  return { statistic: d, pValue: kolmogorovQ((ne + 0.12 + 0.11 / ne) * d) };
}

/** P(K > λ) of the Kolmogorov distribution (Numerical Recipes' series). */
function kolmogorovQ(lambda: number): number {
  if (lambda < 1e-3) return 1;
  let sum = 0;
  let sign = 1;
  for (let k = 1; k <= 100; k++) {
    const term = sign * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-10) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * Chi-square test that two samples of categories come from one distribution (a 2 × k table of counts), with
 * Cramér's V as its size: significance alone says little once thousands of rows are logged.
 */
export function chiSquareTest(
  reference: readonly number[],
  current: readonly number[],
): { statistic: number; df: number; pValue: number; cramersV: number } {
  const rTotal = reference.reduce((a, b) => a + b, 0);
  const cTotal = current.reduce((a, b) => a + b, 0);
  const total = rTotal + cTotal;
  let statistic = 0;
  let used = 0;
  for (let i = 0; i < reference.length; i++) {
    const col = reference[i] + current[i];
    if (col === 0) continue;
    used++;
    const er = (col * rTotal) / total;
    const ec = (col * cTotal) / total;
    statistic += (reference[i] - er) ** 2 / er + (current[i] - ec) ** 2 / ec;
  }
  const df = Math.max(used - 1, 1);
  if (rTotal === 0 || cTotal === 0 || used < 2) return { statistic: 0, df, pValue: 1, cramersV: 0 };
  return { statistic, df, pValue: gammaQ(df / 2, statistic / 2), cramersV: Math.sqrt(statistic / total) };
}

/** Regularized upper incomplete gamma Q(a, x) (series below a + 1, continued fraction above). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lnPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-14) break;
    }
    return Math.max(0, 1 - sum * Math.exp(lnPrefix));
  }
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return Math.min(1, Math.exp(lnPrefix) * h);
}

/** ln Γ(x) by the Lanczos approximation (g = 7, n = 9). */
function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let a = g[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += g[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}
