import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { reference } from './fixtures/k-neighbors';
import { KNeighborsClassifier } from './k-neighbors-classifier';

const X = Matrix.fromRows(reference.X);
const XTest = Matrix.fromRows(reference.XTest);
const y = Int32Array.from(reference.yClass);

describe.each(reference.cases)(
  'KNeighborsClassifier vs scikit-learn (k=$nNeighbors, $weights, p=$p)',
  (c) => {
    // Exact: same neighbours in the same order (continuous data, no distance ties), distances within rounding of the
    // sum of |a−b|^p (scikit-learn's KD-tree adds the terms in the same order; 1e-12), probabilities 1e-12.
    const model = new KNeighborsClassifier({
      nNeighbors: c.nNeighbors,
      weights: c.weights as 'uniform' | 'distance',
      p: c.p,
    }).fit(X, y);

    it('finds the same neighbours at the same distances', () => {
      const { indices, distances, k } = model.kneighbors(XTest);
      c.indices.forEach((row, q) => {
        expect(Array.from(indices.subarray(q * k, (q + 1) * k))).toEqual(row);
        row.forEach((_, j) => {
          expect(Math.abs(distances[q * k + j] - c.distances[q][j])).toBeLessThan(1e-12);
        });
      });
    });

    it('predicts the same probabilities and classes', () => {
      const proba = model.predictProba(XTest).toRows();
      c.proba.forEach((row, q) => {
        row.forEach((p, k) => {
          expect(Math.abs(proba[q][k] - p)).toBeLessThan(1e-12);
        });
      });
      expect(Array.from(model.predict(XTest))).toEqual(c.predict);
    });
  },
);

describe('KNeighborsClassifier', () => {
  it('breaks distance ties by the lower training index, as scikit-learn', () => {
    // Rows 1, 2, 3 are all at distance 1 from the query; k = 2 must keep 0 (distance 0) and then 1.
    const train = Matrix.fromRows([[0], [1], [-1], [1]]);
    const model = new KNeighborsClassifier({ nNeighbors: 2 }).fit(train, Int32Array.from([0, 1, 1, 0]));
    const { indices } = model.kneighbors(Matrix.fromRows([[0]]));
    expect(Array.from(indices)).toEqual([0, 1]);
    const { indices: three } = model.kneighbors(Matrix.fromRows([[0]]), 3);
    expect(Array.from(three)).toEqual([0, 1, 2]);
  });

  it('with distance weights, an exact match decides alone', () => {
    const train = Matrix.fromRows([[0], [1], [1.1], [1.2]]);
    const model = new KNeighborsClassifier({ nNeighbors: 4, weights: 'distance' }).fit(
      train,
      Int32Array.from([0, 1, 1, 1]),
    );
    expect(model.predictProba(Matrix.fromRows([[0]])).toRows()).toEqual([[1, 0]]);
    expect(model.predictProba(Matrix.fromRows([[0.5]])).get(0, 1)).toBeGreaterThan(0.5);
  });

  it('refuses NaN and tells to impute first', () => {
    const train = Matrix.fromRows([[0], [Number.NaN], [2]]);
    expect(() => new KNeighborsClassifier({ nNeighbors: 1 }).fit(train, Int32Array.from([0, 1, 1]))).toThrow(
      expect.objectContaining({ code: 'INPUT_HAS_NAN', message: expect.stringMatching(/Impute them first/) }),
    );
    const model = new KNeighborsClassifier({ nNeighbors: 1 }).fit(
      Matrix.fromRows([[0], [1]]),
      Int32Array.from([0, 1]),
    );
    expect(() => model.predict(Matrix.fromRows([[Number.NaN]]))).toThrow(
      expect.objectContaining({ code: 'INPUT_HAS_NAN' }),
    );
  });

  it('needs at least nNeighbors training rows, and euclidean/manhattan fix p', () => {
    expect(() =>
      new KNeighborsClassifier().fit(Matrix.fromRows([[0], [1]]), Int32Array.from([0, 1])),
    ).toThrow(expect.objectContaining({ code: 'TOO_FEW_ROWS' }));
    const manhattan = new KNeighborsClassifier({ metric: 'manhattan', p: 2, nNeighbors: 1 });
    manhattan.fit(
      Matrix.fromRows([
        [0, 0],
        [3, 4],
      ]),
      Int32Array.from([0, 1]),
    );
    expect(manhattan.kneighbors(Matrix.fromRows([[0, 0]]), 2).distances[1]).toBe(7);
    expect(manhattan.effectiveP).toBe(1);
  });
});
