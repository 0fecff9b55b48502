import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import { sortPairs } from './sort-pairs';

describe('sortPairs', () => {
  it.each([0, 1, 2, 17, 1000])('sorts %i values and carries the indices along', (n) => {
    const rng = new Rng(n);
    // Few distinct values: the case the 3-way partition is for.
    const values = Float64Array.from(
      { length: n },
      () => rng.nextInt(5) - 2 + (rng.nextInt(3) === 0 ? 0.5 : 0),
    );
    const original = Float64Array.from(values);
    const indices = Int32Array.from({ length: n }, (_, i) => i);
    sortPairs(values, indices, 0, n);
    for (let i = 1; i < n; i++) expect(values[i - 1] <= values[i]).toBe(true);
    for (let i = 0; i < n; i++) expect(values[i]).toBe(original[indices[i]]);
    expect(Array.from(indices).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('sorts only the given range', () => {
    const values = Float64Array.from([9, 3, 2, 1, 0]);
    const indices = Int32Array.from([0, 1, 2, 3, 4]);
    sortPairs(values, indices, 1, 4);
    expect(Array.from(values)).toEqual([9, 1, 2, 3, 0]);
    expect(Array.from(indices)).toEqual([0, 3, 2, 1, 4]);
  });
});
