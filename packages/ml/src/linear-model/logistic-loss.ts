import type { Matrix } from '../core/matrix';
import type { Objective } from '../optimize/lbfgs';

export interface LogisticProblem {
  X: Matrix;
  /** Class index per row, 0..nClasses-1. */
  y: Int32Array;
  sampleWeight: Float64Array;
  nClasses: number;
  C: number;
  fitIntercept: boolean;
}

/**
 * The penalised logistic loss scikit-learn minimises (its `LinearModelLoss`), scaled by the total weight S:
 *
 *   f(θ) = (1/S) Σᵢ sᵢ ℓᵢ + ‖W‖² / (2 C S)        (the intercepts are not penalised)
 *
 * Two classes use one weight vector and the binomial loss ℓ = log(1 + eᶻ) − y z; more use one vector per class and
 * the multinomial (softmax) loss ℓ = logΣₖ e^{zₖ} − z_y. θ is laid out one class after another, each as its
 * p weights followed by its intercept: θ = [w₀₀ … w₀ₚ₋₁ b₀ | w₁₀ … b₁ | …].
 */
export function logisticObjective(problem: LogisticProblem): {
  nParams: number;
  nOutputs: number;
  fun: Objective;
} {
  const { X, y, sampleWeight, nClasses, C, fitIntercept } = problem;
  const { nRows: n, nCols: p } = X;
  const nOutputs = nClasses === 2 ? 1 : nClasses;
  const stride = p + 1;
  let totalWeight = 0;
  for (let i = 0; i < n; i++) totalWeight += sampleWeight[i];
  const weight = sampleWeight.map((s) => s / totalWeight);
  const penalty = 1 / (C * totalWeight);
  const scores = new Float64Array(n * nOutputs); // column-major n × nOutputs: z, then residuals
  const data = X.data;

  const fun: Objective = (theta, grad) => {
    // scores(:, k) = b_k + Σ_j w_kj X(:, j)
    for (let k = 0; k < nOutputs; k++) {
      const base = k * stride;
      const zk = scores.subarray(k * n, (k + 1) * n);
      zk.fill(fitIntercept ? theta[base + p] : 0);
      for (let j = 0; j < p; j++) {
        const w = theta[base + j];
        if (w === 0) continue;
        const offset = j * n;
        for (let i = 0; i < n; i++) zk[i] += w * data[offset + i];
      }
    }
    let loss = 0;
    if (nOutputs === 1) {
      for (let i = 0; i < n; i++) {
        const z = scores[i];
        const target = y[i] === 1 ? 1 : 0;
        // log(1 + eᶻ) without overflow, and σ(z) on the stable side.
        loss += weight[i] * (Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - target * z);
        const sigma = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        scores[i] = weight[i] * (sigma - target);
      }
    } else {
      for (let i = 0; i < n; i++) {
        let max = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < nOutputs; k++) max = Math.max(max, scores[k * n + i]);
        let sum = 0;
        for (let k = 0; k < nOutputs; k++) sum += Math.exp(scores[k * n + i] - max);
        loss += weight[i] * (max + Math.log(sum) - scores[y[i] * n + i]);
        for (let k = 0; k < nOutputs; k++) {
          const prob = Math.exp(scores[k * n + i] - max) / sum;
          scores[k * n + i] = weight[i] * (prob - (y[i] === k ? 1 : 0));
        }
      }
    }
    // grad w_kj = Σ_i r_ik X(i, j) + w_kj / (C S); grad b_k = Σ_i r_ik
    let squaredNorm = 0;
    for (let k = 0; k < nOutputs; k++) {
      const base = k * stride;
      const rk = scores.subarray(k * n, (k + 1) * n);
      for (let j = 0; j < p; j++) {
        const offset = j * n;
        let sum = 0;
        for (let i = 0; i < n; i++) sum += rk[i] * data[offset + i];
        const w = theta[base + j];
        grad[base + j] = sum + penalty * w;
        squaredNorm += w * w;
      }
      let sum = 0;
      if (fitIntercept) for (let i = 0; i < n; i++) sum += rk[i];
      grad[base + p] = sum;
    }
    return loss + 0.5 * penalty * squaredNorm;
  };
  return { nParams: nOutputs * stride, nOutputs, fun };
}
