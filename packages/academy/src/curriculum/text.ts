import { CountVectorizer, NMF, TfidfVectorizer, Tokenizer } from '@quarry/ml';
import { memo, round } from './lab-data';
import { supportTickets, TICKET_THEMES, type TicketTheme } from './support-tickets';

export interface TermWeight {
  term: string;
  /** Times the term occurs in the sentence (the bag-of-words value). */
  count: number;
  /** ln((1 + n) / (1 + df)) + 1: high for rare terms, 1 for a term in every ticket. */
  idf: number;
  /** The TF-IDF weight in the sentence's unit-length vector. */
  weight: number;
}

export interface SentenceTerms {
  terms: TermWeight[];
  /** Words of the sentence the vectorizer drops: stop words and words not in its vocabulary. */
  dropped: string[];
  vocabularySize: number;
  documents: number;
}

let fitted: { tfidf: TfidfVectorizer; counts: CountVectorizer; docs: string[] } | undefined;

/** A TF-IDF vectorizer (English stop words, terms in at least 2 tickets) and a count vectorizer on the tickets. */
function vectorizers() {
  if (!fitted) {
    const docs = supportTickets().map((t) => t.text);
    const params = { stopWords: 'english' as const, minDf: 2 };
    fitted = {
      tfidf: new TfidfVectorizer(params).fit(docs),
      counts: new CountVectorizer(params).fit(docs),
      docs,
    };
  }
  return fitted;
}

/**
 * The text lesson, first part: the learner types a sentence and sees how a vectorizer fitted on 240 support
 * tickets reads it — the words it keeps, how often each occurs (bag of words), and the TF-IDF weight that turns
 * up rare, specific words ("refund", "router") and turns down words every ticket has ("help").
 */
export const sentenceTerms = (sentence: string): SentenceTerms => termsMemo(sentence.slice(0, 500));

const termsMemo = memo((sentence) => {
  const { tfidf, counts, docs } = vectorizers();
  const weights = tfidf.transformSparse([sentence]);
  const bag = counts.transformSparse([sentence]);
  const vocab = tfidf.vocabulary_;
  const countVocab = new Map(counts.vocabulary_.map((t, j) => [t, j]));
  const terms: TermWeight[] = [];
  for (let p = weights.indptr[0]; p < weights.indptr[1]; p++) {
    const term = vocab[weights.indices[p]];
    terms.push({
      term,
      count: bag.get(0, countVocab.get(term) ?? 0),
      idf: round(tfidf.idf_?.[weights.indices[p]] ?? 1),
      weight: round(weights.data[p]),
    });
  }
  terms.sort((a, b) => b.weight - a.weight || a.term.localeCompare(b.term));
  const kept = new Set(terms.map((t) => t.term));
  const words = new Tokenizer({
    normalize: 'NFKC',
    lowercase: true,
    stripAccents: null,
    stopWords: null,
    ngramRange: [1, 1],
  }).words(sentence);
  return {
    terms,
    dropped: [...new Set(words.filter((w) => !kept.has(w)))],
    vocabularySize: vocab.length,
    documents: docs.length,
  };
});

export interface TopicsResult {
  k: number;
  /** Per topic, its top terms with weights, and the ticket theme most of its tickets belong to. */
  topics: { terms: { term: string; weight: number }[]; theme: TicketTheme; purity: number }[];
}

/**
 * The text lesson, second part: NMF with `k` topics on the tickets' TF-IDF matrix. At k = 4 the topics line up
 * with the four themes the tickets were written about; fewer merge themes, more split them.
 */
export const ticketTopics = (k: number): TopicsResult => topicsMemo(String(k));

const topicsMemo = memo((key) => {
  const k = Math.min(8, Math.max(2, Math.round(Number(key))));
  const { tfidf, docs } = vectorizers();
  const tickets = supportTickets();
  const X = tfidf.transformSparse(docs);
  const nmf = new NMF({ nComponents: k, randomState: 0, maxIter: 400 }).fit(X);
  const doc = nmf.transform(X);
  const top = nmf.topTerms(6, tfidf.vocabulary_);
  const themes = Object.keys(TICKET_THEMES) as TicketTheme[];
  const topics = top.map((terms, t) => {
    const tally = new Map<TicketTheme, number>();
    let total = 0;
    for (let i = 0; i < doc.nRows; i++) {
      let best = 0;
      for (let j = 1; j < k; j++) if (doc.get(i, j) > doc.get(i, best)) best = j;
      if (best !== t) continue;
      total++;
      tally.set(tickets[i].theme, (tally.get(tickets[i].theme) ?? 0) + 1);
    }
    const [theme, count] = [...tally].sort((a, b) => b[1] - a[1])[0] ?? [themes[0], 0];
    return {
      terms: terms.map((term) => ({ term: term.term, weight: round(term.weight) })),
      theme,
      purity: total === 0 ? 0 : count / total,
    };
  });
  return { k, topics };
});
