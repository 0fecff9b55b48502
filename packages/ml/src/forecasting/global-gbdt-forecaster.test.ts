import { describe, expect, it } from 'vitest';
import { MlError } from '../core/errors';
import { fromJSON } from '../serialization/from-json';
import { toJSON } from '../serialization/to-json';
import { empiricalCoverage } from './conformal-intervals';
import { GlobalGbdtForecaster } from './global-gbdt-forecaster';
import { GbdtSeriesForecaster } from './global-gbdt-series';
import { syntheticPanel } from './global-test-panel';
import { mase } from './mase';
import { SeasonalNaive } from './seasonal-naive';

const SEASON = 24;
const H = 24;
const SMALL = { maxIter: 40, maxWindowsPerSeries: 150 } as const;

function meanMase(train: Float64Array[], test: Float64Array[], forecasts: Float64Array[]): number {
  return forecasts.reduce((sum, f, i) => sum + mase(test[i], f, train[i], SEASON), 0) / forecasts.length;
}

describe('GlobalGbdtForecaster', () => {
  const { train, test } = syntheticPanel(24, 400, H, 7);

  it('gives bit-identical forecasts for the same seed', () => {
    const a = new GlobalGbdtForecaster({ ...SMALL, randomState: 3 }).fitPanel(train, {
      season: SEASON,
      horizon: H,
    });
    const b = new GlobalGbdtForecaster({ ...SMALL, randomState: 3 }).fitPanel(train, {
      season: SEASON,
      horizon: H,
    });
    const fa = a.predictPanel(H);
    const fb = b.predictPanel(H);
    expect(fa.length).toBe(train.length);
    fa.forEach((f, i) => {
      expect(Array.from(f.mean)).toEqual(Array.from(fb[i].mean));
      expect(Array.from(f.upper?.[95] ?? [])).toEqual(Array.from(fb[i].upper?.[95] ?? []));
    });
  });

  it('round-trips its state through JSON with identical forecasts', () => {
    const model = new GlobalGbdtForecaster({ ...SMALL, intervals: false }).fitPanel(train, {
      season: SEASON,
      horizon: H,
    });
    const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(model)))) as GlobalGbdtForecaster;
    expect(loaded).toBeInstanceOf(GlobalGbdtForecaster);
    const before = model.predictPanel(H);
    const after = loaded.predictPanel(H);
    for (const [i, f] of before.entries()) expect(Array.from(after[i].mean)).toEqual(Array.from(f.mean));
    expect(before[0].lower).toBeUndefined();
  });

  it.each(['direct', 'recursive'] as const)('beats seasonal naive on a seeded panel (%s)', (strategy) => {
    const model = new GlobalGbdtForecaster({ strategy, intervals: false, maxIter: 80 }).fitPanel(train, {
      season: SEASON,
      horizon: H,
    });
    const global = meanMase(
      train,
      test,
      model.predictPanel(H).map((f) => f.mean),
    );
    const snaive = meanMase(
      train,
      test,
      train.map((y) => new SeasonalNaive().fit(y, { season: SEASON }).predict(H).mean),
    );
    expect(global).toBeLessThan(0.9 * snaive);
  });

  it('reaches 80% and 95% coverage within 5 points on a seeded panel', () => {
    // Many short series: the conformal quantiles pool one held-out window per series.
    const panel = syntheticPanel(300, 240, H, 11);
    const model = new GlobalGbdtForecaster({ maxIter: 40, maxWindowsPerSeries: 40 }).fitPanel(panel.train, {
      season: SEASON,
      horizon: H,
    });
    const forecasts = model.predictPanel(H, { levels: [80, 95] });
    for (const level of [80, 95]) {
      const coverage = empiricalCoverage(
        panel.test,
        forecasts.map((f) => f.lower?.[level] as Float64Array),
        forecasts.map((f) => f.upper?.[level] as Float64Array),
      );
      expect(Math.abs(100 * coverage - level)).toBeLessThanOrEqual(5);
    }
  });

  it('rejects bad input with stable codes', () => {
    const model = new GlobalGbdtForecaster(SMALL);
    expect(() => model.fitPanel([], { season: SEASON, horizon: H })).toThrowError(
      expect.objectContaining({ code: 'EMPTY_DATA' }),
    );
    expect(() => model.fitPanel([new Float64Array(30).fill(1)], { season: SEASON, horizon: H })).toThrowError(
      expect.objectContaining({ code: 'TOO_FEW_ROWS' }),
    );
    expect(() => model.predictPanel(H)).toThrow(MlError);
    model.fitPanel(train.slice(0, 6), { season: SEASON, horizon: H });
    expect(() => model.predictPanel(H + 1)).toThrowError(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });

  it('stops when the signal is aborted', () => {
    const signal = { aborted: true, reason: 'test' };
    expect(() =>
      new GlobalGbdtForecaster(SMALL).fitPanel(train, {
        season: SEASON,
        horizon: H,
        signal,
      }),
    ).toThrowError(expect.objectContaining({ code: 'ABORTED' }));
  });

  it('fits one series behind the Forecaster contract (GbdtSeriesForecaster) and round-trips it', () => {
    const model = new GbdtSeriesForecaster({ ...SMALL, horizon: H }).fit(train[0], { season: SEASON });
    const { mean, lower } = model.predict(H);
    expect(mean.every(Number.isFinite)).toBe(true);
    expect(lower).toBeUndefined();
    const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(model)))) as GbdtSeriesForecaster;
    expect(Array.from(loaded.predict(H).mean)).toEqual(Array.from(mean));
    expect(() => model.predict(H + 1)).toThrowError(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
  });
});
