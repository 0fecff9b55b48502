import { BaseTransformer } from '../core/base-transformer';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import { Rng } from '../core/rng';
import type { Tabular, Target } from '../core/roles';
import type { StateSchema } from '../core/state';
import type { CsrMatrix } from '../linalg/csr-matrix';
import { nndsvda } from './nndsvd';
import { normal, type TopicTerm, topicInput, topTermsOf } from './topic-helpers';

export interface NMFParams {
  nComponents: number;
  /**
   * Starting point, seeded by `randomState`: 'nndsvda' (scikit-learn's default; non-negative parts of a randomized
   * SVD, zeros filled with mean(X); falls back to 'random' when nComponents > min(rows, terms)) or 'random'
   * (|N(0,1)| scaled by √(mean(X)/k)).
   */
  init: 'nndsvda' | 'random';
  maxIter: number;
  /** Stop when the Frobenius error fell by less than `tol` × the initial error over 10 iterations. */
  tol: number;
  randomState: number;
}

const EPS = 2.220446049250313e-16;

/**
 * Non-negative matrix factorisation X ≈ W H (scikit-learn's `NMF(solver='mu', beta_loss='frobenius')`): each row of
 * `components_` (H, topics × terms) is a topic, each row of `transform(X)` (W) a document's topic weights.
 * Multiplicative updates only touch stored values of a CSR X, so a TF-IDF matrix is never densified.
 *
 *   const nmf = new NMF({ nComponents: 10 }).fit(tfidf.fitTransformSparse(docs));
 *   nmf.topTerms(8, tfidf.vocabulary_);
 */
