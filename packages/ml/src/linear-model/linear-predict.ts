import type { Matrix } from '../core/matrix';

/** `X w + b` for one output, column by column (each column of X is contiguous). */
export function linearPredict(X: Matrix, coef: Float64Array, intercept: number): Float64Array {
  const out = new Float64Array(X.nRows).fill(intercept);
  for (let j = 0; j < X.nCols; j++) {
    const w = coef[j];
    if (w === 0) continue;
    const column = X.column(j);
    for (let i = 0; i < out.length; i++) out[i] += w * column[i];
  }
  return out;
}
