import { MlError } from '../core/errors';

/** Platt's sigmoid P(y = 1 | f) = 1 / (1 + exp(a·f + b)). */
export interface SigmoidParams {
  a: number;
  b: number;
}

/** log(1 + eᶻ) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * 1 / (1 + eᶻ), the sigmoid's probability, computed as SciPy's `expit(−z)` (e^z may overflow to Infinity, which
 * correctly gives 0).
 */
export function sigmoidProbability(z: number): number {
  return 1 / (1 + Math.exp(z));
}

/**
 * Fits Platt's sigmoid to scores `predictions` and binary outcomes `y` (positive when y > 0), as scikit-learn's
 * `_sigmoid_calibration`: the targets are regularised to t₊ = (N₊ + 1)/(N₊ + 2) and t₋ = 1/(N₋ + 2) (Platt 1999,
 * §2.2), which keeps a perfectly separated calibration set from giving infinite slopes, and the start is
 * a = 0, b = log((N₋ + 1)/(N₊ + 1)). The weighted cross-entropy is convex in (a, b); it is minimised by Newton's
 * method with a backtracking line search (Lin, Lin & Weng 2007, "A note on Platt's probabilistic outputs for
 * support vector machines") to a gradient of 1e-12 per unit of weight, so the result is the exact optimum, where
 * scikit-learn 1.2's BFGS (gtol 1e-5) stops close to it.
 */
export function sigmoidCalibration(
  predictions: Float64Array,
  y: ArrayLike<number>,
  sampleWeight?: Float64Array,
): SigmoidParams {
  const n = predictions.length;
  const w = (i: number) => (sampleWeight === undefined ? 1 : sampleWeight[i]);
  let prior0 = 0;
  let prior1 = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(predictions[i])) {
      throw new MlError('INPUT_HAS_NAN', `sigmoidCalibration got a non-finite score at row ${i}.`);
    }
    if (y[i] > 0) prior1 += w(i);
    else prior0 += w(i);
  }
  const hi = (prior1 + 1) / (prior1 + 2);
  const lo = 1 / (prior0 + 2);
  const t = Float64Array.from({ length: n }, (_, i) => (y[i] > 0 ? hi : lo));
  const loss = (a: number, b: number) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const z = a * predictions[i] + b;
      total += w(i) * (t[i] * softplus(z) + (1 - t[i]) * softplus(-z));
    }
    return total;
  };
  let a = 0;
  let b = Math.log((prior0 + 1) / (prior1 + 1));
  let value = loss(a, b);
  const tolerance = 1e-12 * Math.max(1, prior0 + prior1);
  for (let iteration = 0; iteration < 100; iteration++) {
    // Gradient and Hessian of Σ w·[t·softplus(z) + (1 − t)·softplus(−z)], z = a·f + b.
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (let i = 0; i < n; i++) {
      const f = predictions[i];
      const p = sigmoidProbability(a * f + b);
      const d = w(i) * (t[i] - p);
      const h = w(i) * p * (1 - p);
      ga += d * f;
      gb += d;
      haa += h * f * f;
      hab += h * f;
      hbb += h;
    }
    if (Math.max(Math.abs(ga), Math.abs(gb)) <= tolerance) break;
    const det = haa * hbb - hab * hab;
    const da = -(hbb * ga - hab * gb) / det;
    const db = -(-hab * ga + haa * gb) / det;
    const slope = ga * da + gb * db;
    let step = 1;
    while (step >= 1e-10) {
      const candidate = loss(a + step * da, b + step * db);
      if (candidate <= value + 1e-4 * step * slope) {
        a += step * da;
        b += step * db;
        value = candidate;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break; // no further decrease is representable
  }
  return { a, b };
}
