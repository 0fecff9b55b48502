import { describe, it } from 'vitest';
import type { Estimator } from '../core/estimator';
import { type CheckEstimatorOptions, checkEstimator } from '../testing/check-estimator';
import { CategoricalNB } from './categorical-nb';
import { GaussianNB } from './gaussian-nb';

type Case = [label: string, factory: () => Estimator, options: CheckEstimatorOptions];

const cases: Case[] = [
  ['GaussianNB', () => new GaussianNB(), { task: 'classification' }],
  [
    'GaussianNB (priors)',
    () => new GaussianNB({ priors: [0.2, 0.5, 0.3], varSmoothing: 1e-3 }),
    { task: 'classification' },
  ],
  ['CategoricalNB', () => new CategoricalNB(), { task: 'classification', input: 'codes' }],
  [
    'CategoricalNB (alpha, minCategories, classPrior)',
    () => new CategoricalNB({ alpha: 0.3, minCategories: 6, classPrior: [0.3, 0.3, 0.4] }),
    { task: 'classification', input: 'codes' },
  ],
];

for (const [label, factory, options] of cases) {
  describe(`contract: ${label}`, () => {
    for (const check of checkEstimator(factory, options)) it(check.name, check.run);
  });
}
