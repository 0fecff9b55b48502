import { describe, expect, it } from 'vitest';
import { ColumnTransformer } from '../compose/column-transformer';
import { Pipeline } from '../compose/pipeline';
import { categoricalColumn, numericColumn } from '../core/column';
import { Frame } from '../core/frame';
import { CsrMatrix } from '../linalg/csr-matrix';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { StandardScaler } from '../preprocessing/standard-scaler';
import { fromJSON } from '../serialization/from-json';
import { toJSON } from '../serialization/to-json';
import { NMF } from './nmf';
import { TfidfVectorizer } from './tfidf-vectorizer';

const spam = ['win free money now', 'free prize claim now', 'cheap money offer', 'claim your free cash'];
const ham = ['meeting at noon today', 'agenda for the meeting', 'lunch at noon', 'notes from today'];
const docs = [...spam, ...ham, ...spam.map((d) => `${d} again`), ...ham.map((d) => `re ${d}`)];
const y = { codes: Int32Array.from(docs, (_, i) => (i % 8 < 4 ? 1 : 0)), levels: ['ham', 'spam'] };
/** The documents as a frame with one text column, as the studio passes them. */
const text = new Frame([categoricalColumn('body', docs)]);
const frame = new Frame([
  categoricalColumn('body', docs),
  numericColumn(
    'length',
    docs.map((d) => d.length),
  ),
]);

describe('sparse hand-off in pipelines', () => {
  it('a vectorizer hands LogisticRegression a CSR matrix (same model as fitting the CSR directly)', () => {
    const pipe = new Pipeline([
      ['tfidf', new TfidfVectorizer()],
      ['model', new LogisticRegression({ C: 10 })],
    ]).fit(text, y);
    const tfidf = new TfidfVectorizer();
    const direct = new LogisticRegression({ C: 10 }).fit(tfidf.fitTransformSparse(docs), y);
    const viaPipe = (pipe.step('model') as LogisticRegression).coef_.data;
    expect(Array.from(viaPipe)).toEqual(Array.from(direct.coef_.data));
    expect(pipe.predictProba(text).data).toEqual(direct.predictProba(tfidf.transformSparse(docs)).data);
    expect(
      Array.from(
        pipe.predict(new Frame([categoricalColumn('body', ['free money claim', 'meeting notes today'])])),
      ),
    ).toEqual([1, 0]);
  });

  it('a ColumnTransformer with a text entry and a numeric entry feeds the model in CSR form', () => {
    const make = () =>
      new Pipeline([
        [
          'prep',
          new ColumnTransformer([
            ['text', new TfidfVectorizer(), ['body']],
            ['num', new StandardScaler(), ['length']],
          ]),
        ],
        ['model', new LogisticRegression({ C: 10 })],
      ]);
    const pipe = make().fit(frame, y);
    const prep = pipe.step('prep') as ColumnTransformer;
    expect(prep.producesSparse()).toBe(true);
    const Xs = prep.transformSparse(frame);
    expect(Xs).toBeInstanceOf(CsrMatrix);
    expect(Xs.toDense().data).toEqual(prep.transform(frame).data);
    expect(prep.featureNamesOut().at(-1)).toBe('num__length');
    expect(prep.featureNamesOut()[0].startsWith('text__')).toBe(true);
    const direct = new LogisticRegression({ C: 10 }).fit(Xs, y);
    expect(pipe.predictProba(frame).data).toEqual(direct.predictProba(Xs).data);
    // Saved and loaded, the pipeline predicts the same.
    const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(pipe)))) as Pipeline;
    expect(loaded.predictProba(frame).data).toEqual(pipe.predictProba(frame).data);
  });

  it('a vectorizer hands NMF a CSR matrix inside a pipeline', () => {
    const pipe = new Pipeline([
      ['counts', new TfidfVectorizer()],
      ['topics', new NMF({ nComponents: 2, randomState: 4 })],
    ]).fit(text);
    const tfidf = new TfidfVectorizer();
    const direct = new NMF({ nComponents: 2, randomState: 4 }).fit(tfidf.fitTransformSparse(docs));
    expect((pipe.step('topics') as NMF).components_.data).toEqual(direct.components_.data);
    expect((pipe.transform(text) as { data: Float64Array }).data).toEqual(
      direct.transform(tfidf.transformSparse(docs)).data,
    );
  });
});
