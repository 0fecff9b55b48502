import { describe, it } from 'vitest';
import type { Estimator } from '../core/estimator';
import { type CheckEstimatorOptions, checkEstimator } from '../testing/check-estimator';
import { KNeighborsClassifier } from './k-neighbors-classifier';
import { KNeighborsRegressor } from './k-neighbors-regressor';

type Case = [label: string, factory: () => Estimator, options: CheckEstimatorOptions];

const cases: Case[] = [
  ['KNeighborsClassifier', () => new KNeighborsClassifier(), { task: 'classification' }],
  [
    'KNeighborsClassifier (distance, manhattan)',
    () => new KNeighborsClassifier({ nNeighbors: 7, weights: 'distance', p: 1 }),
    { task: 'classification' },
  ],
  ['KNeighborsRegressor', () => new KNeighborsRegressor(), { task: 'regression' }],
  [
    'KNeighborsRegressor (distance, p = 3)',
    () => new KNeighborsRegressor({ nNeighbors: 4, weights: 'distance', p: 3 }),
    { task: 'regression' },
  ],
];

for (const [label, factory, options] of cases) {
  describe(`contract: ${label}`, () => {
    for (const check of checkEstimator(factory, options)) it(check.name, check.run);
  });
}
