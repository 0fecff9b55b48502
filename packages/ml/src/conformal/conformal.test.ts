import { describe, expect, it } from 'vitest';
import { makeTabularModel } from '../auto/make-tabular-model';
import { numericColumn } from '../core/column';
import { Frame } from '../core/frame';
import { Rng } from '../core/rng';
import {
  classificationScores,
  clipSpread,
  conformalQuantile,
  cvPlusIntervals,
  intervalCoverage,
  predictionSets,
  regressionScores,
  setCoverage,
  spreadFloor,
  symmetricIntervals,
} from './conformal';

const FEATURES = [
  { name: 'x1', kind: 'numeric' as const },
  { name: 'x2', kind: 'numeric' as const },
];

/** Seeded heteroscedastic data: the noise grows tenfold from x1 = 0 to x1 = 1. */
function heteroscedastic(n: number, seed: number) {
  const rng = new Rng(seed);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x1[i] = rng.nextFloat();
    x2[i] = 2 * rng.nextFloat() - 1;
    // Box–Muller normal noise.
    const z = Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
    y[i] = 3 * Math.sin(2 * Math.PI * x1[i]) + x2[i] + z * (0.2 + 2 * x1[i]);
  }
  const frame = (from: number, to: number) =>
    new Frame([numericColumn('x1', x1.subarray(from, to)), numericColumn('x2', x2.subarray(from, to))]);
  return { x1, y, frame };
}

const regressor = (features = FEATURES) =>
  makeTabularModel({ task: 'regression', family: 'gbdt', features, randomState: 0 });

describe('conformalQuantile', () => {
  it('takes the ⌈(n+1)·level⌉-th smallest score, and is infinite when n is too small', () => {
    const scores = Float64Array.from({ length: 19 }, (_, i) => 19 - i); // 19..1
    expect(conformalQuantile(scores, 0.9)).toBe(18); // ⌈20·0.9⌉ = 18
    expect(conformalQuantile([1, 2, 3], 0.9)).toBe(Number.POSITIVE_INFINITY);
    expect(() => conformalQuantile([1], 1.2)).toThrow(/outside \(0, 1\)/);
  });

  it('never divides by zero: a spread model predicting 0 is clipped to a positive floor', () => {
    const floor = spreadFloor([0, 0, 0]);
    expect(floor).toBeGreaterThan(0);
    const spread = clipSpread([0, -1, Number.NaN, 2], 0.5);
    expect([...spread]).toEqual([0.5, 0.5, 0.5, 2]);
    expect([...regressionScores([1, 2], [1, 1], clipSpread([0, 0], floor))].every(Number.isFinite)).toBe(
      true,
    );
  });
});

describe('normalized split conformal on heteroscedastic data', () => {
  // Four seeded parts: fit the mean, fit the spread on held-out |residuals|, calibrate, measure.
  const n = 2000;
  const data = heteroscedastic(4 * n, 7);
  const part = (k: number) => ({ X: data.frame(k * n, (k + 1) * n), y: data.y.subarray(k * n, (k + 1) * n) });
  const [fit, spreadPart, calibration, test] = [0, 1, 2, 3].map(part);
  const mean = regressor().fit(fit.X, fit.y);
  const absResidual = regressionScores(spreadPart.y, mean.predict(spreadPart.X));
  const spreadModel = regressor().fit(spreadPart.X, absResidual);
  const floor = spreadFloor(absResidual);
  const sigma = (X: Frame) => clipSpread(spreadModel.predict(X), floor);
  const testX1 = data.x1.subarray(3 * n);
  const region = (keep: (x: number) => boolean, values: Float64Array) =>
    values.filter((_, i) => keep(testX1[i]));
  const coverageIn = (keep: (x: number) => boolean, lower: Float64Array, upper: Float64Array) =>
    intervalCoverage(region(keep, test.y), region(keep, lower), region(keep, upper));

  it('reaches 88–92% coverage at 90% overall and in both the calm and the noisy region', () => {
    const q = conformalQuantile(
      regressionScores(calibration.y, mean.predict(calibration.X), sigma(calibration.X)),
      0.9,
    );
    const { lower, upper } = symmetricIntervals(mean.predict(test.X), q, sigma(test.X));
    expect(intervalCoverage(test.y, lower, upper)).toBeGreaterThanOrEqual(0.88);
    expect(intervalCoverage(test.y, lower, upper)).toBeLessThanOrEqual(0.92);
    // Coverage holds where the noise is small and where it is large (within sampling error of ~600 rows).
    expect(coverageIn((x) => x < 0.3, lower, upper)).toBeGreaterThan(0.86);
    expect(coverageIn((x) => x > 0.7, lower, upper)).toBeGreaterThan(0.86);
    // And the intervals adapt: wider where the noise is larger.
    const width = (keep: (x: number) => boolean) => {
      const w = region(keep, upper).map((u, i) => u - region(keep, lower)[i]);
      return w.reduce((a, b) => a + b, 0) / w.length;
    };
    expect(width((x) => x > 0.7)).toBeGreaterThan(2.5 * width((x) => x < 0.3));
  });

  it('is why intervals are normalized: plain split conformal under-covers the noisy region', () => {
    const q = conformalQuantile(regressionScores(calibration.y, mean.predict(calibration.X)), 0.9);
    const { lower, upper } = symmetricIntervals(mean.predict(test.X), q);
    expect(intervalCoverage(test.y, lower, upper)).toBeGreaterThan(0.87); // on average it holds…
    expect(coverageIn((x) => x > 0.7, lower, upper)).toBeLessThan(0.82); // …but not where the noise is
  });
});

