import type { StateSchema } from '../core/state';
import type { CsrMatrix } from '../linalg/csr-matrix';
import {
  BaseVectorizer,
  COUNT_CONSTRAINTS,
  COUNT_DEFAULTS,
  type CountVectorizerParams,
} from './base-vectorizer';

export type { CountVectorizerParams } from './base-vectorizer';

/**
 * Documents to term counts (scikit-learn's `CountVectorizer` with `analyzer='word'`): one column per term of the
 * learned vocabulary, sorted by code point.
 *
 *   const cv = new CountVectorizer({ ngramRange: [1, 2], stopWords: 'english' });
 *   const counts = cv.fitTransformSparse(['Free money now', 'Meeting moved to noon']);
 */
export class CountVectorizer extends BaseVectorizer<CountVectorizerParams> {
  static override readonly kind: string = 'CountVectorizer';
  static override readonly paramConstraints = COUNT_CONSTRAINTS;
  static override readonly stateSchema: StateSchema = { vocabulary_: 'strings' };

  constructor(params: Partial<CountVectorizerParams> = {}) {
    super(COUNT_DEFAULTS, params);
  }

  protected weigh(counts: CsrMatrix): CsrMatrix {
    return counts;
  }
}
