import { describe, expect, it } from 'vitest';
import { fromJSON } from '../serialization/from-json';
import { toJSON } from '../serialization/to-json';
import { empiricalCoverage } from './conformal-intervals';
import { AutoPanelForecaster } from './global-auto-forecaster';
import { syntheticPanel } from './global-test-panel';

const SEASON = 24;
const H = 24;
const GBDT = { maxIter: 40, maxWindowsPerSeries: 60 };

describe('AutoPanelForecaster', () => {
  const { train } = syntheticPanel(20, 360, H, 5);

  it('chooses by the validation score on the training data and round-trips its state', () => {
    const auto = new AutoPanelForecaster({
      candidates: ['GlobalGbdt', 'SeasonalNaive', 'Theta'],
      gbdt: GBDT,
    });
    auto.fitPanel(train, { season: SEASON, horizon: H });
    const scores = auto.validationScores_;
    // 3 singles + median and mean of the 4 subsets of two or more.
    expect(Object.keys(scores)).toHaveLength(3 + 2 * 4);
    expect(scores.SeasonalNaive).toBeCloseTo(1, 12);
    const best = Object.entries(scores).sort((a, b) => a[1] - b[1])[0][0];
    expect(new Set(auto.selected_)).toEqual(new Set([best]));
    const forecasts = auto.predictPanel(H);
    expect(forecasts).toHaveLength(train.length);
    for (const f of forecasts) {
      expect(f.mean.every(Number.isFinite)).toBe(true);
      expect(f.lower?.[80].every((v, h) => v <= f.mean[h] && f.mean[h] <= (f.upper?.[80][h] ?? -1))).toBe(
        true,
      );
    }
    const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(auto)))) as AutoPanelForecaster;
    loaded.predictPanel(H).forEach((f, i) => {
      expect(Array.from(f.mean)).toEqual(Array.from(forecasts[i].mean));
      expect(Array.from(f.upper?.[95] ?? [])).toEqual(Array.from(forecasts[i].upper?.[95] ?? []));
    });
  });

  it('gives bit-identical forecasts for the same seed, also when choosing per series', () => {
    const make = () =>
      new AutoPanelForecaster({
        candidates: ['GlobalGbdt', 'SeasonalNaive'],
        selection: 'series',
        gbdt: { ...GBDT, randomState: 9 },
      }).fitPanel(train, { season: SEASON, horizon: H });
    const a = make();
    const b = make();
    expect(b.selected_).toEqual(a.selected_);
    const fb = b.predictPanel(H);
    for (const [i, f] of a.predictPanel(H).entries())
      expect(Array.from(fb[i].mean)).toEqual(Array.from(f.mean));
  });

  it('reaches 80% and 95% coverage within 5 points on a seeded panel', () => {
    const panel = syntheticPanel(300, 240, H, 21);
    const auto = new AutoPanelForecaster({
      candidates: ['GlobalGbdt', 'SeasonalNaive'],
      gbdt: { maxIter: 40, maxWindowsPerSeries: 40 },
    }).fitPanel(panel.train, { season: SEASON, horizon: H });
    const forecasts = auto.predictPanel(H, { levels: [80, 95] });
    for (const level of [80, 95]) {
      const coverage = empiricalCoverage(
        panel.test,
        forecasts.map((f) => f.lower?.[level] as Float64Array),
        forecasts.map((f) => f.upper?.[level] as Float64Array),
      );
      expect(Math.abs(100 * coverage - level)).toBeLessThanOrEqual(5);
    }
  });

  it('rejects unknown candidates with INVALID_PARAMETER', () => {
    const auto = new AutoPanelForecaster({ candidates: ['Prophet' as never] });
    expect(() => auto.fitPanel(train, { season: SEASON, horizon: H })).toThrowError(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });
});
