import { exp } from '../../core/exp';

/**
 * The losses gradient boosting minimises, in scikit-learn's `_loss` conventions ("half" losses, so the gradient of
 * the squared error is just the residual). Shapes, for n rows and K trees per iteration:
 *
 *   y     Float64Array(n)          the target (a class index, as a number, for classifiers)
 *   w     Float64Array(n) | null   sample weights (null: all 1)
 *   raw   Float64Array(K·n)        raw predictions, class-major: raw[k·n + i]
 *   gh    Float32Array(2·K·n)      gradients and hessians interleaved: gh[2(k·n + i)], gh[2(k·n + i) + 1]
 *
 * Gradients are float32 like scikit-learn's, which is enough for the histogram sums and halves their memory. They
 * take e^x from core/exp.ts, four times faster than `Math.exp` and as accurate.
 */
export interface BoostingLoss {
  readonly nTreesPerIteration: number;
  /** Without sample weights every hessian is 1 (squared and absolute error): histograms then skip hessians. */
  readonly unitHessian: boolean;
  /** An upper bound on one unweighted row's hessian, if there is one (1/4 for the log losses). */
  readonly maxRowHessian?: number;
  /** The best constant raw prediction per tree (the model before the first tree). */
  baseline(y: Float64Array, w: Float64Array | null): Float64Array;
  /** Names the loss so that another thread can make the same one (`lossByName`). */
  readonly name: string;
  /** Gradients and hessians of the rows `[start, end)` (all rows by default) at the raw predictions, into `gh`. */
  gradients(
    y: Float64Array,
    w: Float64Array | null,
    raw: Float64Array,
    gh: Float32Array,
    start?: number,
    end?: number,
  ): void;
  /** The (weighted) mean loss, for early stopping. */
  meanLoss(y: Float64Array, w: Float64Array | null, raw: Float64Array): number;
  /** Absolute error only: a leaf's Newton value is replaced by the (weighted) median residual of its rows. */
  refitLeaf?(y: Float64Array, w: Float64Array | null, raw: Float64Array, rows: Int32Array): number;
  /** From a raw prediction to the target's scale (identity, or exp for the log link). */
  inverseLink(raw: number): number;
}

export type RegressionLoss = 'squared_error' | 'absolute_error' | 'poisson';

// scikit-learn clips the mean of y away from the edges of the link's domain by these margins.
const EPS = 2.220446049250313e-16;

function weightedMean(values: Float64Array, w: Float64Array | null): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const wi = w === null ? 1 : w[i];
    sum += wi * values[i];
    total += wi;
  }
  return sum / total;
}

/**
 * The median (NumPy's: the mean of the two middle values for an even count) without weights; with weights,
 * scikit-learn's lower weighted percentile: the smallest value whose cumulative weight reaches half the total.
 */
export function weightedMedian(values: Float64Array, w: Float64Array | null): number {
  const n = values.length;
  if (w === null) {
    const sorted = Float64Array.from(values).sort();
    const mid = n >> 1;
    return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b]);
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i];
  const half = 0.5 * total;
  let cumulative = 0;
  for (let r = 0; r < n; r++) {
    cumulative += w[order[r]];
    if (cumulative >= half) return values[order[r]];
  }
  return values[order[n - 1]];
}

function meanOf(pointLoss: (yi: number, raw: number) => number) {
  return (y: Float64Array, w: Float64Array | null, raw: Float64Array): number => {
    let sum = 0;
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      const wi = w === null ? 1 : w[i];
      sum += wi * pointLoss(y[i], raw[i]);
      total += wi;
    }
    return sum / total;
  };
}

const identity = (raw: number) => raw;

/** Half squared error ½(raw − y)²: gradient raw − y, hessian 1. */
const squaredError: BoostingLoss = {
  name: 'squared_error',
  nTreesPerIteration: 1,
  unitHessian: true,
  baseline: (y, w) => Float64Array.of(weightedMean(y, w)),
  gradients(y, w, raw, gh, start = 0, end = y.length) {
    for (let i = start; i < end; i++) {
      const wi = w === null ? 1 : w[i];
      gh[2 * i] = wi * (raw[i] - y[i]);
      gh[2 * i + 1] = wi;
    }
  },
  meanLoss: meanOf((yi, r) => 0.5 * (r - yi) * (r - yi)),
  inverseLink: identity,
};

/** Absolute error |y − raw|: gradient ±1, hessian 1; leaves are re-fitted to the median residual. */
const absoluteError: BoostingLoss = {
  name: 'absolute_error',
  nTreesPerIteration: 1,
  unitHessian: true,
  baseline: (y, w) => Float64Array.of(weightedMedian(y, w)),
  gradients(y, w, raw, gh, start = 0, end = y.length) {
    for (let i = start; i < end; i++) {
      const wi = w === null ? 1 : w[i];
      gh[2 * i] = raw[i] > y[i] ? wi : -wi;
      gh[2 * i + 1] = wi;
    }
  },
  meanLoss: meanOf((yi, r) => Math.abs(yi - r)),
  refitLeaf(y, w, raw, rows) {
    const residuals = new Float64Array(rows.length);
    const weights = w === null ? null : new Float64Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      residuals[r] = y[rows[r]] - raw[rows[r]];
      if (weights !== null) weights[r] = w![rows[r]];
    }
    return weightedMedian(residuals, weights);
  },
  inverseLink: identity,
};

