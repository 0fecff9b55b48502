import { BaseTransformer } from '../core/base-transformer';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import { Rng } from '../core/rng';
import type { Tabular, Target } from '../core/roles';
import type { StateSchema } from '../core/state';
import type { CsrMatrix } from '../linalg/csr-matrix';
import { approximateBound } from './lda-bound';
import { digamma, gammaDraw, type TopicTerm, topicInput, topTermsOf } from './topic-helpers';

export interface LatentDirichletAllocationParams {
  nComponents: number;
  /** α, the Dirichlet prior of each document's topic mix; null means 1 / nComponents. */
  docTopicPrior: number | null;
  /** η, the Dirichlet prior of each topic's term distribution; null means 1 / nComponents. */
  topicWordPrior: number | null;
  /** Passes of batch variational Bayes over the corpus (scikit-learn's `learning_method='batch'`). */
  maxIter: number;
  /** Per-document E-step iterations at most, stopping when the mean change of γ is below `meanChangeTol`. */
  maxDocUpdateIter: number;
  meanChangeTol: number;
  randomState: number;
}

const EPS = 2.220446049250313e-16;

/**
 * Latent Dirichlet allocation by batch variational Bayes (Hoffman, Blei & Bach 2010; scikit-learn's
 * `LatentDirichletAllocation(learning_method='batch')`), on term counts in CSR form. `components_` holds the
 * variational topic–term parameters λ (topics × terms); `transform` gives each document's topic distribution
 * (rows sum to 1). Seeded: the same `randomState` gives the same topics.
 */
