import { describe, expect, it } from 'vitest';
import { isLabels, labelValues, takeLabels, toLabels } from './labels';

describe('Labels', () => {
  it('encode strings with sorted levels and -1 for missing', () => {
    const labels = toLabels(['yes', null, 'no', 'yes']);
    expect(labels.levels).toEqual(['no', 'yes']);
    expect(Array.from(labels.codes)).toEqual([1, -1, 0, 1]);
    expect(labelValues(labels)).toEqual(['yes', null, 'no', 'yes']);
  });

  it('take rows and are recognised', () => {
    const labels = takeLabels(toLabels(['a', 'b', 'c']), Int32Array.from([2, 0]));
    expect(labelValues(labels)).toEqual(['c', 'a']);
    expect(isLabels(labels)).toBe(true);
    expect(isLabels(Int32Array.from([1]))).toBe(false);
  });
});
