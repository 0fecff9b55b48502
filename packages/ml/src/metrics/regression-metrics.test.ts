import { describe, expect, it } from 'vitest';
import { reference } from './fixtures/metrics';
import { meanAbsoluteError } from './mean-absolute-error';
import { meanSquaredError } from './mean-squared-error';
import { r2Score } from './r2-score';
import { rootMeanSquaredError } from './root-mean-squared-error';

// The scikit-learn doc example: y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0.0, 2, 8].
const yTrue = Float64Array.from([3, -0.5, 2, 7]);
const yPred = Float64Array.from([2.5, 0, 2, 8]);

describe('regression metrics', () => {
  it('MAE, MSE and RMSE match the hand computation', () => {
    expect(meanAbsoluteError(yTrue, yPred)).toBe(0.5);
    expect(meanSquaredError(yTrue, yPred)).toBe(0.375);
    expect(rootMeanSquaredError(yTrue, yPred)).toBe(Math.sqrt(0.375));
  });

  it('r2Score matches scikit-learn', () => {
    expect(r2Score(yTrue, yPred)).toBeCloseTo(0.9486081370449679, 14);
    const { yTrue: t, yPred: p, r2 } = reference.regression;
    expect(r2Score(Float64Array.from(t), Float64Array.from(p))).toBeCloseTo(r2, 14);
  });

  it('r2Score of a constant target is 1 when exact and 0 otherwise', () => {
    const constant = Float64Array.from([2, 2, 2]);
    expect(r2Score(constant, constant)).toBe(1);
    expect(r2Score(constant, Float64Array.from([2, 2, 3]))).toBe(0);
    expect(r2Score(yTrue, Float64Array.from(yTrue).fill(2.875))).toBeCloseTo(0, 15); // predicting the mean
  });
});
