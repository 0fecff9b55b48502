import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { StandardScaler } from './standard-scaler';

describe('StandardScaler', () => {
  const X = Matrix.fromRows([
    [1, 10, 5],
    [2, 20, 5],
    [3, 60, 5],
  ]);

  it('centres and scales with the population standard deviation', () => {
    const scaler = new StandardScaler().fit(X);
    expect(Array.from(scaler.mean_)).toEqual([2, 30, 5]);
    expect(scaler.scale_[0]).toBeCloseTo(Math.sqrt(2 / 3), 14);
    const out = scaler.transform(X);
    expect(out.column(0).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 14);
    expect(out.column(1).reduce((a, b) => a + b * b, 0) / 3).toBeCloseTo(1, 14);
  });

  it('leaves a constant column unscaled (scale 1) instead of dividing by zero', () => {
    const scaler = new StandardScaler().fit(X);
    expect(scaler.scale_[2]).toBe(1);
    expect(Array.from(scaler.transform(X).column(2))).toEqual([0, 0, 0]);
  });

  it('ignores NaN in fit and keeps it in transform', () => {
    const withGap = Matrix.fromRows([[1], [Number.NaN], [3]]);
    const scaler = new StandardScaler().fit(withGap);
    expect(scaler.mean_[0]).toBe(2);
    const out = scaler.transform(withGap);
    expect(Number.isNaN(out.get(1, 0))).toBe(true);
    expect(out.get(2, 0)).toBeCloseTo(1, 14);
  });

  it('honours withMean and withStd', () => {
    const out = new StandardScaler({ withMean: false, withStd: false }).fit(X).transform(X);
    expect(out.toRows()).toEqual(X.toRows());
  });
});
