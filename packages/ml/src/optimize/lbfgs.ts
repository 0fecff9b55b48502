import { type AbortSignalLike, throwIfAborted } from '../core/fit-options';

/** Evaluates the objective at `x`, writes its gradient into `grad`, and returns the value. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIter?: number;
  /** Stop when the largest gradient entry is at most this (scipy's `gtol`, scikit-learn's `tol`). */
  gtol?: number;
  /** Stop when the relative decrease of the objective is at most this (scipy's default: 64 machine epsilons). */
  ftol?: number;
  /** Number of correction pairs kept (scipy's `maxcor`). */
  memory?: number;
  maxLineSearch?: number;
  signal?: AbortSignalLike;
  onIteration?: (iteration: number, value: number) => void;
}

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  grad: Float64Array;
  nIter: number;
  converged: boolean;
  reason: 'gtol' | 'ftol' | 'maxIter' | 'lineSearch';
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]));
  return max;
}

/** Correction pairs (s, y) in a ring buffer, newest last. */
interface Memory {
  s: Float64Array[];
  y: Float64Array[];
  rho: Float64Array;
  size: number;
  head: number;
}

/**
 * d = −H g by the two-loop recursion (Nocedal & Wright, Numerical Optimization, 2nd ed., Algorithm 7.4), with the
 * initial Hessian γI, γ = sᵀy / yᵀy of the newest pair.
 */
function searchDirection(memory: Memory, g: Float64Array, d: Float64Array, alphas: Float64Array): void {
  const m = memory.s.length;
  d.set(g);
  for (let k = memory.size - 1; k >= 0; k--) {
    const idx = (memory.head + k) % m;
    alphas[k] = memory.rho[idx] * dot(memory.s[idx], d);
    const yk = memory.y[idx];
    for (let i = 0; i < d.length; i++) d[i] -= alphas[k] * yk[i];
  }
  if (memory.size > 0) {
    const newest = (memory.head + memory.size - 1) % m;
    const yy = dot(memory.y[newest], memory.y[newest]);
    const gamma = 1 / (memory.rho[newest] * yy);
    for (let i = 0; i < d.length; i++) d[i] *= gamma;
  }
  for (let k = 0; k < memory.size; k++) {
    const idx = (memory.head + k) % m;
    const beta = memory.rho[idx] * dot(memory.y[idx], d);
    const sk = memory.s[idx];
    for (let i = 0; i < d.length; i++) d[i] += sk[i] * (alphas[k] - beta);
  }
  for (let i = 0; i < d.length; i++) d[i] = -d[i];
}

/**
 * Minimises a smooth function with limited-memory BFGS (Liu & Nocedal 1989) and a line search satisfying the strong
 * Wolfe conditions. Stopping rules follow scipy's L-BFGS-B as scikit-learn calls it: `max|g| ≤ gtol`, or a relative
 * decrease below `ftol`, or `maxIter` iterations.
 */
export function minimizeLbfgs(fun: Objective, x0: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const {
    maxIter = 100,
    gtol = 1e-5,
    ftol = 64 * Number.EPSILON,
    memory: m = 10,
    maxLineSearch = 50,
  } = options;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let value = fun(x, g);
  if (maxAbs(g) <= gtol) return { x, value, grad: g, nIter: 0, converged: true, reason: 'gtol' };

  const memory: Memory = {
    s: Array.from({ length: m }, () => new Float64Array(n)),
    y: Array.from({ length: m }, () => new Float64Array(n)),
    rho: new Float64Array(m),
    size: 0,
    head: 0,
  };
  const d = new Float64Array(n);
  const alphas = new Float64Array(m);
  const search = new LineSearch(fun, n, maxLineSearch);

  for (let iter = 1; iter <= maxIter; iter++) {
    throwIfAborted(options.signal);
    searchDirection(memory, g, d, alphas);
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (round-off in the memory): restart from steepest descent.
      memory.size = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = -dot(g, g);
    }
    const firstStep = memory.size === 0 ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;
    let accepted = search.run(x, value, d, slope, firstStep);
    if (!accepted && memory.size > 0) {
      memory.size = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      accepted = search.run(x, value, d, -dot(g, g), Math.min(1, 1 / Math.sqrt(dot(g, g))));
    }
    if (!accepted) return { x, value, grad: g, nIter: iter - 1, converged: false, reason: 'lineSearch' };

    // Store the pair (s, y) = (x₊ − x, g₊ − g) unless the curvature sᵀy is not safely positive.
    const slot = (memory.head + memory.size) % m;
    const s = memory.s[slot];
    const yv = memory.y[slot];
    for (let i = 0; i < n; i++) {
      s[i] = search.x[i] - x[i];
      yv[i] = search.grad[i] - g[i];
    }
    const sy = dot(s, yv);
    if (sy > Number.EPSILON * dot(yv, yv)) {
      memory.rho[slot] = 1 / sy;
      if (memory.size < m) memory.size++;
      else memory.head = (memory.head + 1) % m;
    }
    const previous = value;
    x = Float64Array.from(search.x);
    g = Float64Array.from(search.grad);
    value = search.value;
    options.onIteration?.(iter, value);
    if (maxAbs(g) <= gtol) return { x, value, grad: g, nIter: iter, converged: true, reason: 'gtol' };
    if ((previous - value) / Math.max(Math.abs(previous), Math.abs(value), 1) <= ftol) {
      return { x, value, grad: g, nIter: iter, converged: true, reason: 'ftol' };
    }
  }
  return { x, value, grad: g, nIter: maxIter, converged: false, reason: 'maxIter' };
}

