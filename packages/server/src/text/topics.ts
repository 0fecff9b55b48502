import {
  CountVectorizer,
  LatentDirichletAllocation,
  LogisticRegression,
  NMF,
  TfidfVectorizer,
  type TopicTerm,
} from '@quarry/ml';

/** The pool task behind Explore → Text (run-task.ts dispatches on `kind`). */
export interface TextTopicsInput {
  kind: 'text-topics';
  documents: string[];
  /** One label per document (a classification target), or null. */
  labels: (string | null)[] | null;
  method: 'nmf' | 'lda';
  topics: number;
  terms: number;
  seed: number;
}

export interface TextTopicsOutput {
  nDocuments: number;
  nEmpty: number;
  vocabularySize: number;
  /** The most common terms: in how many documents each appears. */
  commonTerms: { term: string; documents: number }[];
  topics: {
    terms: TopicTerm[];
    /** Share of documents whose strongest topic this is. */
    share: number;
    /** Up to two short documents that lean most on this topic. */
    examples: string[];
  }[];
  /**
   * With a classification target: per class, the terms whose TF-IDF weight most raises its odds in a logistic
   * regression (one-vs-rest reading of the coefficients); two classes share one coefficient vector.
   */
  classTerms: { label: string; terms: { term: string; weight: number }[] }[] | null;
  /** Nothing to say (too few documents or terms), in words. */
  problem?: string;
}

/** Term filters shared by both topic models: English stop words, a term in ≥ 2 documents and ≤ 95% of them. */
const TERMS = { stopWords: 'english' as const, minDf: 2, maxDf: 0.95, maxFeatures: 20_000 };

/**
 * Topics of a text column. NMF factorises TF-IDF weights (sharp, distinct topics on short texts); LDA is a
 * probabilistic model of raw counts (its own vectorizer). Both are seeded, so the same documents and seed give
 * the same topics.
 */
export function textTopics(input: TextTopicsInput): TextTopicsOutput {
  const docs = input.documents;
  const nonEmpty = docs.filter((d) => d.trim() !== '').length;
  const empty: TextTopicsOutput = {
    nDocuments: docs.length,
    nEmpty: docs.length - nonEmpty,
    vocabularySize: 0,
    commonTerms: [],
    topics: [],
    classTerms: null,
  };
  if (nonEmpty < 2 * input.topics) {
    return { ...empty, problem: `${nonEmpty} non-empty documents are too few for ${input.topics} topics.` };
  }
  const counts = new CountVectorizer(TERMS);
  let countMatrix: ReturnType<CountVectorizer['fitTransformSparse']>;
  try {
    countMatrix = counts.fitTransformSparse(docs);
  } catch {
    return { ...empty, problem: 'No term appears in at least two documents (after English stop words).' };
  }
  const vocabulary = counts.vocabulary_;
  if (vocabulary.length < input.topics) {
    return { ...empty, problem: `Only ${vocabulary.length} terms appear in two or more documents.` };
  }
  const documentFrequency = new Float64Array(vocabulary.length);
  for (const j of countMatrix.indices) documentFrequency[j]++;
  const commonTerms = Array.from(documentFrequency.keys())
    .sort((a, b) => documentFrequency[b] - documentFrequency[a] || a - b)
    .slice(0, 20)
    .map((j) => ({ term: vocabulary[j], documents: documentFrequency[j] }));

  const tfidf = new TfidfVectorizer({ ...TERMS, sublinearTf: true });
  const weights = tfidf.fitTransformSparse(docs);
  const model =
    input.method === 'nmf'
      ? new NMF({ nComponents: input.topics, randomState: input.seed }).fit(weights)
      : new LatentDirichletAllocation({ nComponents: input.topics, randomState: input.seed }).fit(
          countMatrix,
        );
  const mix = model.transform(input.method === 'nmf' ? weights : countMatrix);
  const terms = model.topTerms(input.terms, input.method === 'nmf' ? tfidf.vocabulary_ : vocabulary);
  const topics = terms.map((topicTerms) => ({ terms: topicTerms, share: 0, examples: [] as string[] }));
  const best: { doc: number; weight: number }[][] = topics.map(() => []);
  for (let i = 0; i < docs.length; i++) {
    let top = -1;
    let topWeight = 0;
    for (let t = 0; t < topics.length; t++) {
      const w = mix.get(i, t);
      if (w > topWeight) {
        top = t;
        topWeight = w;
      }
    }
    if (top < 0) continue;
    topics[top].share += 1 / docs.length;
    if (docs[i].length <= 300) best[top].push({ doc: i, weight: topWeight });
  }
  best.forEach((candidates, t) => {
    candidates.sort((a, b) => b.weight - a.weight || a.doc - b.doc);
    topics[t].examples = candidates.slice(0, 2).map((c) => docs[c.doc]);
  });
  return {
    nDocuments: docs.length,
    nEmpty: docs.length - nonEmpty,
    vocabularySize: vocabulary.length,
    commonTerms,
    topics,
    classTerms:
      input.labels === null ? null : classTerms(weights, tfidf.vocabulary_, input.labels, input.terms),
  };
}

function classTerms(
  weights: ReturnType<TfidfVectorizer['fitTransformSparse']>,
  vocabulary: readonly string[],
  labels: (string | null)[],
  k: number,
): TextTopicsOutput['classTerms'] {
  const keep = Int32Array.from(labels.keys()).filter((i) => labels[i] !== null);
  const levels = [...new Set(Array.from(keep, (i) => labels[i] as string))].sort();
  if (levels.length < 2 || levels.length > 20) return null;
  const codes = Int32Array.from(keep, (i) => levels.indexOf(labels[i] as string));
  const rows = keep.length === labels.length ? weights : weights.takeRows(keep);
  const model = new LogisticRegression({ C: 10, maxIter: 300 }).fit(rows, { codes, levels });
  const coef = model.coef_;
  const top = (row: number, sign: number) =>
    Array.from(vocabulary.keys())
      .sort((a, b) => sign * (coef.get(row, b) - coef.get(row, a)) || a - b)
      .slice(0, k)
      .map((j) => ({ term: vocabulary[j], weight: coef.get(row, j) }));
  if (levels.length === 2)
    return [
      { label: levels[1], terms: top(0, 1) },
      { label: levels[0], terms: top(0, -1) },
    ];
  return levels.map((label, c) => ({ label, terms: top(c, 1) }));
}
