import { describe, expect, it } from 'vitest';
import { Matrix } from '../../core/matrix';
import { Rng } from '../../core/rng';
import { HistGradientBoostingRegressor } from './hist-gradient-boosting-regressor';

function wave(n: number, seed: number) {
  const rng = new Rng(seed);
  const x0 = Float64Array.from({ length: n }, () => rng.nextFloat() * 6 - 3);
  const x1 = Float64Array.from({ length: n }, () => rng.nextFloat());
  const y = Float64Array.from(x0, (v, i) => Math.sin(v) * 3 + 2 * x1[i] + 0.1 * (rng.nextFloat() - 0.5));
  return { X: Matrix.fromColumns([x0, x1]), y };
}

const rmse = (a: Float64Array, b: Float64Array) =>
  Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0) / a.length);

describe('HistGradientBoostingRegressor', () => {
  const train = wave(600, 1);
  const test = wave(300, 2);

  it('fits a smooth non-linear target', () => {
    const model = new HistGradientBoostingRegressor().fit(train.X, train.y);
    expect(rmse(model.predict(test.X), test.y)).toBeLessThan(0.25);
    expect(model.nIter_).toBe(100);
    expect(model.doEarlyStopping_).toBe(false);
    expect(model.trainScore_.length).toBe(0);
  });

  it('respects maxLeafNodes and maxDepth in every tree', () => {
    const model = new HistGradientBoostingRegressor({ maxIter: 10, maxLeafNodes: 5, maxDepth: 2 }).fit(
      train.X,
      train.y,
    );
    for (let t = 0; t < model.nIter_; t++) {
      let leaves = 0;
      for (let node = model.treeStart_[t]; node < model.treeStart_[t + 1]; node++) {
        if (model.treeFeature_[node] < 0) leaves++;
      }
      expect(leaves).toBeLessThanOrEqual(4);
    }
  });

  it('learns where missing values go', () => {
    // Rows with a missing x0 have a high target: predicting NaN must give a high value.
    const X = Matrix.fromColumns([train.X.column(0).map((v, i) => (i % 5 === 0 ? Number.NaN : v))]);
    const y = Float64Array.from(train.y, (v, i) => (i % 5 === 0 ? 20 : v));
    const model = new HistGradientBoostingRegressor({ maxIter: 50 }).fit(X, y);
    expect(model.predict(Matrix.fromRows([[Number.NaN]]))[0]).toBeGreaterThan(15);
    expect(model.predict(Matrix.fromRows([[0]]))[0]).toBeLessThan(6);
  });

  it('absolute_error resists outliers that pull squared error away', () => {
    const y = Float64Array.from(train.y, (v, i) => (i % 25 === 0 ? v + 200 : v));
    const squared = new HistGradientBoostingRegressor({ maxIter: 50 }).fit(train.X, y);
    const absolute = new HistGradientBoostingRegressor({ maxIter: 50, loss: 'absolute_error' }).fit(
      train.X,
      y,
    );
    expect(rmse(absolute.predict(test.X), test.y)).toBeLessThan(rmse(squared.predict(test.X), test.y));
  });

  it('poisson predicts positive rates and refuses negative targets', () => {
    const counts = Float64Array.from(train.X.column(0), (v) => Math.round(Math.exp(v / 2)));
    const model = new HistGradientBoostingRegressor({ loss: 'poisson', maxIter: 30 }).fit(train.X, counts);
    const pred = model.predict(test.X);
    expect(pred.every((v) => v > 0)).toBe(true);
    const expected = Float64Array.from(test.X.column(0), (v) => Math.exp(v / 2));
    expect(rmse(pred, expected)).toBeLessThan(0.5);
    const negative = Float64Array.from(counts, (v, i) => (i === 3 ? -1 : v));
    expect(() => new HistGradientBoostingRegressor({ loss: 'poisson' }).fit(train.X, negative)).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });

  it('treats integer sample weights like repeated rows', () => {
    // Few distinct values (so the bins are the same) and minSamplesLeaf 1 (so counts do not matter).
    const rng = new Rng(4);
    const n = 120;
    const x = Float64Array.from({ length: n }, () => Math.floor(rng.nextFloat() * 40));
    const y = Float64Array.from(x, (v) => Math.sqrt(v) + rng.nextFloat());
    const w = Float64Array.from({ length: n }, (_, i) => 1 + (i % 3));
    const repeated = Int32Array.from(Array.from(w).flatMap((count, i) => Array<number>(count).fill(i)));
    const params = { maxIter: 20, minSamplesLeaf: 1 };
    const weighted = new HistGradientBoostingRegressor(params).fit(Matrix.fromColumns([x]), y, {
      sampleWeight: w,
    });
    const copies = new HistGradientBoostingRegressor(params).fit(
      Matrix.fromColumns([Float64Array.from(repeated, (i) => x[i])]),
      Float64Array.from(repeated, (i) => y[i]),
    );
    const probe = Matrix.fromColumns([Float64Array.from({ length: 40 }, (_, v) => v)]);
    const a = weighted.predict(probe);
    const b = copies.predict(probe);
    a.forEach((v, i) => {
      expect(v).toBeCloseTo(b[i], 5);
    });
  });

  it('stops early on a validation split, deterministically for a given seed', () => {
    const params = { maxIter: 400, earlyStopping: true, nIterNoChange: 5, learningRate: 0.5, randomState: 3 };
    const a = new HistGradientBoostingRegressor(params).fit(train.X, train.y);
    const b = new HistGradientBoostingRegressor(params).fit(train.X, train.y);
    expect(a.nIter_).toBeLessThan(400);
    expect(a.validationScore_.length).toBe(a.nIter_ + 1);
    expect(a.trainScore_.length).toBe(a.nIter_ + 1);
    expect(Array.from(a.predict(test.X))).toEqual(Array.from(b.predict(test.X)));
    const other = new HistGradientBoostingRegressor({ ...params, randomState: 4 }).fit(train.X, train.y);
    expect(Array.from(other.predict(test.X))).not.toEqual(Array.from(a.predict(test.X)));
  });

  it("turns early stopping on with 'auto' above 10 000 rows", () => {
    const big = wave(10_001, 5);
    const model = new HistGradientBoostingRegressor({ maxIter: 3 }).fit(big.X, big.y);
    expect(model.doEarlyStopping_).toBe(true);
    expect(model.validationScore_.length).toBe(model.nIter_ + 1);
  });

  it('reports progress per iteration and stops with ABORTED when the signal fires mid-fit', () => {
    const signal = { aborted: false };
    const seen: number[] = [];
    const fit = () =>
      new HistGradientBoostingRegressor({ maxIter: 50 }).fit(train.X, train.y, {
        signal,
        onProgress: (fraction) => {
          seen.push(fraction);
          if (seen.length === 3) signal.aborted = true;
        },
      });
    expect(fit).toThrow(expect.objectContaining({ code: 'ABORTED' }));
    expect(seen).toEqual([0.02, 0.04, 0.06]);
  });
});
