import { describe, it } from 'vitest';
import { makeTabularModel } from '../auto/make-tabular-model';
import { ColumnTransformer } from '../compose/column-transformer';
import { Pipeline } from '../compose/pipeline';
import type { Estimator } from '../core/estimator';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { Ridge } from '../linear-model/ridge';
import { GridSearchCV } from '../model-selection/grid-search-cv';
import { RandomizedSearchCV } from '../model-selection/randomized-search-cv';
import { type CheckEstimatorOptions, checkEstimator } from '../testing/check-estimator';
import { CONTRACT_FEATURES } from '../testing/contract-data';
import { DecisionTreeClassifier } from '../tree/decision-tree-classifier';
import { CalibratedClassifierCV } from './calibrated-classifier-cv';
import { IsotonicRegression } from './isotonic-regression';

// The shared estimator contract over the calibration and search estimators (loop style of
// testing/contract.test.ts).
type Case = [label: string, factory: () => Estimator, options: CheckEstimatorOptions];

const frameModel = (task: 'classification' | 'regression') =>
  makeTabularModel({ task, family: 'linear', features: CONTRACT_FEATURES, randomState: 1 });

const cases: Case[] = [
  [
    'CalibratedClassifierCV (sigmoid)',
    () => new CalibratedClassifierCV({ cv: 3 }),
    { task: 'classification' },
  ],
  [
    'CalibratedClassifierCV (isotonic, tree)',
    () =>
      new CalibratedClassifierCV({
        estimator: new DecisionTreeClassifier({ maxDepth: 3 }),
        method: 'isotonic',
        cv: 3,
      }),
    { task: 'classification', badParams: { 'estimator.maxDepth': 0 } },
  ],
  [
    'CalibratedClassifierCV (ensemble false)',
    () =>
      new CalibratedClassifierCV({ estimator: new LogisticRegression({ C: 0.5 }), cv: 4, ensemble: false }),
    { task: 'classification', badParams: { 'estimator.C': -1 } },
  ],
  [
    'CalibratedClassifierCV (frame pipeline)',
    () => new CalibratedClassifierCV({ estimator: frameModel('classification'), cv: 3 }),
    { task: 'classification', input: 'frame', badParams: { 'estimator.model.C': -1 } },
  ],
  [
    'IsotonicRegression (after a column selector)',
    () =>
      new Pipeline([
        ['pick', new ColumnTransformer([['x1', 'passthrough', ['x1']]])],
        ['iso', new IsotonicRegression({ outOfBounds: 'clip' })],
      ]),
    { task: 'regression', badParams: { 'iso.outOfBounds': 'extrapolate' } },
  ],
  [
    'GridSearchCV (classifier)',
    () => new GridSearchCV(new LogisticRegression(), { paramGrid: { C: [0.1, 1] }, cv: 3 }),
    { task: 'classification', badParams: { 'estimator.tol': -1 } },
  ],
  [
    'GridSearchCV (regressor, two metrics)',
    () =>
      new GridSearchCV(new Ridge(), {
        paramGrid: [{ alpha: [0.1, 10] }, { alpha: [1], fitIntercept: [false] }],
        scoring: ['neg_mean_absolute_error', 'r2'],
        refit: 'r2',
        cv: 4,
      }),
    { task: 'regression' },
  ],
  [
    'GridSearchCV (frame pipeline, dotted grid)',
    () =>
      new GridSearchCV(frameModel('classification'), {
        paramGrid: { 'model.C': [0.5, 2], 'prep.num.impute.strategy': ['mean', 'median'] },
        cv: 3,
        scoring: 'neg_log_loss',
      }),
    { task: 'classification', input: 'frame', badParams: { 'estimator.model.tol': -1 } },
  ],
  [
    'RandomizedSearchCV (regressor)',
    () =>
      new RandomizedSearchCV(new Ridge(), {
        paramDistributions: { alpha: { type: 'loguniform', low: 1e-3, high: 1e2 } },
        nIter: 3,
        randomState: 4,
        cv: 3,
      }),
    { task: 'regression', badParams: { 'estimator.fitIntercept': 'yes' } },
  ],
  [
    'RandomizedSearchCV (frame pipeline)',
    () =>
      new RandomizedSearchCV(frameModel('regression'), {
        paramDistributions: { 'model.alpha': [0.1, 1, 10] },
        nIter: 2,
        cv: 3,
      }),
    { task: 'regression', input: 'frame' },
  ],
];

for (const [label, factory, options] of cases) {
  describe(`contract: ${label}`, () => {
    for (const check of checkEstimator(factory, options)) it(check.name, check.run);
  });
}
