import { describe, expect, it } from 'vitest';
import { CombinationForecaster } from './combination-forecaster';
import { Naive } from './naive';
import { SeasonalNaive } from './seasonal-naive';
import { syntheticSeries } from './test-helpers';
import { Theta } from './theta';

describe('CombinationForecaster', () => {
  const y = syntheticSeries(120, 12, 5);
  const members = () => [new Naive(), new SeasonalNaive(), new Theta()];

  it('median and mean combine the members step by step', () => {
    const parts = members().map((m) => m.fit(y, { season: 12 }).predict(12).mean);
    const median = new CombinationForecaster({ members: members(), combine: 'median' })
      .fit(y, { season: 12 })
      .predict(12);
    const mean = new CombinationForecaster({ members: members(), combine: 'mean' })
      .fit(y, { season: 12 })
      .predict(12);
    for (let h = 0; h < 12; h++) {
      const values = parts.map((p) => p[h]).sort((a, b) => a - b);
      expect(median.mean[h]).toBe(values[1]);
      expect(mean.mean[h]).toBeCloseTo((values[0] + values[1] + values[2]) / 3, 10);
    }
  });

  it('weights members by their validation accuracy', () => {
    const model = new CombinationForecaster({
      members: members(),
      combine: 'weighted',
      validationHorizon: 12,
    }).fit(y, {
      season: 12,
    });
    const [naive, seasonalNaive] = model.weights_;
    expect(model.weights_.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(seasonalNaive).toBeGreaterThan(naive); // the seasonal series favours the seasonal member
  });

  it('needs at least one member', () => {
    expect(() => new CombinationForecaster().fit(y)).toThrow(/at least one member/);
  });
});
