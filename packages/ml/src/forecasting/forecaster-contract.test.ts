import { describe, expect, it } from 'vitest';
import { isMlError } from '../core/errors';
import { fromJSON } from '../serialization/from-json';
import { toJSON } from '../serialization/to-json';
import { AutoARIMA } from './auto-arima';
import { CombinationForecaster } from './combination-forecaster';
import { DampedHolt } from './damped-holt';
import { ETS } from './ets';
import type { Forecaster } from './forecaster';
import { Holt } from './holt';
import { Naive } from './naive';
import { Naive2 } from './naive2';
import { OptimizedTheta } from './optimized-theta';
import { SeasonalNaive } from './seasonal-naive';
import { SimpleExpSmoothing } from './simple-exp-smoothing';
import { STLForecaster } from './stl-forecaster';
import { syntheticSeries } from './test-helpers';
import { Theta } from './theta';

// The contract every forecaster meets, run over each of them on one seeded seasonal series.
const cases: [string, () => Forecaster][] = [
  ['Naive', () => new Naive()],
  ['SeasonalNaive', () => new SeasonalNaive()],
  ['Naive2', () => new Naive2()],
  ['SimpleExpSmoothing', () => new SimpleExpSmoothing()],
  ['Holt', () => new Holt()],
  ['DampedHolt', () => new DampedHolt()],
  ['ETS', () => new ETS({ maxEvaluations: 400, nSimulations: 200 })],
  [
    'ETS (multiplicative season, simulated intervals)',
    () => new ETS({ error: 'M', trend: 'N', seasonal: 'M' }),
  ],
  ['Theta', () => new Theta()],
  ['OptimizedTheta', () => new OptimizedTheta()],
  ['AutoARIMA', () => new AutoARIMA({ maxModels: 12 })],
  ['STLForecaster (MSTL + ETS)', () => new STLForecaster({ periods: [12, 24] })],
  ['STLForecaster (theta)', () => new STLForecaster({ method: 'theta' })],
  [
    'CombinationForecaster',
    () => new CombinationForecaster({ members: [new SeasonalNaive(), new Theta()], combine: 'weighted' }),
  ],
];
const y = syntheticSeries(96, 12, 7);

describe.each(cases)('%s', (_, make) => {
  it('refuses to predict before fit', () => {
    expect(() => make().predict(3)).toThrow(expect.objectContaining({ code: 'NOT_FITTED' }));
  });

  it('forecasts finite values with 80% and 95% intervals that nest and widen with the horizon', () => {
    const { mean, lower, upper } = make().fit(y, { season: 12 }).predict(24);
    expect(mean).toHaveLength(24);
    expect(mean.every(Number.isFinite)).toBe(true);
    expect(lower && upper).toBeTruthy();
    const width = (level: number, h: number) => (upper?.[level][h] ?? 0) - (lower?.[level][h] ?? 0);
    for (let h = 0; h < 24; h++) {
      expect(lower?.[80][h]).toBeLessThanOrEqual(mean[h] + 1e-9);
      expect(upper?.[80][h]).toBeGreaterThanOrEqual(mean[h] - 1e-9);
      expect(width(95, h)).toBeGreaterThanOrEqual(width(80, h) - 1e-9);
    }
    // Wider at the end of the horizon than at the start (seasonal indices rescale single steps, so compare
    // the mean width of the first and last seasons).
    const meanWidth = (from: number) =>
      Array.from({ length: 12 }, (_, k) => width(95, from + k)).reduce((a, b) => a + b);
    expect(meanWidth(12)).toBeGreaterThanOrEqual(meanWidth(0) - 1e-9);
  });

  it('is deterministic: two fits give identical forecasts', () => {
    const a = make().fit(y, { season: 12 }).predict(12);
    const b = make().fit(y, { season: 12 }).predict(12);
    expect(Array.from(b.mean)).toEqual(Array.from(a.mean));
    expect(Array.from(b.upper?.[95] ?? [])).toEqual(Array.from(a.upper?.[95] ?? []));
  });

  it('saves to plain JSON and loads back to bit-identical forecasts', () => {
    const model = make().fit(y, { season: 12 });
    const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(model as never)))) as unknown as Forecaster;
    expect(loaded.kind).toBe(model.kind);
    const a = model.predict(30);
    const b = loaded.predict(30);
    expect(Array.from(b.mean)).toEqual(Array.from(a.mean));
    expect(Array.from(b.lower?.[80] ?? [])).toEqual(Array.from(a.lower?.[80] ?? []));
  });

  it('stops with ABORTED when the signal is already aborted', () => {
    let error: unknown;
    try {
      make().fit(y, { season: 12, signal: { aborted: true } });
    } catch (e) {
      error = e;
    }
    expect(isMlError(error, 'ABORTED')).toBe(true);
  });

  it('rejects missing values with a message that says what to do', () => {
    const bad = y.slice();
    bad[5] = Number.NaN;
    expect(() => make().fit(bad, { season: 12 })).toThrow(/interpolate or drop/);
  });
});
