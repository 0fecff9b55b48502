import { describe, expect, it } from 'vitest';
import { STLForecaster } from './stl-forecaster';

describe('STLForecaster', () => {
  // Two seasonal cycles (12 and 36) on a linear trend, no noise: the decomposition must carry both forward.
  const truth = (t: number) =>
    100 + 0.2 * t + 6 * Math.sin((2 * Math.PI * t) / 12) + 3 * Math.cos((2 * Math.PI * t) / 36);
  const y = Float64Array.from({ length: 216 }, (_, t) => truth(t));

  it('forecasts a series with two seasonal periods', () => {
    const forecast = new STLForecaster({ periods: [12, 36] }).fit(y).predict(24).mean;
    for (let h = 0; h < 24; h++) expect(Math.abs(forecast[h] - truth(216 + h))).toBeLessThan(1.5);
  });

  it('removes only periods with two full cycles, and falls back to the plain model when none is left', () => {
    const model = new STLForecaster({ periods: [12, 500] }).fit(y);
    expect(model.periods_).toEqual([12]);
    expect(new STLForecaster().fit(y.slice(0, 20), { season: 12 }).periods_).toEqual([]);
  });
});
