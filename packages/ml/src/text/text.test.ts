import { describe, expect, it } from 'vitest';
import { ColumnTransformer } from '../compose/column-transformer';
import { categoricalColumn, numericColumn } from '../core/column';
import { Frame } from '../core/frame';
import { Matrix } from '../core/matrix';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { fromJSON } from '../serialization/from-json';
import { toJSON } from '../serialization/to-json';
import { CountVectorizer } from './count-vectorizer';
import { importancesByToken, topicImportancesToTerms } from './feature-attribution';
import { LatentDirichletAllocation } from './latent-dirichlet-allocation';
import { NMF } from './nmf';
import { TfidfVectorizer } from './tfidf-vectorizer';
import { compareCodePoints, stripAccents, Tokenizer } from './tokenizer';

const plain = {
  normalize: null,
  lowercase: true,
  stripAccents: null,
  stopWords: null,
  ngramRange: [1, 1],
} as const;

describe('Tokenizer', () => {
  it('keeps runs of two or more letters, digits or underscores in any script', () => {
    const t = new Tokenizer({ ...plain, ngramRange: [1, 1] });
    expect(t.words('Ünïcode wörds, 東京 x 42 a_b — Ωμέγα!')).toEqual([
      'ünïcode',
      'wörds',
      '東京',
      '42',
      'a_b',
      'ωμέγα',
    ]);
  });

  it('folds compatibility forms with NFKC before lowercasing', () => {
    const nfkc = new Tokenizer({ ...plain, normalize: 'NFKC', ngramRange: [1, 1] });
    const raw = new Tokenizer({ ...plain, ngramRange: [1, 1] });
    // U+FB01 (ﬁ ligature) and full-width letters.
    expect(nfkc.words('ﬁnance ＦＲＥＥ')).toEqual(['finance', 'free']);
    expect(raw.words('ﬁnance ＦＲＥＥ')).toEqual(['ﬁnance', 'ｆｒｅｅ']);
  });

  it('drops English stop words before building n-grams, as scikit-learn does', () => {
    const t = new Tokenizer({ ...plain, stopWords: 'english', ngramRange: [1, 2] });
    expect(t.tokens('The cat and the hat')).toEqual(['cat', 'hat', 'cat hat']);
    const trigrams = new Tokenizer({ ...plain, ngramRange: [2, 3] });
    expect(trigrams.tokens('aa bb cc')).toEqual(['aa bb', 'bb cc', 'aa bb cc']);
  });

  it("strips accents as scikit-learn's strip_accents does", () => {
    expect(stripAccents('Crème Brûlée ΐ', 'unicode')).toBe('Creme Brulee ι');
    expect(stripAccents('Straße 東京 café', 'ascii')).toBe('Strae  cafe');
    expect(stripAccents('plain ascii', 'unicode')).toBe('plain ascii');
  });

  it('orders by code point like Python (astral characters after U+FFxx)', () => {
    expect(['😀', '\uff21', 'b'].sort(compareCodePoints)).toEqual(['b', '\uff21', '😀']);
  });
});

