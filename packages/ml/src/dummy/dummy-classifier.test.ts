import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { DummyClassifier } from './dummy-classifier';

const X = Matrix.zeros(5, 1);
const y = { codes: Int32Array.from([1, 0, 1, 1, 0]), levels: ['no', 'yes'] };

describe('DummyClassifier', () => {
  it("'prior' predicts the class frequencies and the majority class", () => {
    const model = new DummyClassifier().fit(X, y);
    expect(model.classes_).toEqual(['no', 'yes']);
    expect(model.predictProba(Matrix.zeros(1, 1)).toRows()).toEqual([[0.4, 0.6]]);
    expect(Array.from(model.predict(Matrix.zeros(2, 1)))).toEqual([1, 1]);
  });

  it("'most_frequent' puts all the probability on the majority class", () => {
    const model = new DummyClassifier({ strategy: 'most_frequent' }).fit(X, y);
    expect(model.predictProba(Matrix.zeros(1, 1)).toRows()).toEqual([[0, 1]]);
  });
});
