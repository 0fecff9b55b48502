import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { DummyRegressor } from './dummy-regressor';

describe('DummyRegressor', () => {
  const X = Matrix.zeros(4, 2);
  const y = Float64Array.from([1, 2, 3, 10]);

  it('predicts the training mean or median whatever the features', () => {
    expect(Array.from(new DummyRegressor().fit(X, y).predict(Matrix.fromRows([[5, 5]])))).toEqual([4]);
    expect(
      Array.from(new DummyRegressor({ strategy: 'median' }).fit(X, y).predict(Matrix.zeros(2, 2))),
    ).toEqual([2.5, 2.5]);
  });
});
