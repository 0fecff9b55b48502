import { Frame, MODEL_FAMILIES, makeTabularModel, toJSON } from '@quarry/ml';
import { describe, expect, it } from 'vitest';
import type { ColumnData } from '../datasets/service';
import { predictModel } from './predict-model';

/** A seeded 3-class set with numbers, a category with a missing value, and overlapping classes (so near-ties). */
function data(n: number, seed: number): { features: ColumnData[]; y: Int32Array } {
  let s = seed;
  const rand = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const codes = new Int32Array(n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = rand() * 4;
    b[i] = i % 17 === 0 ? Number.NaN : rand() * 2 - 1;
    codes[i] = i % 23 === 0 ? -1 : Math.floor(rand() * 3);
    y[i] = Math.max(0, Math.min(2, Math.floor(a[i] + 0.8 * (rand() - 0.5) + (codes[i] === 1 ? 0.5 : 0))));
  }
  const features: ColumnData[] = [
    { name: 'a', kind: 'numeric', values: a },
    { name: 'b', kind: 'numeric', values: b },
    { name: 'c', kind: 'categorical', codes, levels: ['x', 'y', 'z'] },
  ];
  return { features, y };
}

describe('predictModel', () => {
  // Classifiers are predicted as the argmax of their probabilities (no second pass through predict()): that
  // must be what predict() itself answers, for every family the studio trains.
  const families = MODEL_FAMILIES.filter((f) => f !== 'ensemble');
  it.each(families)('predicts what %s predict() does, from its probabilities', (family) => {
    const train = data(300, 7);
    const test = data(200, 11);
    const model = makeTabularModel({
      task: 'classification',
      family,
      features: [
        { name: 'a', kind: 'numeric' },
        { name: 'b', kind: 'numeric' },
        { name: 'c', kind: 'categorical', cardinality: 3 },
      ],
      randomState: 1,
    });
    model.fit(new Frame(train.features), train.y);
    const expected = Array.from(model.predict(new Frame(test.features)));
    const out = predictModel({
      kind: 'predict',
      task: 'classification',
      pipeline: toJSON(model),
      classes: ['0', '1', '2'],
      features: test.features,
    });
    expect(Array.from(out.predictions)).toEqual(expected);
    expect(out.proba).not.toBeNull();
  });
});