export class NMF extends BaseTransformer<NMFParams> {
  static override readonly kind: string = 'NMF';
  static override readonly paramConstraints: ParamConstraints = {
    nComponents: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    init: [{ type: 'options', values: ['nndsvda', 'random'] }],
    maxIter: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    tol: [{ type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    randomState: [{ type: 'int', min: 0, max: 4294967295 }],
  };
  static override readonly stateSchema: StateSchema = {
    components_: 'matrix',
    nIter_: 'number',
    reconstructionErr_: 'number',
    nFeaturesIn_: 'number',
  };

  /** H: topics × terms, non-negative. */
  declare components_: Matrix;
  declare nIter_: number;
  /** ‖X − W H‖_F at the end of fit. */
  declare reconstructionErr_: number;
  declare nFeaturesIn_: number;

  constructor(params: Partial<NMFParams> = {}) {
    super({ nComponents: 2, init: 'nndsvda', maxIter: 200, tol: 1e-4, randomState: 0 }, params);
  }

  /** Takes a `CsrMatrix` as is (a Pipeline hands it TF-IDF features without densifying them). */
  get acceptsSparse(): boolean {
    return true;
  }

  protected override checkState(): void {
    this.expectState(this.components_.nCols === this.nFeaturesIn_, 'components_ has one column per feature');
  }

  fit(X: Tabular | CsrMatrix, y?: Target, options: FitOptions = {}): this {
    this.fitTransform(X, y, options);
    return this;
  }

  override fitTransform(X: Tabular | CsrMatrix, _y?: Target, options: FitOptions = {}): Matrix {
    this.validateParams();
    throwIfAborted(options.signal);
    const csr = topicInput(X, this.kind);
    const { nComponents: k, maxIter, tol } = this.params;
    const rng = new Rng(this.params.randomState);
    // H is kept terms × k (Hᵀ) so that every product below walks contiguous rows.
    const { w, ht } =
      this.params.init === 'nndsvda' && k <= Math.min(csr.nRows, csr.nCols)
        ? nndsvda(csr, k, rng, mean(csr))
        : randomInit(csr, k, rng);
    const result = multiplicativeUpdates(csr, w, ht, k, maxIter, tol, true, options);
    this.components_ = new Matrix(k, csr.nCols);
    for (let j = 0; j < csr.nCols; j++) for (let t = 0; t < k; t++) this.components_.set(t, j, ht[j * k + t]);
    this.nIter_ = result.nIter;
    this.reconstructionErr_ = result.error;
    this.nFeaturesIn_ = csr.nCols;
    this.markFitted();
    options.onProgress?.(1);
    return rowMajorToMatrix(w, csr.nRows, k);
  }

  /** W for new documents with H fixed (from a constant start, as scikit-learn's `transform`). */
  transform(X: Tabular | CsrMatrix): Matrix {
    this.checkFitted();
    const csr = topicInput(X, this.kind, this.nFeaturesIn_);
    const k = this.components_.nRows;
    const ht = new Float64Array(csr.nCols * k);
    for (let j = 0; j < csr.nCols; j++)
      for (let t = 0; t < k; t++) ht[j * k + t] = this.components_.get(t, j);
    const w = new Float64Array(csr.nRows * k).fill(Math.sqrt(mean(csr) / k));
    multiplicativeUpdates(csr, w, ht, k, this.params.maxIter, this.params.tol, false, {});
    return rowMajorToMatrix(w, csr.nRows, k);
  }

  /** One name per topic: topic0, topic1, ... (a ColumnTransformer prefixes them: `text__topic3`). */
  featureNamesOut(): string[] {
    this.checkFitted();
    return Array.from({ length: this.components_.nRows }, (_, t) => `topic${t}`);
  }

  /** The `k` heaviest terms of each topic, for a topic–term viewer; `terms` is the vectorizer's vocabulary. */
  topTerms(k: number, terms: readonly string[]): TopicTerm[][] {
    this.checkFitted();
    return topTermsOf(this.components_, terms, k, this.kind);
  }
}

/** scikit-learn's 'random' init: |N(0, 1)| scaled by √(mean(X) / k), H drawn before W. */
function randomInit(X: CsrMatrix, k: number, rng: Rng): { w: Float64Array; ht: Float64Array } {
  const scale = Math.sqrt(mean(X) / k);
  const ht = new Float64Array(X.nCols * k);
  for (let t = 0; t < k; t++) for (let j = 0; j < X.nCols; j++) ht[j * k + t] = Math.abs(scale * normal(rng));
  const w = new Float64Array(X.nRows * k);
  for (let i = 0; i < w.length; i++) w[i] = Math.abs(scale * normal(rng));
  return { w, ht };
}

function mean(X: CsrMatrix): number {
  let sum = 0;
  for (let q = 0; q < X.nnz; q++) sum += X.data[q];
  return X.nRows * X.nCols === 0 ? 0 : sum / (X.nRows * X.nCols);
}

function rowMajorToMatrix(values: Float64Array, nRows: number, nCols: number): Matrix {
  const out = new Matrix(nRows, nCols);
  for (let i = 0; i < nRows; i++) for (let t = 0; t < nCols; t++) out.set(i, t, values[i * nCols + t]);
  return out;
}

/** G = Σ_r a_r a_rᵀ over the rows of a row-major (nRows × k) array: a k × k Gram matrix. */
function gram(a: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  const rows = a.length / k;
  // Upper triangle only (half the work), then mirrored: each entry sums the same products in the same order.
  for (let r = 0; r < rows; r++) {
    const o = r * k;
    for (let s = 0; s < k; s++) {
      const x = a[o + s];
      if (x === 0) continue;
      for (let t = s; t < k; t++) out[s * k + t] += x * a[o + t];
    }
  }
  for (let s = 0; s < k; s++) for (let t = 0; t < s; t++) out[s * k + t] = out[t * k + s];
  return out;
}

/** Updates rows of `target` (nRows × k) in place: target ∘ numerator / (target · G), with numerator given. */
function update(target: Float64Array, numerator: Float64Array, G: Float64Array, k: number): void {
  const row = new Float64Array(k);
  for (let r = 0; r < target.length / k; r++) {
    const o = r * k;
    for (let t = 0; t < k; t++) {
      let denominator = 0;
      for (let s = 0; s < k; s++) denominator += target[o + s] * G[s * k + t];
      row[t] = (target[o + t] * numerator[o + t]) / Math.max(denominator, EPS);
    }
    target.set(row, o);
  }
}

/** ‖X − W H‖_F from the stored values and the two Gram matrices (X is never expanded). */
function frobeniusError(X: CsrMatrix, w: Float64Array, ht: Float64Array, k: number): number {
  let squared = 0;
  let cross = 0;
  for (let i = 0; i < X.nRows; i++) {
    for (let q = X.indptr[i]; q < X.indptr[i + 1]; q++) {
      const v = X.data[q];
      const j = X.indices[q];
      let wh = 0;
      for (let t = 0; t < k; t++) wh += w[i * k + t] * ht[j * k + t];
      squared += v * v;
      cross += v * wh;
    }
  }
  const gw = gram(w, k);
  const gh = gram(ht, k);
  let norm = 0;
  for (let s = 0; s < k * k; s++) norm += gw[s] * gh[s];
  return Math.sqrt(Math.max(squared - 2 * cross + norm, 0));
}

/**
 * Lee & Seung's multiplicative updates for the Frobenius loss, W then H each iteration (H only when `updateH`),
 * stopping as scikit-learn's 'mu' solver does: every 10 iterations, when the error fell by less than tol × the
 * initial error.
 */
function multiplicativeUpdates(
  X: CsrMatrix,
  w: Float64Array,
  ht: Float64Array,
  k: number,
  maxIter: number,
  tol: number,
  updateH: boolean,
  options: FitOptions,
): { nIter: number; error: number } {
  const initial = frobeniusError(X, w, ht, k);
  let previous = initial;
  let iter = 0;
  // Products reused across iterations (10⁵ terms × k doubles each would otherwise be garbage every iteration).
  const xh = new Float64Array(X.nRows * k);
  const xw = new Float64Array(X.nCols * k);
  const { nRows, indptr, indices, data } = X;
  while (iter < maxIter) {
    iter++;
    throwIfAborted(options.signal);
    // W ← W ∘ (X Hᵀ) / (W H Hᵀ)
    xh.fill(0);
    for (let i = 0; i < nRows; i++) {
      const row = i * k;
      const end = indptr[i + 1];
      for (let q = indptr[i]; q < end; q++) {
        const v = data[q];
        const o = indices[q] * k;
        for (let t = 0; t < k; t++) xh[row + t] += v * ht[o + t];
      }
    }
    update(w, xh, gram(ht, k), k);
    if (updateH) {
      // Hᵀ ← Hᵀ ∘ (Xᵀ W) / (Hᵀ Wᵀ W)
      xw.fill(0);
      for (let i = 0; i < nRows; i++) {
        const row = i * k;
        const end = indptr[i + 1];
        for (let q = indptr[i]; q < end; q++) {
          const v = data[q];
          const o = indices[q] * k;
          for (let t = 0; t < k; t++) xw[o + t] += v * w[row + t];
        }
      }
      update(ht, xw, gram(w, k), k);
    }
    options.onProgress?.(iter / maxIter, `iteration ${iter}`);
    if (tol > 0 && iter % 10 === 0) {
      const error = frobeniusError(X, w, ht, k);
      if ((previous - error) / initial < tol) break;
      previous = error;
    }
  }
  return { nIter: iter, error: frobeniusError(X, w, ht, k) };
}
