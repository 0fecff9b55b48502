import { describe, expect, it } from 'vitest';
import { type BoostingLoss, binomialLoss, multinomialLoss, REGRESSION_LOSSES, weightedMedian } from './loss';

/** d(mean loss)/d(raw_j) by central differences, times n (the gradient of row j's own loss). */
function numericGradient(loss: BoostingLoss, y: Float64Array, raw: Float64Array, j: number): number {
  const h = 1e-6;
  const up = Float64Array.from(raw);
  const down = Float64Array.from(raw);
  up[j] += h;
  down[j] -= h;
  return ((loss.meanLoss(y, null, up) - loss.meanLoss(y, null, down)) / (2 * h)) * y.length;
}

describe('boosting losses', () => {
  const cases: [string, BoostingLoss, Float64Array, Float64Array][] = [
    [
      'squared_error',
      REGRESSION_LOSSES.squared_error,
      Float64Array.of(1, -2, 3.5),
      Float64Array.of(0.5, 0, 4),
    ],
    ['poisson', REGRESSION_LOSSES.poisson, Float64Array.of(0, 2, 5), Float64Array.of(0.1, 1, 1.2)],
    ['binomial', binomialLoss, Float64Array.of(0, 1, 1), Float64Array.of(-0.3, 0.8, -2)],
    [
      'multinomial',
      multinomialLoss(3),
      Float64Array.of(0, 2, 1),
      Float64Array.of(0.1, -0.2, 0.3, 1, 0, -1, 0.5, 0.5, 2),
    ],
  ];

  it.each(cases)('%s: gradients match finite differences of the loss', (_, loss, y, raw) => {
    const gh = new Float32Array(2 * raw.length);
    loss.gradients(y, null, raw, gh);
    for (let j = 0; j < raw.length; j++) expect(gh[2 * j]).toBeCloseTo(numericGradient(loss, y, raw, j), 5);
  });

  it.each(cases)('%s: sample weights scale gradients and hessians', (_, loss, y, raw) => {
    const plain = new Float32Array(2 * raw.length);
    const weighted = new Float32Array(2 * raw.length);
    const w = Float64Array.from(y, (_, i) => i + 1);
    loss.gradients(y, null, raw, plain);
    loss.gradients(y, w, raw, weighted);
    const n = y.length;
    weighted.forEach((v, k) => {
      expect(v).toBeCloseTo(plain[k] * w[(k >> 1) % n], 6);
    });
  });

  it('hessians: 1 for squared error, p(1 − p) for log loss, exp(raw) for Poisson', () => {
    const gh = new Float32Array(2);
    binomialLoss.gradients(Float64Array.of(1), null, Float64Array.of(0.4), gh);
    const p = 1 / (1 + Math.exp(-0.4));
    expect(gh[0]).toBeCloseTo(p - 1, 7);
    expect(gh[1]).toBeCloseTo(p * (1 - p), 7);
    REGRESSION_LOSSES.poisson.gradients(Float64Array.of(2), null, Float64Array.of(0.3), gh);
    expect(gh[1]).toBeCloseTo(Math.exp(0.3), 6);
    expect(REGRESSION_LOSSES.squared_error.unitHessian && REGRESSION_LOSSES.absolute_error.unitHessian).toBe(
      true,
    );
  });

  it('start from the best constant: mean, median, log-mean, logit of the rate, symmetric log priors', () => {
    const y = Float64Array.of(1, 2, 3, 10);
    expect(REGRESSION_LOSSES.squared_error.baseline(y, null)[0]).toBe(4);
    expect(REGRESSION_LOSSES.absolute_error.baseline(y, null)[0]).toBe(2.5);
    expect(REGRESSION_LOSSES.poisson.baseline(y, null)[0]).toBeCloseTo(Math.log(4), 14);
    expect(binomialLoss.baseline(Float64Array.of(1, 0, 0, 0), null)[0]).toBeCloseTo(Math.log(1 / 3), 14);
    const priors = multinomialLoss(3).baseline(Float64Array.of(0, 0, 1, 2), null);
    const logs = [Math.log(0.5), Math.log(0.25), Math.log(0.25)];
    const mean = (logs[0] + logs[1] + logs[2]) / 3;
    priors.forEach((v, k) => {
      expect(v).toBeCloseTo(logs[k] - mean, 14);
    });
  });
});

describe('weightedMedian', () => {
  it("is NumPy's median without weights and the lower weighted percentile with them", () => {
    expect(weightedMedian(Float64Array.of(3, 1, 2), null)).toBe(2);
    expect(weightedMedian(Float64Array.of(4, 1, 3, 2), null)).toBe(2.5);
    expect(weightedMedian(Float64Array.of(4, 1, 3, 2), Float64Array.of(1, 1, 1, 1))).toBe(2);
    expect(weightedMedian(Float64Array.of(1, 2, 3), Float64Array.of(1, 1, 5))).toBe(3);
  });

  it('re-fits absolute-error leaves to the median residual of their rows', () => {
    const y = Float64Array.of(5, 1, 9, 4);
    const raw = Float64Array.of(1, 1, 1, 1);
    expect(REGRESSION_LOSSES.absolute_error.refitLeaf!(y, null, raw, Int32Array.of(0, 2, 3))).toBe(4);
  });
});
