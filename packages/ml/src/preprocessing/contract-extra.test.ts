import { describe, it } from 'vitest';
import type { Estimator } from '../core/estimator';
import { type CheckEstimatorOptions, checkEstimator } from '../testing/check-estimator';
import { DatePartsTransformer } from './date-parts-transformer';
import { MinMaxScaler } from './min-max-scaler';
import { OneHotEncoder } from './one-hot-encoder';
import { RobustScaler } from './robust-scaler';
import { TargetEncoder } from './target-encoder';

type Case = [label: string, factory: () => Estimator, options: CheckEstimatorOptions];

const cases: Case[] = [
  ['MinMaxScaler', () => new MinMaxScaler(), { task: 'transformer' }],
  [
    'MinMaxScaler (range, clip)',
    () => new MinMaxScaler({ featureRange: [-1, 1], clip: true }),
    { task: 'transformer' },
  ],
  ['RobustScaler', () => new RobustScaler(), { task: 'transformer' }],
  [
    'RobustScaler (quantileRange)',
    () => new RobustScaler({ quantileRange: [10, 90] }),
    { task: 'transformer' },
  ],
  [
    'OneHotEncoder (infrequent)',
    () => new OneHotEncoder({ minFrequency: 5, maxCategories: 3, handleUnknown: 'infrequent_if_exist' }),
    { task: 'transformer', input: 'frame' },
  ],
  [
    'TargetEncoder (continuous)',
    () => new TargetEncoder({ cv: 3 }),
    { task: 'transformer', input: 'frame', target: 'regression' },
  ],
  [
    'TargetEncoder (multiclass, smooth)',
    () => new TargetEncoder({ smooth: 5, randomState: 2 }),
    { task: 'transformer', input: 'frame', target: 'classification' },
  ],
  ['DatePartsTransformer (epoch ms)', () => new DatePartsTransformer(), { task: 'transformer' }],
  [
    'DatePartsTransformer (some parts)',
    () => new DatePartsTransformer({ parts: ['year', 'dayofweek'] }),
    { task: 'transformer' },
  ],
];

for (const [label, factory, options] of cases) {
  describe(`contract: ${label}`, () => {
    for (const check of checkEstimator(factory, options)) it(check.name, check.run);
  });
}
