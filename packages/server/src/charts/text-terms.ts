import {
  type ColumnTransformer,
  importancesByToken,
  LogisticRegression,
  NMF,
  Pipeline,
  TfidfVectorizer,
} from '@quarry/ml';
import type { ModelCharts } from './types';

const TOP_TERMS = 12;
const TOPIC_TERMS = 6;

/**
 * What a model reads in its text columns (the `textK` entries makeTabularModel builds), in words:
 * - TF-IDF straight into logistic regression: the terms with the largest coefficients, signed (for two classes a
 *   positive weight pushes towards the second class);
 * - TF-IDF → NMF topics (every other model): each topic's heaviest terms, the vocabulary the model's topic
 *   features stand for.
 * Null when the model has no text column.
 */
export function textTerms(model: unknown, classes: readonly string[] | null): ModelCharts['textTerms'] {
  if (!(model instanceof Pipeline)) return null;
  const names = model.stepNames();
  if (!names.includes('prep') || !names.includes('model')) return null;
  const prep = model.step('prep') as ColumnTransformer;
  const final = model.step('model');
  const out: NonNullable<ModelCharts['textTerms']> = [];
  for (const [entry, transformer, columns] of prep.params.transformers) {
    if (!/^text\d+$/.test(entry)) continue;
    if (transformer instanceof TfidfVectorizer && final instanceof LogisticRegression) {
      const row = final.coef_.nRows === 1 ? 0 : null;
      const weights = Float64Array.from(prep.featureNamesOut_, (_, j) =>
        row === null ? maxAbsColumn(final, j) : final.coef_.get(row, j),
      );
      out.push({
        feature: columns[0],
        how: 'coefficients',
        towards: row === 0 && classes !== null && classes.length === 2 ? classes[1] : null,
        terms: importancesByToken(prep.featureNamesOut_, weights, { entry, top: TOP_TERMS }).map((t) => ({
          term: t.token,
          weight: t.importance,
        })),
        topics: null,
      });
    } else if (transformer instanceof Pipeline) {
      const tfidf = transformer.step('tfidf');
      const nmf = transformer.step('topics');
      if (!(tfidf instanceof TfidfVectorizer) || !(nmf instanceof NMF)) continue;
      out.push({
        feature: columns[0],
        how: 'topics',
        towards: null,
        terms: null,
        topics: nmf.topTerms(TOPIC_TERMS, tfidf.vocabulary_).map((terms) => terms.map((t) => t.term)),
      });
    }
  }
  return out.length === 0 ? null : out;
}

/** Several classes: a term's largest coefficient in absolute value over the classes, with its sign. */
function maxAbsColumn(model: LogisticRegression, j: number): number {
  let best = 0;
  for (let k = 0; k < model.coef_.nRows; k++) {
    const w = model.coef_.get(k, j);
    if (Math.abs(w) > Math.abs(best)) best = w;
  }
  return best;
}
