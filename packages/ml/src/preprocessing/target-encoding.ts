import { MISSING } from './category-index';

/** One column's encoding: a value per category, then one for missing values (their own category). */
export interface Encoding {
  values: Float64Array;
  /** The target mean of the rows used (what unseen categories get). */
  mean: number;
}

/**
 * Target encoding of one column from the rows `rows` (all rows when null), after Micci-Barreca (2001), as
 * scikit-learn's `_fit_encoding_fast[_auto_smooth]`. `index[i]` is row i's category (or `MISSING`, encoded in the
 * last slot); `target` is the target, or a 0/1 class indicator.
 *
 *   smooth = s:      enc(c) = (Σ_c y + s · ȳ) / (n_c + s)
 *   smooth = 'auto': enc(c) = λ_c · ȳ_c + (1 − λ_c) · ȳ,   λ_c = n_c σ² / (n_c σ² + σ²_c)   (empirical Bayes)
 *
 * with ȳ, σ² the mean and variance of the target over the rows and ȳ_c, σ²_c those of category c. A category
 * without rows (or with λ undefined) gets ȳ.
 */
export function fitEncoding(
  index: Int32Array,
  nCategories: number,
  target: Float64Array,
  rows: Int32Array | null,
  smooth: 'auto' | number,
): Encoding {
  const nRows = rows === null ? index.length : rows.length;
  const rowAt = (r: number) => (rows === null ? r : rows[r]);
  const slot = (i: number) => (index[i] === MISSING ? nCategories : index[i]);
  let sum = 0;
  for (let r = 0; r < nRows; r++) sum += target[rowAt(r)];
  const mean = sum / nRows;
  const size = nCategories + 1;
  const sums = new Float64Array(size);
  const counts = new Float64Array(size);
  for (let r = 0; r < nRows; r++) {
    const i = rowAt(r);
    sums[slot(i)] += target[i];
    counts[slot(i)]++;
  }
  const values = new Float64Array(size);
  if (smooth !== 'auto') {
    for (let c = 0; c < size; c++) {
      const total = counts[c] + smooth;
      values[c] = total === 0 ? mean : (sums[c] + smooth * mean) / total;
    }
    return { values, mean };
  }
  let variance = 0;
  for (let r = 0; r < nRows; r++) variance += (target[rowAt(r)] - mean) ** 2;
  variance /= nRows;
  const means = Float64Array.from(sums, (s, c) => s / counts[c]);
  const squares = new Float64Array(size);
  for (let r = 0; r < nRows; r++) {
    const i = rowAt(r);
    squares[slot(i)] += (target[i] - means[slot(i)]) ** 2;
  }
  for (let c = 0; c < size; c++) {
    const lambda = (variance * counts[c]) / (variance * counts[c] + squares[c] / counts[c]);
    values[c] = Number.isNaN(lambda) ? mean : lambda * means[c] + (1 - lambda) * mean;
  }
  return { values, mean };
}
