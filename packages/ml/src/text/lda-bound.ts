import type { Matrix } from '../core/matrix';
import type { CsrMatrix } from '../linalg/csr-matrix';
import { digamma } from './topic-helpers';

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ψ(a_rc) − ψ(Σ_c a_rc) for each row of a row-major (rows × cols) array. */
function dirichletExpectationRows(a: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += a[r * cols + c];
    const psiSum = digamma(sum);
    for (let c = 0; c < cols; c++) out[r * cols + c] = digamma(a[r * cols + c]) - psiSum;
  }
  return out;
}

/** Σ over rows of E[log p(x | prior) − log q(x | distr)] for Dirichlet rows (scikit-learn's `_loglikelihood`). */
function dirichletTerm(
  prior: number,
  distr: ArrayLike<number>,
  expectation: Float64Array,
  rows: number,
  cols: number,
): number {
  let score = 0;
  const logGammaPrior = logGamma(prior);
  const logGammaTotal = logGamma(prior * cols);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const v = distr[r * cols + c];
      score += (prior - v) * expectation[r * cols + c] + logGamma(v) - logGammaPrior;
      sum += v;
    }
    score += logGammaTotal - logGamma(sum);
  }
  return score;
}

/**
 * The variational lower bound of log p(X) (scikit-learn's `_approx_bound` without subsampling), from the
 * unnormalised document–topic parameters γ (rows × k, row-major) and λ = `components`.
 */
export function approximateBound(
  X: CsrMatrix,
  gamma: Float64Array,
  components: Matrix,
  alpha: number,
  eta: number,
): number {
  const k = components.nRows;
  const m = components.nCols;
  const lambda = new Float64Array(k * m);
  for (let t = 0; t < k; t++) for (let j = 0; j < m; j++) lambda[t * m + j] = components.get(t, j);
  const elogTheta = dirichletExpectationRows(gamma, X.nRows, k);
  const elogBeta = dirichletExpectationRows(lambda, k, m);
  let score = 0;
  const temp = new Float64Array(k);
  for (let i = 0; i < X.nRows; i++) {
    for (let q = X.indptr[i]; q < X.indptr[i + 1]; q++) {
      const j = X.indices[q];
      let max = Number.NEGATIVE_INFINITY;
      for (let t = 0; t < k; t++) {
        temp[t] = elogTheta[i * k + t] + elogBeta[t * m + j];
        max = Math.max(max, temp[t]);
      }
      let sum = 0;
      for (let t = 0; t < k; t++) sum += Math.exp(temp[t] - max);
      score += X.data[q] * (max + Math.log(sum));
    }
  }
  score += dirichletTerm(alpha, gamma, elogTheta, X.nRows, k);
  score += dirichletTerm(eta, lambda, elogBeta, k, m);
  return score;
}
