import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { backtest } from './backtest';
import { conformalIntervals, empiricalCoverage, withConformalIntervals } from './conformal-intervals';
import { ETS } from './ets';
import { rollingOriginFolds } from './rolling-origin-folds';
import { SeasonalNaive } from './seasonal-naive';
import { syntheticSeries } from './test-helpers';

describe('rollingOriginFolds', () => {
  it('ends the last window at the last observation and steps back', () => {
    expect(rollingOriginFolds(100, { horizon: 10, folds: 3 })).toEqual([
      { trainEnd: 70, horizon: 10 },
      { trainEnd: 80, horizon: 10 },
      { trainEnd: 90, horizon: 10 },
    ]);
    expect(rollingOriginFolds(100, { horizon: 10, folds: 3, step: 1 }).map((f) => f.trainEnd)).toEqual([
      88, 89, 90,
    ]);
  });

  it('says how to fix folds that do not fit', () => {
    expect(() => rollingOriginFolds(20, { horizon: 10, folds: 3 })).toThrow(/fewer folds/);
    expect(() => rollingOriginFolds(20, { horizon: 0, folds: 1 })).toThrow(/horizon/);
  });
});

describe('backtest', () => {
  it('forecasts every fold from the data before its origin and reports per-horizon errors', () => {
    const y = syntheticSeries(120, 12, 3);
    const folds = rollingOriginFolds(y.length, { horizon: 12, folds: 4 });
    const result = backtest(() => new SeasonalNaive(), y, folds, { season: 12 });
    expect(result.folds).toHaveLength(4);
    const last = result.folds[3];
    // Seasonal naive repeats the last season before the origin.
    expect(Array.from(last.forecast.mean)).toEqual(Array.from(y.subarray(96, 108)));
    expect(Array.from(last.actual)).toEqual(Array.from(y.subarray(108, 120)));
    expect(result.perHorizon.mae).toHaveLength(12);
    const manual = result.folds.reduce((s, f) => s + Math.abs(f.actual[0] - f.forecast.mean[0]), 0) / 4;
    expect(result.perHorizon.mae[0]).toBeCloseTo(manual, 12);
    expect(result.residuals[0][3]).toBeCloseTo(last.actual[0] - last.forecast.mean[0], 12);
    expect(result.perHorizon.rmse[0]).toBeGreaterThanOrEqual(result.perHorizon.mae[0]);
  });

  it('stops when cancelled', () => {
    const y = syntheticSeries(60, 12, 3);
    expect(() =>
      backtest(() => new SeasonalNaive(), y, rollingOriginFolds(60, { horizon: 6, folds: 2 }), {
        signal: { aborted: true },
      }),
    ).toThrow(expect.objectContaining({ code: 'ABORTED' }));
  });
});

describe('conformal intervals and coverage', () => {
  it('takes the ⌈(k+1)L⌉-th smallest absolute residual', () => {
    const residuals = [Float64Array.from([-4, 1, 2, -3, 5, 0.5, -0.2, 6, -7, 8])];
    const widths = conformalIntervals(residuals, [80, 50]);
    expect(widths[80][0]).toBe(7); // rank ⌈11·0.8⌉ = 9 of the sorted |r|
    expect(widths[50][0]).toBe(4); // rank 6
    const f = withConformalIntervals(Float64Array.of(10, 20), widths);
    expect(f.lower?.[80][1]).toBe(13);
    expect(f.upper?.[50][0]).toBe(14);
  });

  it('reaches nominal coverage on a seeded synthetic set (within 5 points)', () => {
    // 60 series of Gaussian noise around a seasonal pattern; conformal widths from a rolling backtest of the
    // first 200 points, checked on the next 24 of every series.
    const rng = new Rng(11);
    const actuals: Float64Array[] = [];
    const lowers: Record<number, Float64Array[]> = { 80: [], 95: [] };
    const uppers: Record<number, Float64Array[]> = { 80: [], 95: [] };
    for (let s = 0; s < 60; s++) {
      const y = syntheticSeries(224, 12, 100 + rng.nextInt(1000));
      const train = y.subarray(0, 200);
      const bt = backtest(
        () => new SeasonalNaive(),
        train,
        rollingOriginFolds(200, { horizon: 24, folds: 40, step: 3 }),
        {
          season: 12,
        },
      );
      const widths = conformalIntervals(bt.residuals, [80, 95]);
      const forecast = withConformalIntervals(
        new SeasonalNaive().fit(train.slice(), { season: 12 }).predict(24).mean,
        widths,
      );
      actuals.push(y.slice(200));
      for (const level of [80, 95]) {
        lowers[level].push(forecast.lower?.[level] as Float64Array);
        uppers[level].push(forecast.upper?.[level] as Float64Array);
      }
    }
    expect(Math.abs(empiricalCoverage(actuals, lowers[80], uppers[80]) - 0.8)).toBeLessThan(0.05);
    expect(Math.abs(empiricalCoverage(actuals, lowers[95], uppers[95]) - 0.95)).toBeLessThan(0.05);
  });

  it('model-based ETS intervals also cover near nominal on the synthetic set', () => {
    const actuals: Float64Array[] = [];
    const lo: Float64Array[] = [];
    const hi: Float64Array[] = [];
    for (let s = 0; s < 30; s++) {
      const y = syntheticSeries(132, 12, 500 + s);
      const f = new ETS({ error: 'A', trend: 'N', seasonal: 'A', maxEvaluations: 500 })
        .fit(y.slice(0, 120), { season: 12 })
        .predict(12);
      actuals.push(y.slice(120));
      lo.push(f.lower?.[80] as Float64Array);
      hi.push(f.upper?.[80] as Float64Array);
    }
    expect(Math.abs(empiricalCoverage(actuals, lo, hi) - 0.8)).toBeLessThan(0.08);
  });
});
