import { type AbortSignalLike, throwIfAborted } from '../core/fit-options';

export interface NelderMeadOptions {
  /** Most function evaluations (R's `maxit`). */
  maxEvaluations?: number;
  /** Stop when the simplex's values span at most reltol·(|f| + reltol). */
  reltol?: number;
  /** Stop when the best value is at most this. */
  abstol?: number;
  signal?: AbortSignalLike;
}

export interface NelderMeadResult {
  x: Float64Array;
  value: number;
  evaluations: number;
  converged: boolean;
}

/** Infeasible points (the objective returned a non-finite value) count as this value, as in R. */
const BIG = 1e35;

/**
 * Nelder–Mead simplex minimisation in the variant of Nash, *Compact Numerical Methods for Computers* (1990),
 * Algorithm 19 — the one R's `optim` and `forecast::ets` use, so fits start and stop where theirs do:
 * reflection 1, contraction ½, expansion 2; the first simplex steps every coordinate by 10% of the largest
 * |x0_i| (0.1 when all are zero); a shrink that does not reduce the simplex ends the search.
 *
 * Simplex layout: `vertices[j]` is a point of length n, `values[j]` its objective.
 */
export function nelderMead(
  fn: (x: Float64Array) => number,
  x0: Float64Array,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const {
    maxEvaluations = 500,
    reltol = Math.sqrt(Number.EPSILON),
    abstol = Number.NEGATIVE_INFINITY,
  } = options;
  const n = x0.length;
  const evaluate = (x: Float64Array) => {
    const f = fn(x);
    return Number.isFinite(f) ? f : BIG;
  };
  let f0 = fn(x0);
  if (!Number.isFinite(f0)) f0 = BIG;
  if (n === 0) return { x: x0.slice(), value: f0, evaluations: 1, converged: true };
  const convtol = reltol * (Math.abs(f0) + reltol);
  let step = 0;
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(x0[i]));
  if (step === 0) step = 0.1;
  const vertices: Float64Array[] = [x0.slice()];
  const values = new Float64Array(n + 1);
  values[0] = f0;
  let size = 0;
  for (let j = 1; j <= n; j++) {
    const v = x0.slice();
    let tryStep = step;
    while (v[j - 1] === x0[j - 1]) {
      v[j - 1] = x0[j - 1] + tryStep;
      tryStep *= 10;
    }
    size += tryStep;
    vertices.push(v);
  }
  let oldSize = size;
  let evaluations = 1;
  let best = 0;
  let recompute = true;
  const centroid = new Float64Array(n);
  const trial = new Float64Array(n);
  let converged = false;
  while (evaluations <= maxEvaluations) {
    throwIfAborted(options.signal);
    if (recompute) {
      for (let j = 0; j <= n; j++) {
        if (j === best) continue;
        values[j] = evaluate(vertices[j]);
        evaluations++;
      }
      recompute = false;
    }
    let low = best;
    let high = best;
    for (let j = 0; j <= n; j++) {
      if (j === best) continue;
      if (values[j] < values[low]) low = j;
      if (values[j] > values[high]) high = j;
    }
    best = low;
    const vLow = values[low];
    const vHigh = values[high];
    if (vHigh <= vLow + convtol || vLow <= abstol) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let j = 0; j <= n; j++) if (j !== high) for (let i = 0; i < n; i++) centroid[i] += vertices[j][i];
    for (let i = 0; i < n; i++) centroid[i] /= n;
    const worst = vertices[high];
    for (let i = 0; i < n; i++) trial[i] = 2 * centroid[i] - worst[i];
    const vReflect = evaluate(trial);
    evaluations++;
    if (vReflect < vLow) {
      // Expansion: go twice as far; keep whichever of the two is better.
      const expanded = new Float64Array(n);
      for (let i = 0; i < n; i++) expanded[i] = 2 * trial[i] - centroid[i];
      const vExpand = evaluate(expanded);
      evaluations++;
      if (vExpand < vReflect) {
        worst.set(expanded);
        values[high] = vExpand;
      } else {
        worst.set(trial);
        values[high] = vReflect;
      }
      continue;
    }
    if (vReflect < vHigh) {
      worst.set(trial);
      values[high] = vReflect;
    }
    // Contraction towards the centroid from the (possibly replaced) worst point.
    for (let i = 0; i < n; i++) trial[i] = 0.5 * worst[i] + 0.5 * centroid[i];
    const vContract = evaluate(trial);
    evaluations++;
    if (vContract < values[high]) {
      worst.set(trial);
      values[high] = vContract;
    } else if (vReflect >= vHigh) {
      // Shrink every vertex halfway towards the best one.
      recompute = true;
      size = 0;
      const b = vertices[best];
      for (let j = 0; j <= n; j++) {
        if (j === best) continue;
        const v = vertices[j];
        for (let i = 0; i < n; i++) {
          v[i] = 0.5 * (v[i] - b[i]) + b[i];
          size += Math.abs(v[i] - b[i]);
        }
      }
      if (size < oldSize) oldSize = size;
      else break;
    }
  }
  return { x: vertices[best].slice(), value: values[best], evaluations, converged };
}
