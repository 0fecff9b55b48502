import { MlError } from '../core/errors';
import { checkColumnCount, checkNotEmpty } from '../core/validation';
import type { CsrMatrix } from '../linalg/csr-matrix';
import type { Objective } from '../optimize/lbfgs';
import type { LogisticProblem } from './logistic-loss';

/**
 * The same penalised logistic loss as `logisticObjective` (same θ layout, same scaling), for a CSR matrix: scores
 * and gradients touch only the stored values, so TF-IDF features with 10⁵ terms never become dense. The dense
 * objective stays separate so dense fits remain bit-identical to before.
 */
export function sparseLogisticObjective(problem: Omit<LogisticProblem, 'X'> & { X: CsrMatrix }): {
  nParams: number;
  nOutputs: number;
  fun: Objective;
} {
  const { X, y, sampleWeight, nClasses, C, fitIntercept } = problem;
  const { nRows: n, nCols: p, indptr, indices, data } = X;
  const nOutputs = nClasses === 2 ? 1 : nClasses;
  const stride = p + 1;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) totalWeight += sampleWeight[i];
  const weight = sampleWeight.map((s) => s / totalWeight);
  const penalty = 1 / (C * totalWeight);
  const scores = new Float64Array(n * nOutputs); // row-major n × nOutputs: z, then residuals

  const fun: Objective = (theta, grad) => {
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < nOutputs; k++) {
        const base = k * stride;
        let z = fitIntercept ? theta[base + p] : 0;
        for (let q = indptr[i]; q < indptr[i + 1]; q++) z += theta[base + indices[q]] * data[q];
        scores[i * nOutputs + k] = z;
      }
    }
    let loss = 0;
    if (nOutputs === 1) {
      for (let i = 0; i < n; i++) {
        const z = scores[i];
        const target = y[i] === 1 ? 1 : 0;
        loss += weight[i] * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - target * z);
        const sigma = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        scores[i] = weight[i] * (sigma - target);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const row = i * nOutputs;
        let max = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < nOutputs; k++) max = Math.max(max, scores[row + k]);
        let sum = 0;
        for (let k = 0; k < nOutputs; k++) sum += Math.exp(scores[row + k] - max);
        loss += weight[i] * (max + Math.log(sum) - scores[row + y[i]]);
        for (let k = 0; k < nOutputs; k++) {
          const prob = Math.exp(scores[row + k] - max) / sum;
          scores[row + k] = weight[i] * (prob - (y[i] === k ? 1 : 0));
        }
      }
    }
    // grad w_kj = Σ_i r_ik X(i, j) + w_kj / (C S); grad b_k = Σ_i r_ik
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < nOutputs; k++) {
        const r = scores[i * nOutputs + k];
        if (r === 0) continue;
        const base = k * stride;
        for (let q = indptr[i]; q < indptr[i + 1]; q++) grad[base + indices[q]] += r * data[q];
        if (fitIntercept) grad[base + p] += r;
      }
    }
    let squaredNorm = 0;
    for (let k = 0; k < nOutputs; k++) {
      const base = k * stride;
      for (let j = 0; j < p; j++) {
        const w = theta[base + j];
        grad[base + j] += penalty * w;
        squaredNorm += w * w;
      }
    }
    return loss + 0.5 * penalty * squaredNorm;
  };
  return { nParams: nOutputs * stride, nOutputs, fun };
}

/** Checks a CSR input the way `checkFitInput`/`checkPredictInput` and `checkFinite` check a dense one. */
export function checkSparseInput(X: CsrMatrix, kind: string, nFeaturesIn?: number): CsrMatrix {
  if (nFeaturesIn === undefined) checkNotEmpty(X.nRows, X.nCols, kind);
  else checkColumnCount(X.nCols, nFeaturesIn, kind);
  for (let k = 0; k < X.nnz; k++) {
    if (!Number.isFinite(X.data[k])) {
      throw new MlError(
        'INPUT_HAS_NAN',
        `${kind} cannot use missing or infinite values (stored value ${k}: ${X.data[k]}). Remove them first.`,
        { details: { kind } },
      );
    }
  }
  return X;
}
