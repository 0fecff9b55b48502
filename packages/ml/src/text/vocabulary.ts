import { MlError } from '../core/errors';
import { CsrMatrix } from '../linalg/csr-matrix';
import { numpyArgsort } from '../model-selection/numpy-argsort';
import { compareCodePoints, type Tokenizer } from './tokenizer';

/** Term counts of each distinct document: one sparse row per level, term ids from `termIndex`. */
interface LevelCounts {
  indptr: Int32Array;
  indices: Int32Array;
  counts: Float64Array;
}

/**
 * Counts the terms of each level that some row uses (a frame's levels may outlive its rows, e.g. after `take`).
 * With `grow`, unseen terms get new ids (fit); otherwise they are skipped (transform, as scikit-learn ignores
 * out-of-vocabulary terms).
 */
export function countLevels(
  levels: readonly string[],
  codes: Int32Array,
  tokenizer: Tokenizer,
  termIndex: Map<string, number>,
  grow: boolean,
): LevelCounts {
  const used = new Uint8Array(levels.length);
  for (let i = 0; i < codes.length; i++) used[codes[i]] = 1;
  const indptr = new Int32Array(levels.length + 1);
  const indices: number[] = [];
  const counts: number[] = [];
  const row = new Map<number, number>();
  levels.forEach((text, l) => {
    row.clear();
    if (used[l] === 0) {
      indptr[l + 1] = indices.length;
      return;
    }
    for (const token of tokenizer.tokens(text)) {
      let id = termIndex.get(token);
      if (id === undefined) {
        if (!grow) continue;
        id = termIndex.size;
        termIndex.set(token, id);
      }
      row.set(id, (row.get(id) ?? 0) + 1);
    }
    const ids = [...row.keys()].sort((a, b) => a - b);
    for (const id of ids) {
      indices.push(id);
      counts.push(row.get(id)!);
    }
    indptr[l + 1] = indices.length;
  });
  return { indptr, indices: Int32Array.from(indices), counts: Float64Array.from(counts) };
}

/** The document-term count matrix: row i is level `codes[i]`'s counts. */
export function expandRows(level: LevelCounts, codes: Int32Array, nTerms: number): CsrMatrix {
  const indptr = new Int32Array(codes.length + 1);
  for (let i = 0; i < codes.length; i++) {
    indptr[i + 1] = indptr[i] + level.indptr[codes[i] + 1] - level.indptr[codes[i]];
  }
  const indices = new Int32Array(indptr[codes.length]);
  const data = new Float64Array(indptr[codes.length]);
  for (let i = 0; i < codes.length; i++) {
    const start = level.indptr[codes[i]];
    const end = level.indptr[codes[i] + 1];
    indices.set(level.indices.subarray(start, end), indptr[i]);
    data.set(level.counts.subarray(start, end), indptr[i]);
  }
  return new CsrMatrix(codes.length, nTerms, indptr, indices, data);
}

export interface PruneOptions {
  /** A count (integer ≥ 1) or a fraction of documents in [0, 1). */
  minDf: number;
  /** A fraction of documents in (0, 1], or a count (integer > 1). */
  maxDf: number;
  maxFeatures: number | null;
}

/** A document-frequency bound as a number of documents (scikit-learn's int-or-float rule, see `PruneOptions`). */
function docCount(value: number, nDocs: number, isFraction: boolean): number {
  return isFraction ? value * nDocs : value;
}

/**
 * Which terms to keep (scikit-learn's `_limit_features`): document frequency within [minDf, maxDf], then the
 * `maxFeatures` most frequent by total count (ties broken as NumPy's argsort breaks them), and the kept terms sorted by
 * code point. Returns the sorted vocabulary and, for each old term id, its new column (−1 if dropped).
 */
export function pruneVocabulary(
  terms: readonly string[],
  X: CsrMatrix,
  options: PruneOptions,
  kind: string,
): { vocabulary: string[]; remap: Int32Array } {
  const nDocs = X.nRows;
  const df = new Float64Array(terms.length);
  const total = new Float64Array(terms.length);
  for (let k = 0; k < X.nnz; k++) {
    df[X.indices[k]] += 1;
    total[X.indices[k]] += X.data[k];
  }
  const maxCount = docCount(options.maxDf, nDocs, options.maxDf <= 1);
  const minCount = docCount(options.minDf, nDocs, options.minDf < 1);
  if (maxCount < minCount) {
    throw new MlError(
      'INVALID_PARAMETER',
      `${kind}: maxDf allows at most ${maxCount} documents, fewer than the ${minCount} minDf requires. Raise maxDf or lower minDf.`,
      { details: { kind, parameter: 'maxDf' } },
    );
  }
  let kept: number[] = [];
  for (let t = 0; t < terms.length; t++) if (df[t] >= minCount && df[t] <= maxCount) kept.push(t);
  if (kept.length === 0) {
    throw new MlError(
      'EMPTY_DATA',
      `${kind}: after pruning no terms remain. Lower minDf, raise maxDf, or check that the documents contain words.`,
      { details: { kind } },
    );
  }
  kept.sort((a, b) => compareCodePoints(terms[a], terms[b]));
  if (options.maxFeatures !== null && kept.length > options.maxFeatures) {
    // scikit-learn takes `(-tfs).argsort()[:limit]` over the sorted terms; NumPy's unstable introsort decides ties.
    const order = numpyArgsort(kept.map((t) => -total[t]));
    const chosen = Array.from(order.subarray(0, options.maxFeatures), (r) => kept[r]);
    kept = chosen.sort((a, b) => compareCodePoints(terms[a], terms[b]));
  }
  const remap = new Int32Array(terms.length).fill(-1);
  kept.forEach((t, column) => {
    remap[t] = column;
  });
  return { vocabulary: kept.map((t) => terms[t]), remap };
}

/** Renumbers the columns of `X` by `remap`, dropping columns mapped to −1, with each row's indices ascending. */
export function remapColumns(X: CsrMatrix, remap: Int32Array, nCols: number): CsrMatrix {
  const indptr = new Int32Array(X.nRows + 1);
  const indices: number[] = [];
  const data: number[] = [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < X.nRows; i++) {
    pairs.length = 0;
    for (let k = X.indptr[i]; k < X.indptr[i + 1]; k++) {
      const column = remap[X.indices[k]];
      if (column >= 0) pairs.push([column, X.data[k]]);
    }
    pairs.sort((a, b) => a[0] - b[0]);
    for (const [column, value] of pairs) {
      indices.push(column);
      data.push(value);
    }
    indptr[i + 1] = indices.length;
  }
  return new CsrMatrix(X.nRows, nCols, indptr, Int32Array.from(indices), Float64Array.from(data));
}
