import { describe, it } from 'vitest';
import { AnomalyEnsemble } from '../../src/anomaly/anomaly-ensemble';
import { IsolationForest } from '../../src/anomaly/isolation-forest';
import { LocalOutlierFactor } from '../../src/anomaly/local-outlier-factor';
import { MahalanobisDetector } from '../../src/anomaly/mahalanobis-detector';
import { RobustZScore } from '../../src/anomaly/robust-z-score';
import type { Estimator } from '../../src/core/estimator';
import { checkEstimator } from '../../src/testing/check-estimator';

// Detectors learn without a target, so they run the contract as the unsupervised 'transformer' task; `predict`
// (±1) is what the determinism and round-trip checks compare.
const cases: [string, () => Estimator][] = [
  ['IsolationForest', () => new IsolationForest({ nEstimators: 20, randomState: 3 })],
  [
    'IsolationForest (contamination 0.1, maxSamples 0.5)',
    () => new IsolationForest({ contamination: 0.1, maxSamples: 0.5 }),
  ],
  ['LocalOutlierFactor', () => new LocalOutlierFactor({ nNeighbors: 10 })],
  ['LocalOutlierFactor (contamination 0.2)', () => new LocalOutlierFactor({ contamination: 0.2 })],
  ['RobustZScore', () => new RobustZScore()],
  ['RobustZScore (contamination 0.05)', () => new RobustZScore({ contamination: 0.05 })],
  ['MahalanobisDetector', () => new MahalanobisDetector({ randomState: 1 })],
  [
    'MahalanobisDetector (supportFraction 0.8, contamination 0.1)',
    () => new MahalanobisDetector({ supportFraction: 0.8, contamination: 0.1 }),
  ],
  ['AnomalyEnsemble', () => new AnomalyEnsemble({ nEstimators: 20, nNeighbors: 8 })],
];

for (const [label, factory] of cases) {
  describe(`contract: ${label}`, () => {
    for (const check of checkEstimator(factory, { task: 'transformer' })) it(check.name, check.run);
  });
}
