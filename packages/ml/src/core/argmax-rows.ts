import type { Matrix } from './matrix';

/** Per row, the column with the largest value (the first on ties, as NumPy's argmax). */
export function argmaxRows(scores: Matrix): Int32Array {
  const { nRows: n, nCols: k, data } = scores;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (data[c * n + i] > data[best * n + i]) best = c;
    out[i] = best;
  }
  return out;
}
