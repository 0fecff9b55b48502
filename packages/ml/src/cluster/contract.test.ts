import { describe, it } from 'vitest';
import { checkEstimator } from '../testing/check-estimator';
import { KMeans } from './kmeans';

const cases = [
  ['KMeans (k-means++)', () => new KMeans({ nClusters: 3, randomState: 4 })],
  ['KMeans (random, nInit 4)', () => new KMeans({ nClusters: 2, init: 'random', nInit: 4, randomState: 1 })],
] as const;

for (const [label, factory] of cases) {
  describe(`contract: ${label}`, () => {
    for (const check of checkEstimator(factory, { task: 'transformer' })) it(check.name, check.run);
  });
}
