import { describe, expect, it } from 'vitest';
import { choleskySolve } from './cholesky';

describe('choleskySolve', () => {
  it('solves a symmetric positive definite system', () => {
    // A = [[4, 2, 0], [2, 5, 1], [0, 1, 3]], x = [1, -2, 3] → b = A x
    const A = Float64Array.from([4, 2, 0, 2, 5, 1, 0, 1, 3]);
    const b = Float64Array.from([0, -5, 7]);
    const x = choleskySolve(A, b, 3)!;
    expect(Array.from(x).map((v) => Number(v.toFixed(12)))).toEqual([1, -2, 3]);
  });

  it('returns null for a singular or indefinite matrix', () => {
    expect(choleskySolve(Float64Array.from([1, 1, 1, 1]), Float64Array.from([1, 1]), 2)).toBeNull();
    expect(choleskySolve(Float64Array.from([1, 2, 2, 1]), Float64Array.from([1, 1]), 2)).toBeNull();
  });

  it('leaves its inputs unchanged', () => {
    const A = Float64Array.from([2, 1, 1, 2]);
    const b = Float64Array.from([3, 3]);
    choleskySolve(A, b, 2);
    expect(Array.from(A)).toEqual([2, 1, 1, 2]);
    expect(Array.from(b)).toEqual([3, 3]);
  });
});
