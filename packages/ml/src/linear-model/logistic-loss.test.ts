import { describe, expect, it } from 'vitest';
import { Matrix } from '../core/matrix';
import { Rng } from '../core/rng';
import { logisticObjective } from './logistic-loss';

function problem(nClasses: number) {
  const rng = new Rng(5);
  const n = 30;
  const X = new Matrix(n, 3);
  for (let k = 0; k < X.data.length; k++) X.data[k] = rng.nextFloat() * 2 - 1;
  const y = Int32Array.from({ length: n }, (_, i) => i % nClasses);
  const sampleWeight = Float64Array.from({ length: n }, () => 0.5 + rng.nextFloat());
  return { X, y, sampleWeight, nClasses, C: 0.7, fitIntercept: true };
}

describe('logisticObjective', () => {
  it.each([2, 4])('has a gradient that matches central finite differences (%i classes)', (nClasses) => {
    const { nParams, fun } = logisticObjective(problem(nClasses));
    const rng = new Rng(9);
    const theta = Float64Array.from({ length: nParams }, () => rng.nextFloat() - 0.5);
    const grad = new Float64Array(nParams);
    fun(theta, grad);
    const h = 1e-6;
    const scratch = new Float64Array(nParams);
    for (let j = 0; j < nParams; j++) {
      const plus = Float64Array.from(theta);
      const minus = Float64Array.from(theta);
      plus[j] += h;
      minus[j] -= h;
      const numeric = (fun(plus, scratch) - fun(minus, scratch)) / (2 * h);
      expect(Math.abs(numeric - grad[j])).toBeLessThan(1e-7);
    }
  });

  it('equals log 2 at θ = 0 for two classes and log k for k classes', () => {
    for (const k of [2, 3]) {
      const { nParams, fun } = logisticObjective(problem(k));
      expect(fun(new Float64Array(nParams), new Float64Array(nParams))).toBeCloseTo(Math.log(k), 12);
    }
  });

  it('penalises weights but not intercepts', () => {
    const { nParams, fun } = logisticObjective(problem(2));
    const grad = new Float64Array(nParams);
    const base = fun(new Float64Array(nParams), grad);
    const withWeight = new Float64Array(nParams);
    withWeight[0] = 1e-3;
    // The intercept-only move changes the data term but adds no penalty: check the penalty term directly by
    // comparing against a problem with C = ∞.
    const unpenalised = logisticObjective({ ...problem(2), C: Number.POSITIVE_INFINITY }).fun;
    const intercept = new Float64Array(nParams);
    intercept[nParams - 1] = 0.3;
    expect(fun(intercept, grad)).toBeCloseTo(unpenalised(intercept, grad), 14);
    expect(fun(withWeight, grad)).toBeGreaterThan(unpenalised(withWeight, grad));
    expect(base).toBeGreaterThan(0);
  });
});
