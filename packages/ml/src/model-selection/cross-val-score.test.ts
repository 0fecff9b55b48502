import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { Ridge } from '../linear-model/ridge';
import { r2Score } from '../metrics/r2-score';
import { crossValScore } from './cross-val-score';
import { KFold } from './k-fold';

describe('crossValScore', () => {
  const X = Matrix.fromRows(Array.from({ length: 20 }, (_, i) => [i, (i * 7) % 5]));
  const y = Float64Array.from({ length: 20 }, (_, i) => 2 * i - ((i * 7) % 5));

  it('fits a fresh estimator per fold and scores it on the held-out rows', () => {
    const made: Ridge[] = [];
    const scores = crossValScore(
      () => {
        const model = new Ridge({ alpha: 1e-8 });
        made.push(model);
        return model;
      },
      X,
      y,
      new KFold({ nSplits: 4 }).split(20),
      (model, Xtest, ytest) => r2Score(ytest as Float64Array, model.predict(Xtest as Matrix)),
    );
    expect(scores.length).toBe(4);
    expect(new Set(made).size).toBe(4);
    for (const score of scores) expect(score).toBeCloseTo(1, 8); // y is exactly linear in X
  });

  it('stops when cancelled', () => {
    const signal = { aborted: true };
    expect(() =>
      crossValScore(
        () => new Ridge(),
        X,
        y,
        new KFold().split(20),
        () => 0,
        { signal },
      ),
    ).toThrow(expect.objectContaining({ code: 'ABORTED' }));
  });
});