describe('CV+', () => {
  it('covers at least 1 − α on new rows, from five fold models and out-of-fold residuals', () => {
    const n = 1000;
    const data = heteroscedastic(2 * n, 11);
    const train = data.frame(0, n);
    const yTrain = data.y.subarray(0, n);
    const k = 5;
    const foldOf = Int32Array.from({ length: n }, (_, i) => i % k);
    const residuals = new Float64Array(n);
    const foldPredictions: Float64Array[] = [];
    for (let f = 0; f < k; f++) {
      const fitRows = Int32Array.from(foldOf.keys()).filter((i) => foldOf[i] !== f);
      const heldRows = Int32Array.from(foldOf.keys()).filter((i) => foldOf[i] === f);
      const model = regressor().fit(
        train.take(fitRows),
        Float64Array.from(fitRows, (i) => yTrain[i]),
      );
      const held = model.predict(train.take(heldRows));
      heldRows.forEach((row, j) => {
        residuals[row] = Math.abs(yTrain[row] - held[j]);
      });
      foldPredictions.push(Float64Array.from(model.predict(data.frame(n, 2 * n))));
    }
    const { lower, upper } = cvPlusIntervals(foldPredictions, residuals, foldOf, 0.9);
    const covered = intervalCoverage(data.y.subarray(n), lower, upper);
    expect(covered).toBeGreaterThanOrEqual(0.88);
    expect(covered).toBeLessThanOrEqual(0.94);
  });
});

describe('LAC prediction sets', () => {
  it('reach the stated coverage and stay small when the classifier is sure', () => {
    // Three classes with known probabilities; labels drawn from them, so the probabilities are calibrated.
    const rng = new Rng(3);
    const n = 4000;
    const proba = new Float64Array(3 * n);
    const y = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const sharp = rng.nextFloat();
      const top = i % 3;
      for (let c = 0; c < 3; c++)
        proba[c * n + i] = c === top ? 0.34 + 0.64 * sharp : (0.66 - 0.64 * sharp) / 2;
      const u = rng.nextFloat();
      let acc = 0;
      y[i] = 2;
      for (let c = 0; c < 3; c++) {
        acc += proba[c * n + i];
        if (u < acc) {
          y[i] = c;
          break;
        }
      }
    }
    const half = n / 2;
    const take = (from: number, to: number) => {
      const m = to - from;
      const p = new Float64Array(3 * m);
      for (let c = 0; c < 3; c++) p.set(proba.subarray(c * n + from, c * n + to), c * m);
      return p;
    };
    const q = conformalQuantile(classificationScores(take(0, half), y.subarray(0, half)), 0.9);
    const sets = predictionSets(take(half, n), half, q);
    const covered = setCoverage(y.subarray(half), sets);
    expect(covered).toBeGreaterThanOrEqual(0.88);
    expect(covered).toBeLessThanOrEqual(0.92);
    expect(sets.every((s) => s.length >= 1)).toBe(true);
    const meanSize = sets.reduce((a, s) => a + s.length, 0) / sets.length;
    expect(meanSize).toBeLessThan(3);
  });
});
