import { Matrix } from '../core/matrix';

/**
 * Class probabilities from joint log-likelihoods log P(c) + log P(x | c) (n × k): the softmax of each row,
 * computed as exp(jll − logsumexp(jll)) with the row maximum factored out (scipy's `logsumexp`), so very negative
 * log-likelihoods do not underflow to 0/0.
 */
export function probaFromJointLogLikelihood(jll: Matrix): Matrix {
  const { nRows: n, nCols: k, data } = jll;
  const out = new Matrix(n, k);
  for (let i = 0; i < n; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < k; c++) max = Math.max(max, data[c * n + i]);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(data[c * n + i] - max);
    const logNorm = Math.log(sum) + max;
    for (let c = 0; c < k; c++) out.data[c * n + i] = Math.exp(data[c * n + i] - logNorm);
  }
  return out;
}
