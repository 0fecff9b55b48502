import { describe, it } from 'vitest';
import type { Estimator } from '../core/estimator';
import { type CheckEstimatorOptions, checkEstimator } from '../testing/check-estimator';
import { ExtraTreesClassifier } from './extra-trees-classifier';
import { ExtraTreesRegressor } from './extra-trees-regressor';
import { RandomForestClassifier } from './random-forest-classifier';
import { RandomForestRegressor } from './random-forest-regressor';

type Case = [label: string, factory: () => Estimator, options: CheckEstimatorOptions];

// Few trees keep the suite fast; every code path (bootstrap, OOB, class weights, random splits) is still taken.
const cases: Case[] = [
  [
    'RandomForestClassifier',
    () => new RandomForestClassifier({ nEstimators: 10 }),
    { task: 'classification' },
  ],
  [
    'RandomForestClassifier (oob, balanced_subsample, maxSamples)',
    () =>
      new RandomForestClassifier({
        nEstimators: 8,
        oobScore: true,
        classWeight: 'balanced_subsample',
        maxSamples: 0.7,
        criterion: 'entropy',
        randomState: 4,
      }),
    { task: 'classification' },
  ],
  [
    'ExtraTreesClassifier',
    () => new ExtraTreesClassifier({ nEstimators: 10, maxDepth: 5 }),
    { task: 'classification' },
  ],
  [
    'RandomForestRegressor',
    () => new RandomForestRegressor({ nEstimators: 10, oobScore: true }),
    { task: 'regression' },
  ],
  [
    'ExtraTreesRegressor',
    () => new ExtraTreesRegressor({ nEstimators: 10, minSamplesLeaf: 2, maxFeatures: 'sqrt' }),
    { task: 'regression' },
  ],
];

for (const [label, factory, options] of cases) {
  describe(`contract: ${label}`, () => {
    for (const check of checkEstimator(factory, options)) it(check.name, check.run);
  });
}
