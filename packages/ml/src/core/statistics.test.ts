import { describe, expect, it } from 'vitest';
import { modeLevel, nanMean, nanMedian, nanMode } from './statistics';

describe('column statistics', () => {
  const values = Float64Array.from([3, Number.NaN, 1, 2, 2, 10]);

  it('ignore missing values', () => {
    expect(nanMean(values)).toBe(18 / 5);
    expect(nanMedian(values)).toBe(2);
    expect(nanMedian(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
    expect(nanMode(values)).toBe(2);
  });

  it('break mode ties towards the smallest value, like scikit-learn', () => {
    expect(nanMode(Float64Array.from([5, 1, 5, 1]))).toBe(1);
    expect(modeLevel(Int32Array.from([0, 1, 1, 0, -1]), ['zebra', 'apple'])).toBe('apple');
  });

  it('give NaN or null when nothing is present', () => {
    expect(nanMean(Float64Array.from([Number.NaN]))).toBeNaN();
    expect(nanMedian(new Float64Array(0))).toBeNaN();
    expect(modeLevel(Int32Array.from([-1]), ['a'])).toBeNull();
  });
});
