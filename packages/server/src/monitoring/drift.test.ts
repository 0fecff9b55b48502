import { describe, expect, it } from 'vitest';
import { featureDrift } from './drift';
import { DEFAULT_THRESHOLDS } from './settings';

describe('feature drift reasons', () => {
  const values = Float64Array.from({ length: 500 }, (_, i) => i % 50);

  it('says when missingness changed, not only the mean of what is present', () => {
    const current = Array.from(values, (v, i) => (i % 5 === 0 ? v : null));
    const [d] = featureDrift(
      [{ name: 'distance', kind: 'numeric', values }],
      new Map([['distance', current]]),
      DEFAULT_THRESHOLDS,
    );
    expect(d.status).toBe('drift');
    expect(d.reason).toMatch(/^80\.0% missing now, 0\.0% in training; mean/);
  });

  it('keeps to the means when missingness did not change', () => {
    const current = Array.from(values, (v) => v + 20);
    const [d] = featureDrift(
      [{ name: 'income', kind: 'numeric', values }],
      new Map([['income', current]]),
      DEFAULT_THRESHOLDS,
    );
    expect(d.status).toBe('drift');
    expect(d.reason).toMatch(/^mean 24\.5 in training, 44\.5 now/);
  });
});