/** Half Poisson deviance with a log link, exp(raw) − y·raw: gradient exp(raw) − y, hessian exp(raw). */
const poisson: BoostingLoss = {
  name: 'poisson',
  nTreesPerIteration: 1,
  unitHessian: false,
  baseline: (y, w) => Float64Array.of(Math.log(Math.max(weightedMean(y, w), 10 * EPS))),
  gradients(y, w, raw, gh, start = 0, end = y.length) {
    for (let i = start; i < end; i++) {
      const wi = w === null ? 1 : w[i];
      const mu = exp(raw[i]);
      gh[2 * i] = wi * (mu - y[i]);
      gh[2 * i + 1] = wi * mu;
    }
  },
  meanLoss: meanOf((yi, r) => Math.exp(r) - yi * r),
  inverseLink: Math.exp,
};

export const REGRESSION_LOSSES: Readonly<Record<RegressionLoss, BoostingLoss>> = {
  squared_error: squaredError,
  absolute_error: absoluteError,
  poisson,
};

/** log(1 + eˣ) without overflow. */
function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Binary log loss with the logit link, log(1 + e^raw) − y·raw: with p = σ(raw), gradient p − y and hessian
 * p(1 − p), written through e^(−raw) as scikit-learn does.
 */
export const binomialLoss: BoostingLoss = {
  name: 'binomial',
  nTreesPerIteration: 1,
  unitHessian: false,
  maxRowHessian: 0.25,
  baseline(y, w) {
    const p = Math.min(Math.max(weightedMean(y, w), 10 * EPS), 1 - 10 * EPS);
    return Float64Array.of(Math.log(p / (1 - p)));
  },
  gradients(y, w, raw, gh, start = 0, end = y.length) {
    for (let i = start; i < end; i++) {
      const wi = w === null ? 1 : w[i];
      const e = exp(-raw[i]);
      // Multiplied by the weight last, in scikit-learn's order, so the float32 values agree bit for bit.
      gh[2 * i] = wi * ((1 - y[i] - y[i] * e) / (1 + e));
      gh[2 * i + 1] = wi * (e / ((1 + e) * (1 + e)));
    }
  },
  meanLoss: meanOf((yi, r) => log1pExp(r) - yi * r),
  inverseLink: (raw) => 1 / (1 + Math.exp(-raw)),
};

/**
 * Multinomial log loss with the softmax link, one tree per class and iteration: with p = softmax(raw), gradient
 * p_k − [y = k] and hessian p_k(1 − p_k). The baseline is the symmetric logit of the class priors
 * (log p_k − mean log p), as in scikit-learn.
 */
export function multinomialLoss(nClasses: number): BoostingLoss {
  const K = nClasses;
  const p = new Float64Array(K);
  return {
    name: `multinomial:${K}`,
    nTreesPerIteration: K,
    unitHessian: false,
    maxRowHessian: 0.25,
    baseline(y, w) {
      const out = new Float64Array(K);
      let sumLog = 0;
      for (let k = 0; k < K; k++) {
        const indicator = Float64Array.from(y, (yi) => (yi === k ? 1 : 0));
        out[k] = Math.log(Math.min(Math.max(weightedMean(indicator, w), EPS), 1 - EPS));
        sumLog += out[k];
      }
      const meanLog = sumLog / K;
      for (let k = 0; k < K; k++) out[k] -= meanLog;
      return out;
    },
    gradients(y, w, raw, gh, start = 0, end = y.length) {
      const n = y.length;
      for (let i = start; i < end; i++) {
        const wi = w === null ? 1 : w[i];
        let max = raw[i];
        for (let k = 1; k < K; k++) if (raw[k * n + i] > max) max = raw[k * n + i];
        let sum = 0;
        for (let k = 0; k < K; k++) sum += p[k] = exp(raw[k * n + i] - max);
        for (let k = 0; k < K; k++) {
          const pk = p[k] / sum;
          const j = 2 * (k * n + i);
          gh[j] = wi * (pk - (y[i] === k ? 1 : 0));
          gh[j + 1] = wi * (pk * (1 - pk));
        }
      }
    },
    meanLoss(y, w, raw) {
      const n = y.length;
      let total = 0;
      let weight = 0;
      for (let i = 0; i < n; i++) {
        let max = raw[i];
        for (let k = 1; k < K; k++) if (raw[k * n + i] > max) max = raw[k * n + i];
        let sum = 0;
        for (let k = 0; k < K; k++) sum += Math.exp(raw[k * n + i] - max);
        const wi = w === null ? 1 : w[i];
        total += wi * (max + Math.log(sum) - raw[y[i] * n + i]);
        weight += wi;
      }
      return total / weight;
    },
    inverseLink: identity,
  };
}

/** The loss `loss.name` names (a fresh one: the multinomial loss keeps per-instance scratch). */
export function lossByName(name: string): BoostingLoss {
  if (name === 'binomial') return binomialLoss;
  if (name.startsWith('multinomial:')) return multinomialLoss(Number(name.slice('multinomial:'.length)));
  const loss = REGRESSION_LOSSES[name as RegressionLoss];
  if (loss === undefined) throw new Error(`Unknown boosting loss '${name}'.`);
  return loss;
}
