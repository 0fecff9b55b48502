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

  it('watches free text by its length in words, not by its (always new) documents', () => {
    const doc = (n: number, i: number) =>
      Array.from({ length: n }, (_, k) => `w${(i * 7 + k) % 50}`).join(' ');
    const levels = Array.from({ length: 300 }, (_, i) => doc(8 + (i % 5), i));
    const reference = [
      {
        name: 'review',
        kind: 'categorical' as const,
        codes: Int32Array.from(levels.keys()),
        levels,
        text: true,
      },
    ];
    const same = featureDrift(
      reference,
      new Map([['review', levels.map((_, i) => doc(8 + (i % 5), i + 1000))]]),
      DEFAULT_THRESHOLDS,
    );
    expect(same[0].status).toBe('ok');
    const longer = featureDrift(
      reference,
      new Map([['review', levels.map((_, i) => doc(30 + (i % 5), i))]]),
      DEFAULT_THRESHOLDS,
    );
    expect(longer[0].status).toBe('drift');
    expect(longer[0].reason).toMatch(/^words per document: mean 10 in training, 32 now/);
  });
});