describe('vectorizers', () => {
  const docs = ['free money now', 'free prize money', 'meeting at noon', 'noon meeting agenda'];

  it('read a frame text column, treat a missing value as an empty document, and ignore unseen terms', () => {
    const frame = new Frame([categoricalColumn('body', [...docs, null])]);
    const cv = new CountVectorizer().fit(frame);
    expect(cv.vocabulary_).toEqual(['agenda', 'at', 'free', 'meeting', 'money', 'noon', 'now', 'prize']);
    const X = cv.transform(['free free unseen']);
    expect(Array.from(X.row(0))).toEqual([0, 0, 2, 0, 0, 0, 0, 0]);
    expect(Array.from(cv.transform(frame).row(4))).toEqual(new Array(8).fill(0));
  });

  it('learn only from the rows present, not from levels a frame kept after take', () => {
    const frame = new Frame([categoricalColumn('body', docs)]).take(Int32Array.from([0, 1]));
    const cv = new CountVectorizer({ minDf: 0 }).fit(frame);
    expect(cv.vocabulary_).toEqual(['free', 'money', 'now', 'prize']);
  });

  it('give clear errors for numeric input and impossible document-frequency bounds', () => {
    expect(() => new TfidfVectorizer().fit(Matrix.fromRows([[1, 2]]))).toThrow(
      expect.objectContaining({ code: 'WRONG_COLUMN_KIND' }),
    );
    expect(() => new TfidfVectorizer().fit(new Frame([numericColumn('n', [1, 2])]))).toThrow(
      expect.objectContaining({ code: 'WRONG_COLUMN_KIND' }),
    );
    expect(() =>
      new TfidfVectorizer().fit(new Frame([categoricalColumn('a', ['x']), categoricalColumn('b', ['y'])])),
    ).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
    expect(() => new CountVectorizer({ minDf: 3, maxDf: 2 }).fit(docs)).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
    expect(() => new CountVectorizer({ minDf: 3 }).fit(docs)).toThrow(
      expect.objectContaining({ code: 'EMPTY_DATA' }),
    );
    expect(() => new CountVectorizer({ ngramRange: [2, 1] }).fit(docs)).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });

  it('round-trip through JSON with the same output', () => {
    const tfidf = new TfidfVectorizer({ ngramRange: [1, 2], sublinearTf: true }).fit(docs);
    const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(tfidf)))) as TfidfVectorizer;
    expect(loaded.transform(docs).data).toEqual(tfidf.transform(docs).data);
  });

  it('name ColumnTransformer outputs entry__token and map importances back to tokens', () => {
    const frame = new Frame([categoricalColumn('body', docs)]);
    const ct = new ColumnTransformer([['text', new CountVectorizer(), ['body']]]);
    const X = ct.fitTransform(frame);
    const y = { codes: Int32Array.from([1, 1, 0, 0]), levels: ['ham', 'spam'] };
    const model = new LogisticRegression({ C: 10 }).fit(X, y);
    const top = importancesByToken(ct.featureNamesOut(), model.coef_.row(0), { entry: 'text', top: 3 });
    expect(top[0].feature.startsWith('text__')).toBe(true);
    // The most spam-like token is 'free' or 'money' (each in both spam documents, never in ham).
    expect(['free', 'money']).toContain(top[0].token);
    expect(top[0].importance).toBeGreaterThan(0);
  });
});

/** Three planted topics over disjoint vocabularies; each document mixes mostly one of them. */
const VOCAB = [
  ['goal', 'match', 'team', 'league', 'coach', 'score'],
  ['stock', 'market', 'price', 'shares', 'trade', 'bank'],
  ['cell', 'gene', 'protein', 'virus', 'enzyme', 'tissue'],
];
const groupOf = (term: string) => VOCAB.findIndex((words) => words.includes(term));

function plantedCorpus(): { docs: string[]; topic: number[] } {
  const vocab = VOCAB;
  const docs: string[] = [];
  const topic: number[] = [];
  for (let d = 0; d < 45; d++) {
    const t = d % 3;
    const words: string[] = [];
    for (let w = 0; w < 12; w++) words.push(vocab[t][(d * 7 + w * 5) % 6]);
    words.push(vocab[(t + 1) % 3][d % 6]);
    docs.push(words.join(' '));
    topic.push(t);
  }
  return { docs, topic };
}

describe.each([
  ['NMF', () => new NMF({ nComponents: 3, randomState: 1, maxIter: 400 })],
  [
    'LatentDirichletAllocation',
    () => new LatentDirichletAllocation({ nComponents: 3, randomState: 1, maxIter: 30 }),
  ],
])('%s on planted topics', (_name, make) => {
  it('recovers each planted topic as one component, deterministically', () => {
    const { docs, topic } = plantedCorpus();
    const cv = new CountVectorizer();
    const counts = cv.fitTransformSparse(docs);
    const model = make().fit(counts);
    const tops = model.topTerms(4, cv.vocabulary_);
    expect(tops).toHaveLength(3);
    const groups = tops.map((terms) => new Set(terms.map(({ term }) => groupOf(term))));
    for (const g of groups) expect(g.size).toBe(1);
    expect(new Set(groups.map((g) => [...g][0])).size).toBe(3);
    // Documents of the same planted topic share their strongest component.
    const W = model.transform(counts);
    const strongest = Array.from({ length: W.nRows }, (_, i) => {
      const row = Array.from(W.row(i));
      return row.indexOf(Math.max(...row));
    });
    for (let i = 3; i < strongest.length; i++) expect(strongest[i]).toBe(strongest[i - 3]);
    expect(new Set(strongest.slice(0, 3)).size).toBe(3);
    expect(topic).toHaveLength(45);
    // Same seed, same topics.
    expect(make().fit(counts).components_.data).toEqual(model.components_.data);
    // Topic importances carried back to terms: the topic's own words come first.
    const imp = new Float64Array(3);
    imp[strongest[0]] = 1;
    const terms = topicImportancesToTerms(imp, model.components_, cv.vocabulary_, 6).map((t) => t.term);
    for (const term of terms) expect(groupOf(term)).toBe(0);
  });
});