export class LatentDirichletAllocation extends BaseTransformer<LatentDirichletAllocationParams> {
  static override readonly kind: string = 'LatentDirichletAllocation';
  static override readonly paramConstraints: ParamConstraints = {
    nComponents: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    docTopicPrior: [
      { type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'neither' },
      { type: 'null' },
    ],
    topicWordPrior: [
      { type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'neither' },
      { type: 'null' },
    ],
    maxIter: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    maxDocUpdateIter: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    meanChangeTol: [{ type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    randomState: [{ type: 'int', min: 0, max: 4294967295 }],
  };
  static override readonly stateSchema: StateSchema = {
    components_: 'matrix',
    nIter_: 'number',
    nFeaturesIn_: 'number',
  };

  /** λ: topics × terms; normalise a row to get that topic's term distribution. */
  declare components_: Matrix;
  declare nIter_: number;
  declare nFeaturesIn_: number;

  constructor(params: Partial<LatentDirichletAllocationParams> = {}) {
    super(
      {
        nComponents: 10,
        docTopicPrior: null,
        topicWordPrior: null,
        maxIter: 10,
        maxDocUpdateIter: 100,
        meanChangeTol: 1e-3,
        randomState: 0,
      },
      params,
    );
  }

  /** Takes a `CsrMatrix` as is (a Pipeline hands it TF-IDF features without densifying them). */
  get acceptsSparse(): boolean {
    return true;
  }

  protected override checkState(): void {
    this.expectState(this.components_.nCols === this.nFeaturesIn_, 'components_ has one column per feature');
  }

  fit(X: Tabular | CsrMatrix, _y?: Target, options: FitOptions = {}): this {
    this.validateParams();
    throwIfAborted(options.signal);
    const csr = topicInput(X, this.kind);
    const { nComponents: k, maxIter } = this.params;
    const eta = this.params.topicWordPrior ?? 1 / k;
    const rng = new Rng(this.params.randomState);
    // λ is kept terms × k (transposed) so the E-step reads one contiguous row per word.
    const lambdaT = new Float64Array(csr.nCols * k);
    for (let t = 0; t < k; t++)
      for (let j = 0; j < csr.nCols; j++) lambdaT[j * k + t] = gammaDraw(rng, 100, 0.01);
    for (let iter = 0; iter < maxIter; iter++) {
      throwIfAborted(options.signal);
      const expElogBeta = dirichletExpectationT(lambdaT, k);
      const stats = this.#eStep(csr, expElogBeta, k, rng, true).stats!;
      for (let q = 0; q < lambdaT.length; q++) lambdaT[q] = eta + stats[q] * expElogBeta[q];
      options.onProgress?.((iter + 1) / maxIter, `iteration ${iter + 1}`);
    }
    this.components_ = new Matrix(k, csr.nCols);
    for (let j = 0; j < csr.nCols; j++)
      for (let t = 0; t < k; t++) this.components_.set(t, j, lambdaT[j * k + t]);
    this.nIter_ = maxIter;
    this.nFeaturesIn_ = csr.nCols;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  /** Each document's topic distribution (n × topics, rows sum to 1). */
  transform(X: Tabular | CsrMatrix): Matrix {
    this.checkFitted();
    const csr = topicInput(X, this.kind, this.nFeaturesIn_);
    const k = this.components_.nRows;
    // A fixed seed derived from randomState: transform is a pure function of the model and X.
    const { gamma } = this.#eStep(csr, this.#expElogBeta(), k, new Rng(this.params.randomState + 1), false);
    const out = new Matrix(csr.nRows, k);
    for (let i = 0; i < csr.nRows; i++) {
      let sum = 0;
      for (let t = 0; t < k; t++) sum += gamma[i * k + t];
      for (let t = 0; t < k; t++) out.set(i, t, gamma[i * k + t] / sum);
    }
    return out;
  }

  /**
   * exp(−bound / word count), scikit-learn's `perplexity`: lower is better; compare numbers of topics on held-out
   * documents with it.
   */
  perplexity(X: Tabular | CsrMatrix): number {
    this.checkFitted();
    const csr = topicInput(X, this.kind, this.nFeaturesIn_);
    const k = this.components_.nRows;
    const { gamma } = this.#eStep(csr, this.#expElogBeta(), k, new Rng(this.params.randomState + 1), false);
    const alpha = this.params.docTopicPrior ?? 1 / k;
    const eta = this.params.topicWordPrior ?? 1 / k;
    let words = 0;
    for (let q = 0; q < csr.nnz; q++) words += csr.data[q];
    return Math.exp(-approximateBound(csr, gamma, this.components_, alpha, eta) / words);
  }

  #expElogBeta(): Float64Array {
    const k = this.components_.nRows;
    const lambdaT = new Float64Array(this.components_.nCols * k);
    for (let j = 0; j < this.components_.nCols; j++) {
      for (let t = 0; t < k; t++) lambdaT[j * k + t] = this.components_.get(t, j);
    }
    return dirichletExpectationT(lambdaT, k);
  }

  featureNamesOut(): string[] {
    this.checkFitted();
    return Array.from({ length: this.components_.nRows }, (_, t) => `topic${t}`);
  }

  /** The `k` heaviest terms of each topic, for a topic–term viewer; `terms` is the vectorizer's vocabulary. */
  topTerms(k: number, terms: readonly string[]): TopicTerm[][] {
    this.checkFitted();
    return topTermsOf(this.components_, terms, k, this.kind);
  }

  /**
   * The variational E-step: per document, iterate γ_d = α + e^{E[log θ_d]} ∘ Σ_w (c_w / φ_w) e^{E[log β_w]}
   * until γ settles. With `withStats`, also the sufficient statistics (terms × k, before × e^{E[log β]}).
   */
  #eStep(
    X: CsrMatrix,
    expElogBeta: Float64Array,
    k: number,
    rng: Rng,
    withStats: boolean,
  ): { gamma: Float64Array; stats: Float64Array | null } {
    const alpha = this.params.docTopicPrior ?? 1 / k;
    const { maxDocUpdateIter, meanChangeTol } = this.params;
    const gamma = new Float64Array(X.nRows * k);
    const stats = withStats ? new Float64Array(X.nCols * k) : null;
    const theta = new Float64Array(k);
    const last = new Float64Array(k);
    for (let i = 0; i < X.nRows; i++) {
      const g = gamma.subarray(i * k, (i + 1) * k);
      for (let t = 0; t < k; t++) g[t] = gammaDraw(rng, 100, 0.01);
      const start = X.indptr[i];
      const end = X.indptr[i + 1];
      const phiNorm = new Float64Array(end - start);
      expDirichlet(g, theta);
      normalizer(X, start, end, theta, expElogBeta, k, phiNorm);
      for (let iter = 0; iter < maxDocUpdateIter; iter++) {
        last.set(g);
        g.fill(0);
        for (let q = start; q < end; q++) {
          const ratio = X.data[q] / phiNorm[q - start];
          const o = X.indices[q] * k;
          for (let t = 0; t < k; t++) g[t] += ratio * expElogBeta[o + t];
        }
        for (let t = 0; t < k; t++) g[t] = alpha + theta[t] * g[t];
        expDirichlet(g, theta);
        normalizer(X, start, end, theta, expElogBeta, k, phiNorm);
        let change = 0;
        for (let t = 0; t < k; t++) change += Math.abs(g[t] - last[t]);
        if (change / k < meanChangeTol) break;
      }
      if (stats) {
        for (let q = start; q < end; q++) {
          const ratio = X.data[q] / phiNorm[q - start];
          const o = X.indices[q] * k;
          for (let t = 0; t < k; t++) stats[o + t] += theta[t] * ratio;
        }
      }
    }
    return { gamma, stats };
  }
}

/** exp(E[log x]) for x ~ Dirichlet(alpha): exp(ψ(α_t) − ψ(Σ α)). */
function expDirichlet(alpha: Float64Array, out: Float64Array): void {
  let sum = 0;
  for (let t = 0; t < alpha.length; t++) sum += alpha[t];
  const psiSum = digamma(sum);
  for (let t = 0; t < alpha.length; t++) out[t] = Math.exp(digamma(alpha[t]) - psiSum);
}

/** exp(E[log β]) for every topic (a row of λ over terms), laid out terms × k like λᵀ. */
function dirichletExpectationT(lambdaT: Float64Array, k: number): Float64Array {
  const nTerms = lambdaT.length / k;
  const sums = new Float64Array(k);
  for (let j = 0; j < nTerms; j++) for (let t = 0; t < k; t++) sums[t] += lambdaT[j * k + t];
  const psiSums = sums.map(digamma);
  return lambdaT.map((v, q) => Math.exp(digamma(v) - psiSums[q % k]));
}

/** φ normalisers of one document: Σ_t θ_t β_tw (+ ε), one per stored word. */
function normalizer(
  X: CsrMatrix,
  start: number,
  end: number,
  theta: Float64Array,
  expElogBeta: Float64Array,
  k: number,
  out: Float64Array,
): void {
  for (let q = start; q < end; q++) {
    const o = X.indices[q] * k;
    let sum = EPS;
    for (let t = 0; t < k; t++) sum += theta[t] * expElogBeta[o + t];
    out[q - start] = sum;
  }
}
