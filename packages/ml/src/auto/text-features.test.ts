import { describe, expect, it } from 'vitest';
import type { ColumnTransformer } from '../compose/column-transformer';
import { categoricalColumn, numericColumn } from '../core/column';
import { Frame } from '../core/frame';
import { toLabels } from '../core/labels';
import { Rng } from '../core/rng';
import { accuracyScore } from '../metrics/accuracy-score';
import { fromJSON } from '../serialization/from-json';
import { toJSON } from '../serialization/to-json';
import { makeTabularModel, TEXT_TOPICS } from './make-tabular-model';

const COMPLAINT = ['refund', 'broken', 'late', 'damaged', 'cancel', 'angry', 'missing', 'return'];
const PRAISE = ['great', 'love', 'fast', 'perfect', 'thanks', 'happy', 'excellent', 'recommend'];

/** 240 seeded reviews: the words tell complaint from praise; `stars` is noise. */
function reviews(seed: number) {
  const rng = new Rng(seed);
  const docs: string[] = [];
  const label: string[] = [];
  const stars: number[] = [];
  for (let i = 0; i < 240; i++) {
    const bad = i % 2 === 0;
    const pool = bad ? COMPLAINT : PRAISE;
    const words = Array.from({ length: 8 }, () =>
      rng.nextFloat() < 0.7 ? pool[Math.floor(rng.nextFloat() * 8)] : ['the', 'order', 'item', 'shop'][i % 4],
    );
    docs.push(words.join(' '));
    label.push(bad ? 'complaint' : 'praise');
    stars.push(1 + Math.floor(rng.nextFloat() * 5));
  }
  return {
    X: new Frame([categoricalColumn('review', docs), numericColumn('stars', stars)]),
    y: toLabels(label),
  };
}

const features = [
  { name: 'review', kind: 'categorical' as const, cardinality: 240, text: true },
  { name: 'stars', kind: 'numeric' as const },
];

describe('text columns in the studio models', () => {
  const train = reviews(1);
  const test = reviews(2);

  it('linear: TF-IDF straight into logistic regression, its features named by token', () => {
    const model = makeTabularModel({ task: 'classification', family: 'linear', features }).fit(
      train.X,
      train.y,
    );
    const names = (model.step('prep') as ColumnTransformer).featureNamesOut_;
    expect(names).toContain('text0__refund');
    expect(names).toContain('num__stars');
    expect(accuracyScore(test.y.codes, model.predict(test.X))).toBeGreaterThan(0.95);
  });

  for (const family of ['gbdt', 'forest', 'knn'] as const) {
    it(`${family}: ${TEXT_TOPICS} NMF topics per text column, and a round trip predicts identically`, () => {
      const model = makeTabularModel({ task: 'classification', family, features, randomState: 3 }).fit(
        train.X,
        train.y,
      );
      const names = (model.step('prep') as ColumnTransformer).featureNamesOut_;
      expect(names.filter((n) => n.startsWith('text0__'))).toHaveLength(TEXT_TOPICS);
      const predicted = model.predict(test.X);
      expect(accuracyScore(test.y.codes, predicted)).toBeGreaterThan(0.9);
      const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(model)))) as typeof model;
      expect(Array.from(loaded.predict(test.X))).toEqual(Array.from(predicted));
    });
  }

  it('regression reads text through topics too', () => {
    const y = Float64Array.from(train.y.codes, (c, i) => 3 * c + (i % 3));
    const model = makeTabularModel({ task: 'regression', family: 'linear', features }).fit(train.X, y);
    expect(model.predict(test.X)).toHaveLength(240);
  });
});
