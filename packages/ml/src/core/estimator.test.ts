import { describe, expect, it } from 'vitest';
import { Pipeline } from '../compose/pipeline';
import { LogisticRegression } from '../linear-model/logistic-regression';
import { Ridge } from '../linear-model/ridge';
import { StandardScaler } from '../preprocessing/standard-scaler';
import { clone } from './clone';
import { NotFittedError } from './errors';
import { Matrix } from './matrix';

describe('Estimator', () => {
  it('merges the options with the defaults and does no work in the constructor', () => {
    const model = new LogisticRegression({ C: 0.5 });
    expect(model.getParams()).toEqual({
      C: 0.5,
      maxIter: 100,
      tol: 1e-4,
      classWeight: null,
      fitIntercept: true,
    });
    // Invalid values are accepted here and reported by fit.
    expect(() => new Ridge({ alpha: -1 })).not.toThrow();
    expect(() =>
      new Ridge({ alpha: -1 }).fit(Matrix.fromRows([[1], [2]]), Float64Array.from([1, 2])),
    ).toThrow("The 'alpha' parameter of Ridge must be a float in [0, Infinity). Got -1.");
  });

  it('sets parameters, including nested ones by dotted path', () => {
    const pipe = new Pipeline([
      ['scale', new StandardScaler()],
      ['model', new Ridge()],
    ]);
    pipe.setParams({ 'model.alpha': 7, 'scale.withMean': false });
    expect((pipe.step('model') as Ridge).params.alpha).toBe(7);
    expect(pipe.getParams(true)).toMatchObject({
      'model.alpha': 7,
      'scale.withMean': false,
      'model.fitIntercept': true,
    });
    expect(() => pipe.setParams({ 'model.alpah': 1 })).toThrow(/Ridge has no parameter 'alpah'/);
    expect(() => pipe.setParams({ 'nope.alpha': 1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });

  it('clones to an unfitted copy with the same params that shares nothing', () => {
    const pipe = new Pipeline([
      ['scale', new StandardScaler()],
      ['model', new Ridge({ alpha: 3 })],
    ]).fit(Matrix.fromRows([[1], [2], [4]]), Float64Array.from([1, 2, 3]));
    const copy = clone(pipe);
    expect(copy.isFitted).toBe(false);
    expect(copy.step('model')).not.toBe(pipe.step('model'));
    expect((copy.step('model') as Ridge).params.alpha).toBe(3);
    copy.setParams({ 'model.alpha': 9 });
    expect((pipe.step('model') as Ridge).params.alpha).toBe(3);
  });

  it('throws NotFittedError with the standard message before fit', () => {
    expect(() => new LogisticRegression().predict(Matrix.zeros(1, 1))).toThrow(NotFittedError);
    expect(() => new LogisticRegression().predict(Matrix.zeros(1, 1))).toThrow(
      "This LogisticRegression instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
    );
  });
});
