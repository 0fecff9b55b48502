import { BaseTransformer } from '../core/base-transformer';
import { MlError } from '../core/errors';
import type { FitOptions } from '../core/fit-options';
import { throwIfAborted } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Target } from '../core/roles';
import { checkNotEmpty } from '../core/validation';
import type { CsrMatrix } from '../linalg/csr-matrix';
import { type TextInput, textDocuments } from './text-input';
import { Tokenizer } from './tokenizer';
import { countLevels, expandRows, pruneVocabulary, remapColumns } from './vocabulary';

export interface CountVectorizerParams {
  /** Unicode normalisation before anything else ('NFKC' folds ligatures and full-width forms), or none. */
  normalize: 'NFKC' | null;
  lowercase: boolean;
  /** After lowercasing: 'unicode' drops accents (é → e), 'ascii' every non-ASCII character (scikit-learn's `strip_accents`). */
  stripAccents: 'unicode' | 'ascii' | null;
  /** 'english' is scikit-learn's ENGLISH_STOP_WORDS list. */
  stopWords: 'english' | string[] | null;
  ngramRange: [number, number];
  /** Drop terms in fewer documents than this: a count (integer ≥ 1) or a fraction of documents in [0, 1). */
  minDf: number;
  /** Drop terms in more documents than this: a fraction in (0, 1] (1 keeps all) or a count (integer > 1). */
  maxDf: number;
  /** Keep only this many terms, the most frequent over the corpus. */
  maxFeatures: number | null;
  /** Record presence (1) instead of counts. */
  binary: boolean;
}

export const COUNT_DEFAULTS: CountVectorizerParams = {
  normalize: 'NFKC',
  lowercase: true,
  stripAccents: null,
  stopWords: null,
  ngramRange: [1, 1],
  minDf: 1,
  maxDf: 1.0,
  maxFeatures: null,
  binary: false,
};

export const COUNT_CONSTRAINTS: ParamConstraints = {
  normalize: [{ type: 'options', values: ['NFKC'] }, { type: 'null' }],
  lowercase: [{ type: 'boolean' }],
  stripAccents: [{ type: 'options', values: ['unicode', 'ascii'] }, { type: 'null' }],
  stopWords: [{ type: 'options', values: ['english'] }, { type: 'array' }, { type: 'null' }],
  ngramRange: [{ type: 'array' }],
  minDf: [{ type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'left' }],
  maxDf: [{ type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'neither' }],
  maxFeatures: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }, { type: 'null' }],
  binary: [{ type: 'boolean' }],
};

/**
 * Shared work of CountVectorizer and TfidfVectorizer: learn a vocabulary (sorted by code point, like
 * scikit-learn's `vocabulary_`) and turn documents into a sparse document–term matrix. `transform` returns a dense
 * matrix so the vectorizer fits anywhere a transformer does; `transformSparse` keeps the CSR form for models with
 * a sparse path (LogisticRegression, NMF, LDA).
 */
export abstract class BaseVectorizer<P extends CountVectorizerParams> extends BaseTransformer<P> {
  /** The learned terms; column j of the output is `vocabulary_[j]`. */
  declare vocabulary_: string[];

  protected tokenizer(): Tokenizer {
    const { normalize, lowercase, stripAccents, stopWords, ngramRange } = this.params;
    return new Tokenizer({ normalize, lowercase, stripAccents, stopWords, ngramRange });
  }

  override validateParams(): void {
    super.validateParams();
    const [minN, maxN] = this.params.ngramRange;
    if (!(Number.isInteger(minN) && Number.isInteger(maxN) && minN >= 1 && minN <= maxN)) {
      this.invalid('ngramRange', 'a pair [minN, maxN] of integers with 1 ≤ minN ≤ maxN');
    }
    const { minDf, maxDf } = this.params;
    if (minDf >= 1 && !Number.isInteger(minDf))
      this.invalid('minDf', 'an integer count or a fraction in [0, 1)');
    if (maxDf > 1 && !Number.isInteger(maxDf))
      this.invalid('maxDf', 'a fraction in (0, 1] or an integer count');
  }

  private invalid(name: string, expected: string): never {
    const got = JSON.stringify(this.params[name as keyof P]);
    throw new MlError(
      'INVALID_PARAMETER',
      `The '${name}' parameter of ${this.kind} must be ${expected}. Got ${got}.`,
      {
        details: { kind: this.kind, parameter: name },
      },
    );
  }

  // term → column, built once per vocabulary: serving calls transform per request, and a 10⁵-term map costs
  // tens of milliseconds to build. Keyed by the vocabulary array, so fit and setState invalidate it.
  #index: { vocabulary: string[]; map: Map<string, number> } | null = null;

  #termIndex(): Map<string, number> {
    if (this.#index?.vocabulary !== this.vocabulary_) {
      this.#index = {
        vocabulary: this.vocabulary_,
        map: new Map(this.vocabulary_.map((term, j) => [term, j])),
      };
    }
    return this.#index.map;
  }

  /** Weights raw counts (TF-IDF); identity for plain counts. */
  protected abstract weigh(counts: CsrMatrix, fitting: boolean): CsrMatrix;

  /** Document–term matrices are sparse: a Pipeline keeps them in CSR form when the next step accepts it. */
  producesSparse(): boolean {
    return true;
  }

  fit(X: TextInput, y?: Target, options: FitOptions = {}): this {
    this.fitTransformSparse(X, y, options);
    return this;
  }

  fitTransformSparse(X: TextInput, _y?: Target, options: FitOptions = {}): CsrMatrix {
    this.validateParams();
    throwIfAborted(options.signal);
    const { levels, codes } = textDocuments(X, this.kind);
    checkNotEmpty(codes.length, 1, this.kind);
    const termIndex = new Map<string, number>();
    const counts = expandRows(
      countLevels(levels, codes, this.tokenizer(), termIndex, true),
      codes,
      termIndex.size,
    );
    options.onProgress?.(0.5, 'vocabulary');
    throwIfAborted(options.signal);
    const { vocabulary, remap } = pruneVocabulary([...termIndex.keys()], counts, this.params, this.kind);
    this.vocabulary_ = vocabulary;
    const out = this.weigh(this.binarize(remapColumns(counts, remap, vocabulary.length)), true);
    this.markFitted();
    options.onProgress?.(1);
    return out;
  }

  transformSparse(X: TextInput): CsrMatrix {
    this.checkFitted();
    const { levels, codes } = textDocuments(X, this.kind);
    const termIndex = this.#termIndex();
    const counts = expandRows(
      countLevels(levels, codes, this.tokenizer(), termIndex, false),
      codes,
      termIndex.size,
    );
    return this.weigh(this.binarize(counts), false);
  }

  transform(X: TextInput): Matrix {
    return this.transformSparse(X).toDense();
  }

  override fitTransform(X: TextInput, y?: Target, options: FitOptions = {}): Matrix {
    return this.fitTransformSparse(X, y, options).toDense();
  }

  /** The terms, one per output column (a ColumnTransformer prefixes them: `text__refund`). */
  featureNamesOut(): string[] {
    this.checkFitted();
    return [...this.vocabulary_];
  }

  protected override checkState(): void {
    this.expectState(this.vocabulary_.length > 0, 'the vocabulary is not empty');
  }

  private binarize(X: CsrMatrix): CsrMatrix {
    if (this.params.binary) X.data.fill(1);
    return X;
  }
}
