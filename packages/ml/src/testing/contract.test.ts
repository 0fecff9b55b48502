import { describe, it } from 'vitest';
import { makeTabularModel } from '../auto/make-tabular-model';
import { ColumnTransformer } from '../compose/column-transformer';
import { Pipeline } from '../compose/pipeline';
import type { Estimator } from '../core/estimator';
import { DummyClassifier } from '../dummy/dummy-classifier';
import { DummyRegressor } from '../dummy/dummy-regressor';
import { LinearRegression } from '../linear-model/linear-regression';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { Ridge } from '../linear-model/ridge';
import { OneHotEncoder } from '../preprocessing/one-hot-encoder';
import { OrdinalEncoder } from '../preprocessing/ordinal-encoder';
import { SimpleImputer } from '../preprocessing/simple-imputer';
import { StandardScaler } from '../preprocessing/standard-scaler';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier';
import { DecisionTreeRegressor } from '../tree/decision-tree-regressor';
import { type CheckEstimatorOptions, checkEstimator } from './check-estimator';
import { CONTRACT_FEATURES } from './contract-data';

type Case = [label: string, factory: () => Estimator, options: CheckEstimatorOptions];

const cases: Case[] = [
  ['LogisticRegression', () => new LogisticRegression(), { task: 'classification' }],
  [
    'LogisticRegression (balanced)',
    () => new LogisticRegression({ classWeight: 'balanced', C: 0.5 }),
    { task: 'classification' },
  ],
  ['DecisionTreeClassifier', () => new DecisionTreeClassifier({ maxDepth: 4 }), { task: 'classification' }],
  [
    'DecisionTreeClassifier (entropy, sqrt)',
    () => new DecisionTreeClassifier({ criterion: 'entropy', maxFeatures: 'sqrt', randomState: 3 }),
    { task: 'classification' },
  ],
  ['DummyClassifier', () => new DummyClassifier(), { task: 'classification' }],
  [
    'DummyClassifier (most_frequent)',
    () => new DummyClassifier({ strategy: 'most_frequent' }),
    { task: 'classification' },
  ],
  ['LinearRegression', () => new LinearRegression(), { task: 'regression' }],
  ['Ridge', () => new Ridge({ alpha: 0.3 }), { task: 'regression' }],
  ['DecisionTreeRegressor', () => new DecisionTreeRegressor({ minSamplesLeaf: 3 }), { task: 'regression' }],
  ['DummyRegressor', () => new DummyRegressor({ strategy: 'median' }), { task: 'regression' }],
  ['StandardScaler', () => new StandardScaler(), { task: 'transformer' }],
  [
    'SimpleImputer (matrix)',
    () => new SimpleImputer({ strategy: 'median', addIndicator: true }),
    { task: 'transformer' },
  ],
  [
    'SimpleImputer (frame)',
    () => new SimpleImputer({ strategy: 'most_frequent', addIndicator: true }),
    { task: 'transformer', input: 'frame' },
  ],
  [
    'OneHotEncoder',
    () => new OneHotEncoder({ handleUnknown: 'ignore' }),
    { task: 'transformer', input: 'frame' },
  ],
  ['OrdinalEncoder', () => new OrdinalEncoder(), { task: 'transformer', input: 'frame' }],
  [
    'ColumnTransformer',
    () =>
      new ColumnTransformer([
        [
          'num',
          new Pipeline([
            ['impute', new SimpleImputer()],
            ['scale', new StandardScaler()],
          ]),
          ['num0', 'num1'],
        ],
        ['cat', new OneHotEncoder({ handleUnknown: 'ignore' }), ['color']],
      ]),
    { task: 'transformer', input: 'frame' },
  ],
];

for (const task of ['classification', 'regression'] as const) {
  for (const family of ['linear', 'tree', 'dummy'] as const) {
    const badParams: Record<string, unknown> =
      family === 'dummy'
        ? { 'model.strategy': 'nope' }
        : family === 'tree'
          ? { 'model.maxDepth': 0 }
          : task === 'classification'
            ? { 'model.C': -1 }
            : { 'model.alpha': -1 };
    cases.push([
      `makeTabularModel(${task}, ${family})`,
      () => makeTabularModel({ task, family, features: CONTRACT_FEATURES, randomState: 1 }),
      { task, input: 'frame', badParams: { ...badParams, 'prep.num.impute.strategy': 'mode' } },
    ]);
  }
}

for (const [label, factory, options] of cases) {
  describe(`contract: ${label}`, () => {
    for (const check of checkEstimator(factory, options)) it(check.name, check.run);
  });
}
