import { describe, expect, it } from 'vitest';
import type { ColumnTransformer } from '../compose/column-transformer';
import type { Pipeline } from '../compose/pipeline';
import { Frame } from '../core/frame';
import { toLabels } from '../core/labels';
import { LogisticRegression } from '../linear-model/logistic-regression';
import type { Ridge } from '../linear-model/ridge';
import type { OneHotEncoder } from '../preprocessing/one-hot-encoder';
import { OrdinalEncoder } from '../preprocessing/ordinal-encoder';
import type { DecisionTreeClassifier } from '../tree/decision-tree-classifier';
import { makeTabularModel } from './make-tabular-model';

const features = [
  { name: 'age', kind: 'numeric' as const },
  { name: 'city', kind: 'categorical' as const },
];

const frame = Frame.fromRecords(
  Array.from({ length: 40 }, (_, i) => ({
    age: i % 7 === 0 ? null : 20 + i,
    city: i % 9 === 0 ? null : ['Lyon', 'Paris', 'Nice'][i % 3],
  })),
);
const labels = toLabels(Array.from({ length: 40 }, (_, i) => (i > 20 ? 'yes' : 'no')));

function prep(pipe: Pipeline): ColumnTransformer {
  return pipe.step('prep') as ColumnTransformer;
}

describe('makeTabularModel', () => {
  it('builds prep + LogisticRegression for linear classification, one-hot and scaled', () => {
    const pipe = makeTabularModel({ task: 'classification', family: 'linear', features }).fit(frame, labels);
    expect(pipe.step('model')).toBeInstanceOf(LogisticRegression);
    expect(prep(pipe).featureNamesOut_).toEqual([
      'num__age',
      'num__missingindicator_age',
      'cat__city_Lyon',
      'cat__city_Nice',
      'cat__city_Paris',
    ]);
    expect(
      ((prep(pipe).params.transformers[1][1] as Pipeline).step('encode') as OneHotEncoder).params
        .handleUnknown,
    ).toBe('ignore');
    expect(pipe.classes_).toEqual(['no', 'yes']);
  });

  it('builds ordinal codes and a bounded tree for the tree family', () => {
    const pipe = makeTabularModel({ task: 'classification', family: 'tree', features, randomState: 4 });
    const tree = pipe.step('model') as DecisionTreeClassifier;
    expect(tree.params).toMatchObject({ maxDepth: 8, minSamplesLeaf: 5, randomState: 4 });
    pipe.fit(frame, labels);
    expect((prep(pipe).params.transformers[1][1] as Pipeline).step('encode')).toBeInstanceOf(OrdinalEncoder);
    expect(prep(pipe).featureNamesOut_).toEqual(['num__age', 'num__missingindicator_age', 'cat__city']);
  });

  it('applies params to the model step and rejects unknown ones', () => {
    const pipe = makeTabularModel({ task: 'regression', family: 'linear', features, params: { alpha: 3 } });
    expect((pipe.step('model') as Ridge).params.alpha).toBe(3);
    expect(() =>
      makeTabularModel({ task: 'regression', family: 'linear', features, params: { C: 1 } }),
    ).toThrow(/Ridge has no parameter 'C'/);
  });

  it('predicts on new data with unseen categories and missing values', () => {
    const pipe = makeTabularModel({ task: 'classification', family: 'linear', features }).fit(frame, labels);
    const fresh = Frame.fromRecords([
      { age: null, city: 'Marseille' },
      { age: 60, city: 'Paris' },
    ]);
    const pred = pipe.predict(fresh);
    expect(pred.length).toBe(2);
    expect(pred[1]).toBe(1); // old → yes, as in training
  });

  it('skips the categorical entry when there are only numeric features', () => {
    const pipe = makeTabularModel({ task: 'regression', family: 'tree', features: [features[0]] });
    expect(prep(pipe).params.transformers.map(([name]) => name)).toEqual(['num']);
  });
});
