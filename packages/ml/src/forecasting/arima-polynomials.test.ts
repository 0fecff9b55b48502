import { describe, expect, it } from 'vitest';
import { arInverseTransform, arTransform, fitArima } from './arima-fit';
import { difference, differencingCoefficients, expandAr, expandMa, psiWeights } from './arima-polynomials';
import { expectClose, syntheticSeries } from './test-helpers';

describe('ARIMA polynomials', () => {
  it('multiplies out seasonal factors in R’s sign convention', () => {
    // (1 − 0.5B)(1 − 0.3B²) = 1 − 0.5B − 0.3B² + 0.15B³
    expectClose(expandAr([0.5], [0.3], 2), [0.5, 0.3, -0.15], 1e-15);
    // (1 + 0.4B)(1 + 0.2B²) = 1 + 0.4B + 0.2B² + 0.08B³
    expectClose(expandMa([0.4], [0.2], 2), [0.4, 0.2, 0.08], 1e-15);
  });

  it('differences and knows the integration coefficients', () => {
    const y = Float64Array.of(1, 4, 9, 16, 25, 36);
    expect(Array.from(difference(y, 1, 0, 1))).toEqual([3, 5, 7, 9, 11]);
    expect(Array.from(difference(y, 1, 1, 2))).toEqual([4, 4, 4]);
    // (1 − B)(1 − B²) = 1 − B − B² + B³  →  δ = (1, 1, −1)
    expect(Array.from(differencingCoefficients(1, 1, 2))).toEqual([1, 1, -1]);
  });

  it('ψ-weights of a random walk are all 1, of an AR(1) powers of φ', () => {
    expectClose(
      psiWeights(new Float64Array(0), new Float64Array(0), Float64Array.of(1), 4),
      [1, 1, 1, 1],
      1e-15,
    );
    expectClose(
      psiWeights(Float64Array.of(0.5), new Float64Array(0), new Float64Array(0), 4),
      [1, 0.5, 0.25, 0.125],
      1e-15,
    );
  });

  it('the stationarity transform round-trips', () => {
    const phi = Float64Array.of(0.6, -0.2, 0.1);
    expectClose(arTransform(arInverseTransform(phi)), phi, 1e-12);
  });

  it('CSS, ML and CSS-ML recover an AR(1) coefficient', () => {
    // y_t = 0.7 y_{t−1} + e_t from the seeded noise of syntheticSeries (its trend and season removed).
    const noise = syntheticSeries(400, 1, 9).map((v, t) => v - 50 - 0.05 * t);
    const y = new Float64Array(400);
    for (let t = 1; t < 400; t++) y[t] = 0.7 * y[t - 1] + noise[t];
    for (const method of ['CSS', 'ML', 'CSS-ML'] as const) {
      const fit = fitArima(
        y,
        { order: { p: 1, d: 0, q: 0, P: 0, D: 0, Q: 0, m: 1 }, constant: false },
        method,
      );
      expect(fit?.coef.phi[0]).toBeCloseTo(0.7, 1);
    }
  });
});
