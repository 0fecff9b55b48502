import { describe, it } from 'vitest';
import { checkEstimator } from '../testing/check-estimator';
import { PCA } from './pca';

const cases = [
  ['PCA', () => new PCA()],
  ['PCA (1 component, whiten)', () => new PCA({ nComponents: 1, whiten: true })],
  ['PCA (variance fraction)', () => new PCA({ nComponents: 0.6 })],
] as const;

for (const [label, factory] of cases) {
  describe(`contract: ${label}`, () => {
    for (const check of checkEstimator(factory, { task: 'transformer' })) it(check.name, check.run);
  });
}
