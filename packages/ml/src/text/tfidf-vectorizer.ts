import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import type { CsrMatrix } from '../linalg/csr-matrix';
import {
  BaseVectorizer,
  COUNT_CONSTRAINTS,
  COUNT_DEFAULTS,
  type CountVectorizerParams,
} from './base-vectorizer';

export interface TfidfVectorizerParams extends CountVectorizerParams {
  /** Each row scaled to unit l2 or l1 norm, or left as is. */
  norm: 'l2' | 'l1' | null;
  useIdf: boolean;
  /** Add one to every document frequency, as if one extra document held every term (no division by zero). */
  smoothIdf: boolean;
  /** Use 1 + ln(tf) instead of tf. */
  sublinearTf: boolean;
}

/**
 * Documents to TF-IDF weights (scikit-learn's `TfidfVectorizer`): counts × idf, where
 * idf(t) = ln((1 + n) / (1 + df(t))) + 1 (smoothIdf) or ln(n / df(t)) + 1, then each row normalised.
 * Same vocabulary and values as scikit-learn to 1e-9 (see text/tfidf-parity.test.ts).
 */
export class TfidfVectorizer extends BaseVectorizer<TfidfVectorizerParams> {
  static override readonly kind: string = 'TfidfVectorizer';
  static override readonly paramConstraints: ParamConstraints = {
    ...COUNT_CONSTRAINTS,
    norm: [{ type: 'options', values: ['l2', 'l1'] }, { type: 'null' }],
    useIdf: [{ type: 'boolean' }],
    smoothIdf: [{ type: 'boolean' }],
    sublinearTf: [{ type: 'boolean' }],
  };
  static override readonly stateSchema: StateSchema = { vocabulary_: 'strings', idf_: 'float64?' };

  /** The inverse document frequency of each term (null when `useIdf` is false). */
  declare idf_: Float64Array | null;

  constructor(params: Partial<TfidfVectorizerParams> = {}) {
    super({ ...COUNT_DEFAULTS, norm: 'l2', useIdf: true, smoothIdf: true, sublinearTf: false }, params);
  }

  protected override checkState(): void {
    super.checkState();
    this.expectState(this.idf_ === null || this.idf_.length === this.vocabulary_.length, 'one idf per term');
  }

  protected weigh(X: CsrMatrix, fitting: boolean): CsrMatrix {
    const { useIdf, smoothIdf, sublinearTf, norm } = this.params;
    if (fitting) this.idf_ = useIdf ? inverseDocumentFrequency(X, smoothIdf) : null;
    const { data, indices, indptr } = X;
    if (sublinearTf) for (let k = 0; k < data.length; k++) data[k] = Math.log(data[k]) + 1;
    const idf = this.idf_;
    if (idf) for (let k = 0; k < data.length; k++) data[k] *= idf[indices[k]];
    if (norm !== null) {
      for (let i = 0; i < X.nRows; i++) {
        let sum = 0;
        for (let k = indptr[i]; k < indptr[i + 1]; k++)
          sum += norm === 'l2' ? data[k] * data[k] : Math.abs(data[k]);
        const scale = norm === 'l2' ? Math.sqrt(sum) : sum;
        if (scale > 0) for (let k = indptr[i]; k < indptr[i + 1]; k++) data[k] /= scale;
      }
    }
    return X;
  }
}

function inverseDocumentFrequency(X: CsrMatrix, smooth: boolean): Float64Array {
  const df = new Float64Array(X.nCols);
  for (let k = 0; k < X.nnz; k++) df[X.indices[k]] += 1;
  const extra = smooth ? 1 : 0;
  const n = X.nRows + extra;
  return df.map((d) => Math.log(n / (d + extra)) + 1);
}
