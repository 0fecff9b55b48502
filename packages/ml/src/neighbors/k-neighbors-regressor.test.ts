import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { reference } from './fixtures/k-neighbors';
import { KNeighborsRegressor } from './k-neighbors-regressor';

const X = Matrix.fromRows(reference.X);
const XTest = Matrix.fromRows(reference.XTest);
const y = Float64Array.from(reference.yReg);

describe.each(reference.cases)('KNeighborsRegressor vs scikit-learn (k=$nNeighbors, $weights, p=$p)', (c) => {
  it('predicts the same (weighted) neighbour means (1e-12)', () => {
    const model = new KNeighborsRegressor({
      nNeighbors: c.nNeighbors,
      weights: c.weights as 'uniform' | 'distance',
      p: c.p,
    }).fit(X, y);
    const pred = model.predict(XTest);
    c.regPredict.forEach((v, q) => {
      expect(Math.abs(pred[q] - v)).toBeLessThan(1e-12);
    });
  });
});

describe('KNeighborsRegressor', () => {
  it('averages the k nearest targets', () => {
    const model = new KNeighborsRegressor({ nNeighbors: 2 }).fit(
      Matrix.fromRows([[0], [1], [5], [6]]),
      Float64Array.from([10, 20, 50, 60]),
    );
    expect(Array.from(model.predict(Matrix.fromRows([[0.2], [5.9]])))).toEqual([15, 55]);
  });

  it('keeps its own copy of the training rows', () => {
    const train = Matrix.fromRows([[0], [1]]);
    const model = new KNeighborsRegressor({ nNeighbors: 1 }).fit(train, Float64Array.from([1, 2]));
    train.data[0] = 100;
    expect(model.predict(Matrix.fromRows([[0]]))[0]).toBe(1);
  });
});
