import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { sortFloat64 } from './radix-sort';

describe('sortFloat64', () => {
  it('sorts like Float64Array.prototype.sort, signed zeros and infinities included', () => {
    const rng = new Rng(3);
    const values = Float64Array.from({ length: 5000 }, () => (rng.nextFloat() - 0.5) * 10 ** rng.nextInt(12));
    values.set([0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e-310, -1e-310, 3, 3, 3], 100);
    const expected = Float64Array.from(values).sort();
    sortFloat64(values);
    expect(values.every((v, i) => Object.is(v, expected[i]))).toBe(true);
  });

  it('handles columns of integers (skipped radix passes) and short arrays', () => {
    const ints = Float64Array.from({ length: 1000 }, (_, i) => (i * 37) % 11);
    sortFloat64(ints);
    expect(ints.every((v, i) => i === 0 || ints[i - 1] <= v)).toBe(true);
    const short = Float64Array.of(2, -1, 0.5);
    sortFloat64(short);
    expect(Array.from(short)).toEqual([-1, 0.5, 2]);
  });

  it('orders values that share their high 32 bits by the low ones, in short runs and in long ones', () => {
    const rng = new Rng(5);
    // Short runs: a few values 2^-40 apart around each of many centres; long runs: 500 values within 2^-30 of 1
    // and of −3 (one high half each), in random order.
    const short = Array.from(
      { length: 3000 },
      () => Math.floor(rng.nextFloat() * 400) + rng.nextInt(4) * 2 ** -40,
    );
    const long = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 1 : -3) + rng.nextFloat() * 2 ** -30);
    for (const list of [short, [...short, ...long]]) {
      const values = Float64Array.from(list);
      const expected = Float64Array.from(values).sort();
      sortFloat64(values);
      expect(values.every((v, i) => Object.is(v, expected[i]))).toBe(true);
    }
  });
});
