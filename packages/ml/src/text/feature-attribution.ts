import { MlError } from '../core/errors';
import type { Matrix } from '../core/matrix';

/** One output feature of a fitted pipeline, split into its ColumnTransformer entry and its token or topic. */
export interface TokenImportance {
  /** The full feature name, e.g. `text__refund`. */
  feature: string;
  /** The ColumnTransformer entry (`text`), or '' when the name has no `entry__` prefix. */
  entry: string;
  /** The token, n-gram or topic name (`refund`, `free money`, `topic3`). */
  token: string;
  importance: number;
}

/** Splits `entry__token` at the first `__` (scikit-learn's `get_feature_names_out` convention). */
export function splitFeatureName(feature: string): { entry: string; token: string } {
  const at = feature.indexOf('__');
  return at < 0
    ? { entry: '', token: feature }
    : { entry: feature.slice(0, at), token: feature.slice(at + 2) };
}

/**
 * Feature importances (permutation importances, coefficients, ...) paired with their tokens or topics and sorted
 * by absolute value, largest first, so the studio can say "spam because of: free, click, remove". With `entry`,
 * only that ColumnTransformer entry's features are kept.
 */
export function importancesByToken(
  featureNames: readonly string[],
  importances: ArrayLike<number>,
  options: { entry?: string; top?: number } = {},
): TokenImportance[] {
  if (featureNames.length !== importances.length) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `Got ${featureNames.length} feature names but ${importances.length} importances. Pass the fitted pipeline's featureNamesOut().`,
    );
  }
  const rows = featureNames.map((feature, j) => ({
    feature,
    ...splitFeatureName(feature),
    importance: importances[j],
  }));
  const kept = options.entry === undefined ? rows : rows.filter((row) => row.entry === options.entry);
  kept.sort((a, b) => Math.abs(b.importance) - Math.abs(a.importance) || (a.feature < b.feature ? -1 : 1));
  return options.top === undefined ? kept : kept.slice(0, options.top);
}

/**
 * Carries importances of topic features back to terms: term j gets Σ_t importance_t · p(j | t), where p(j | t)
 * is topic t's row of `components_` normalised to sum to one. Lets a model built on NMF/LDA topics be explained
 * with words. Sorted by absolute value, largest first.
 */
export function topicImportancesToTerms(
  topicImportances: ArrayLike<number>,
  components: Matrix,
  terms: readonly string[],
  top?: number,
): { term: string; importance: number }[] {
  if (topicImportances.length !== components.nRows || terms.length !== components.nCols) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `Got ${topicImportances.length} topic importances and ${terms.length} terms for a ${components.nRows} × ${components.nCols} topic–term matrix. Pass one importance per topic and the vectorizer's vocabulary_.`,
    );
  }
  const scores = new Float64Array(terms.length);
  for (let t = 0; t < components.nRows; t++) {
    let sum = 0;
    for (let j = 0; j < terms.length; j++) sum += components.get(t, j);
    if (sum <= 0) continue;
    const weight = topicImportances[t] / sum;
    for (let j = 0; j < terms.length; j++) scores[j] += weight * components.get(t, j);
  }
  const out = terms.map((term, j) => ({ term, importance: scores[j] }));
  out.sort((a, b) => Math.abs(b.importance) - Math.abs(a.importance) || (a.term < b.term ? -1 : 1));
  return top === undefined ? out : out.slice(0, top);
}
