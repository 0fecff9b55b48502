import { type FitOptions, throwIfAborted } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import { choleskySolve } from '../linalg/cholesky';

export interface LinearSolution {
  coef: Float64Array;
  intercept: number;
  /** The ridge actually added to the diagonal beyond `alpha` (0 unless the system was singular). */
  jitter: number;
}

/**
 * Minimises ‖y − Xw − b‖² + α‖w‖² by the normal equations. With an intercept, X and y are centred first so the
 * intercept is not penalised (as scikit-learn's Ridge):
 *
 *   (XcᵀXc + αI) w = Xcᵀ yc,   b = ȳ − x̄ᵀw
 *
 * solved by Cholesky. When the system is singular (collinear columns, α = 0), a tiny ridge is added and grown
 * tenfold until the factorisation is clearly positive; as that ridge → 0 the solution tends to the minimum-norm
 * least-squares solution, which is what scikit-learn's LinearRegression (lstsq) returns.
 */
export function solveLeastSquares(
  X: Matrix,
  y: Float64Array,
  alpha: number,
  fitIntercept: boolean,
  options: FitOptions = {},
): LinearSolution {
  const { nRows: n, nCols: p } = X;
  const xMean = new Float64Array(p);
  let yMean = 0;
  if (fitIntercept) {
    for (let j = 0; j < p; j++) {
      const column = X.column(j);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += column[i];
      xMean[j] = sum / n;
    }
    for (let i = 0; i < n; i++) yMean += y[i];
    yMean /= n;
  }
  const centred = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const column = X.column(j);
    for (let i = 0; i < n; i++) centred[j * n + i] = column[i] - xMean[j];
  }
  // gram[a * p + b] = Σ_i xc(i,a) · xc(i,b); rhs[a] = Σ_i xc(i,a) · (y_i − ȳ)
  const gram = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    throwIfAborted(options.signal);
    const ca = a * n;
    for (let b = 0; b <= a; b++) {
      const cb = b * n;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += centred[ca + i] * centred[cb + i];
      gram[a * p + b] = sum;
      gram[b * p + a] = sum;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) sum += centred[ca + i] * (y[i] - yMean);
    rhs[a] = sum;
  }
  let maxDiag = 0;
  for (let a = 0; a < p; a++) maxDiag = Math.max(maxDiag, gram[a * p + a]);
  let jitter = 0;
  let coef: Float64Array | null = null;
  for (let attempt = 0; attempt < 20 && coef === null; attempt++) {
    const system = Float64Array.from(gram);
    for (let a = 0; a < p; a++) system[a * p + a] += alpha + jitter;
    coef = choleskySolve(system, rhs, p);
    if (coef === null) jitter = jitter === 0 ? 1e-10 * Math.max(maxDiag, 1e-300) : jitter * 10;
  }
  if (coef === null) coef = new Float64Array(p); // all-zero design: predict the mean
  let intercept = 0;
  if (fitIntercept) {
    intercept = yMean;
    for (let j = 0; j < p; j++) intercept -= xMean[j] * coef[j];
  }
  return { coef, intercept, jitter };
}