/**
 * A strong Wolfe line search (Nocedal & Wright, Algorithms 3.5 and 3.6) with safeguarded cubic interpolation.
 * After a successful `run`, `x`, `grad` and `value` hold the accepted point.
 */
class LineSearch {
  readonly x: Float64Array;
  readonly grad: Float64Array;
  value = 0;
  readonly #fun: Objective;
  readonly #maxEvals: number;

  constructor(fun: Objective, n: number, maxEvals: number) {
    this.#fun = fun;
    this.#maxEvals = maxEvals;
    this.x = new Float64Array(n);
    this.grad = new Float64Array(n);
  }

  #evaluate(x0: Float64Array, d: Float64Array, step: number): { f: number; slope: number } {
    for (let i = 0; i < x0.length; i++) this.x[i] = x0[i] + step * d[i];
    this.value = this.#fun(this.x, this.grad);
    return { f: this.value, slope: dot(this.grad, d) };
  }

  run(x0: Float64Array, f0: number, d: Float64Array, slope0: number, firstStep: number): boolean {
    const c1 = 1e-4;
    const c2 = 0.9;
    let prev = { step: 0, f: f0, slope: slope0 };
    let step = firstStep;
    for (let evals = 0; evals < this.#maxEvals; evals++) {
      const { f, slope } = this.#evaluate(x0, d, step);
      const cur = { step, f, slope };
      if (!Number.isFinite(f) || f > f0 + c1 * step * slope0 || (evals > 0 && f >= prev.f)) {
        return this.#zoom(x0, f0, d, slope0, prev, cur, this.#maxEvals - evals - 1);
      }
      if (Math.abs(slope) <= -c2 * slope0) return true;
      if (slope >= 0) return this.#zoom(x0, f0, d, slope0, cur, prev, this.#maxEvals - evals - 1);
      prev = cur;
      step *= 2;
    }
    return false;
  }

  #zoom(
    x0: Float64Array,
    f0: number,
    d: Float64Array,
    slope0: number,
    lo: { step: number; f: number; slope: number },
    hi: { step: number; f: number; slope: number },
    budget: number,
  ): boolean {
    const c1 = 1e-4;
    const c2 = 0.9;
    for (let evals = 0; evals < budget; evals++) {
      const step = interpolate(lo, hi);
      const { f, slope } = this.#evaluate(x0, d, step);
      if (!Number.isFinite(f) || f > f0 + c1 * step * slope0 || f >= lo.f) {
        hi = { step, f, slope };
      } else {
        if (Math.abs(slope) <= -c2 * slope0) return true;
        if (slope * (hi.step - lo.step) >= 0) hi = lo;
        lo = { step, f, slope };
      }
      if (Math.abs(hi.step - lo.step) <= 1e-16 * Math.max(1, lo.step)) break;
    }
    // Out of budget: accept the best point with sufficient decrease, if any.
    if (lo.step > 0 && lo.f < f0) {
      this.#evaluate(x0, d, lo.step);
      return true;
    }
    return false;
  }
}

/** The minimiser of the cubic through both ends, kept inside the middle 80% of the bracket (else bisection). */
function interpolate(
  a: { step: number; f: number; slope: number },
  b: { step: number; f: number; slope: number },
): number {
  const lowStep = Math.min(a.step, b.step);
  const width = Math.abs(b.step - a.step);
  const d1 = a.slope + b.slope - (3 * (a.f - b.f)) / (a.step - b.step);
  const disc = d1 * d1 - a.slope * b.slope;
  if (disc >= 0 && Number.isFinite(b.f) && Number.isFinite(a.f)) {
    const d2 = Math.sign(b.step - a.step) * Math.sqrt(disc);
    const step = b.step - (b.step - a.step) * ((b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2));
    if (Number.isFinite(step) && step >= lowStep + 0.1 * width && step <= lowStep + 0.9 * width) return step;
  }
  return (a.step + b.step) / 2;
}
