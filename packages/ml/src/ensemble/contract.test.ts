import { describe, it } from 'vitest';
import type { Estimator } from '../core/estimator';
import { type CheckEstimatorOptions, checkEstimator } from '../testing/check-estimator';
import { HistGradientBoostingClassifier } from './hist-gradient-boosting/hist-gradient-boosting-classifier';
import { HistGradientBoostingRegressor } from './hist-gradient-boosting/hist-gradient-boosting-regressor';

type Case = [label: string, factory: () => Estimator, options: CheckEstimatorOptions];

// The contract data has 60 rows: a smaller minSamplesLeaf lets the trees actually split. Frames exercise native
// categorical splits ('from_dtype') and missing values.
const cases: Case[] = [
  [
    'HistGradientBoostingClassifier',
    () => new HistGradientBoostingClassifier({ maxIter: 20, minSamplesLeaf: 5 }),
    { task: 'classification', badParams: { maxBins: 256 } },
  ],
  [
    'HistGradientBoostingClassifier (early stopping, balanced, maxDepth)',
    () =>
      new HistGradientBoostingClassifier({
        maxIter: 30,
        minSamplesLeaf: 3,
        earlyStopping: true,
        validationFraction: 0.25,
        nIterNoChange: 3,
        classWeight: 'balanced',
        maxDepth: 3,
        randomState: 5,
      }),
    { task: 'classification' },
  ],
  [
    'HistGradientBoostingClassifier (frame, from_dtype)',
    () =>
      new HistGradientBoostingClassifier({
        maxIter: 15,
        minSamplesLeaf: 4,
        categoricalFeatures: 'from_dtype',
      }),
    { task: 'classification', input: 'frame' },
  ],
  [
    'HistGradientBoostingRegressor',
    () => new HistGradientBoostingRegressor({ maxIter: 20, minSamplesLeaf: 5 }),
    { task: 'regression', badParams: { learningRate: 0 } },
  ],
  [
    'HistGradientBoostingRegressor (absolute_error, early stopping on R²)',
    () =>
      new HistGradientBoostingRegressor({
        loss: 'absolute_error',
        maxIter: 25,
        minSamplesLeaf: 4,
        earlyStopping: true,
        scoring: null,
        validationFraction: null,
        l2Regularization: 0.5,
      }),
    { task: 'regression' },
  ],
  [
    'HistGradientBoostingRegressor (frame, from_dtype)',
    () =>
      new HistGradientBoostingRegressor({
        maxIter: 15,
        minSamplesLeaf: 4,
        categoricalFeatures: 'from_dtype',
      }),
    { task: 'regression', input: 'frame' },
  ],
];

for (const [label, factory, options] of cases) {
  describe(`contract: ${label}`, () => {
    for (const check of checkEstimator(factory, options)) it(check.name, check.run);
  });
}
