import { describe, expect, it } from 'vitest';
import { acf } from './acf';
import { AutoARIMA } from './auto-arima';
import { classicalDecomposition } from './classical-decomposition';
import { DampedHolt } from './damped-holt';
import { ETS } from './ets';
import { fitEts } from './ets-fit';
import { etsPointForecast } from './ets-forecast';
import type { EtsSpec } from './ets-spec';
import { R_REFERENCE as R } from './fixtures/r-reference';
import { Holt } from './holt';
import { kpssStatistic, ndiffs } from './kpss-test';
import { seasonalStrength } from './mstl';
import { Naive2 } from './naive2';
import { normalQuantile } from './normal-quantile';
import { seasonalityTest } from './seasonality-test';
import { SimpleExpSmoothing } from './simple-exp-smoothing';
import { stl } from './stl';
import { expectClose } from './test-helpers';
import { Theta } from './theta';

// Reference values from R 4.2 / forecast 8.20 (scripts/forecast-reference.R). Where we follow R's algorithm step
// by step (acf, decompose, stl, Nelder–Mead on the ets likelihood) results agree to rounding, so tolerances are
// 1e-9 relative; ETS interval widths 1e-4 (R's sigma² bookkeeping differs in the last digits); auto.arima
// forecasts 1e-3 (our optimiser is L-BFGS, R's BFGS; both stop within the same flat optimum).
const air = Float64Array.from(R.airPassengers);
const usacc = Float64Array.from(R.usAccDeaths);
const www = Float64Array.from(R.wwwUsage);
const nottem = Float64Array.from(R.nottem);

describe('agreement with R', () => {
  it('acf, the M4 seasonality test, qnorm', () => {
    expectClose(acf(air, 24), R.acfAir, 1e-12);
    expect(seasonalityTest(air, 12)).toBe(R.seasonalAir);
    expect(seasonalityTest(www, 4)).toBe(R.seasonalWww);
    expectClose([0.9, 0.975, 1e-10, 0.3].map(normalQuantile), R.qnorm, 1e-14);
  });

  it('classical decomposition (decompose)', () => {
    const mult = classicalDecomposition(air, 12, 'multiplicative');
    expectClose(mult.figure, R.decomposeAirFigure, 1e-12);
    expectClose(mult.trend, R.decomposeAirTrend, 1e-12);
    expectClose(classicalDecomposition(usacc, 12).figure, R.decomposeUsaccFigure, 1e-10);
  });

  it('ses, holt and damped holt (least squares, as forecast::ses / holt)', () => {
    const ses = new SimpleExpSmoothing({ seasonalAdjustment: 'none' }).fit(www);
    expect(ses.alpha_).toBeCloseTo(R.sesWww.alpha, 9);
    const sesForecast = ses.predict(10);
    expectClose(sesForecast.mean, R.sesWww.mean, 1e-9);
    expectClose(sesForecast.lower?.[80] ?? [], R.sesWww.lower80, 1e-9);
    expectClose(sesForecast.upper?.[95] ?? [], R.sesWww.upper95, 1e-9);
    const holt = new Holt({ seasonalAdjustment: 'none' }).fit(www);
    expect(holt.beta_).toBeCloseTo(R.holtWww.beta, 9);
    expectClose(holt.predict(10).mean, R.holtWww.mean, 1e-9);
    expectClose(holt.predict(10).upper?.[95] ?? [], R.holtWww.upper95, 1e-9);
    const damped = new DampedHolt({ seasonalAdjustment: 'none' }).fit(www);
    expect(damped.phi_).toBeCloseTo(R.dampedWww.phi, 9);
    expectClose(damped.predict(10).mean, R.dampedWww.mean, 1e-9);
  });

  it.each([
    ['ANA', usacc, { error: 'A', trend: 'N', damped: false, season: 'A', m: 12 }, R.etsUsaccANA],
    ['MAM', air, { error: 'M', trend: 'A', damped: false, season: 'M', m: 12 }, R.etsAirMAM],
    ['AAN', www, { error: 'A', trend: 'A', damped: false, season: 'N', m: 1 }, R.etsWwwAAN],
  ] as const)('ets(model = %s): likelihood, AICc and forecasts', (_, y, spec, ref) => {
    const fit = fitEts(y, spec as EtsSpec);
    expect(fit).not.toBeNull();
    if (fit === null) return;
    expect(-0.5 * fit.lik).toBeCloseTo(ref.loglik, 6);
    expect(fit.aicc).toBeCloseTo(ref.aicc, 6);
    expectClose(etsPointForecast(spec as EtsSpec, fit.par, fit.finalState, ref.mean.length), ref.mean, 1e-9);
  });

  it('ets() automatic selection picks the same model', () => {
    const model = new ETS().fit(usacc, { season: 12 });
    expect(model.method_).toBe(R.etsUsaccAuto.method);
    expect(model.ic_).toBeCloseTo(R.etsUsaccAuto.aicc, 6);
    expectClose(model.predict(12).mean, R.etsUsaccAuto.mean, 1e-9);
    const intervals = new ETS({ error: 'A', trend: 'N', seasonal: 'A' })
      .fit(usacc, { season: 12 })
      .predict(12);
    expectClose(intervals.lower?.[80] ?? [], R.etsUsaccANAIntervals.lower80, 1e-4);
    expectClose(intervals.upper?.[95] ?? [], R.etsUsaccANAIntervals.upper95, 1e-4);
  });

  it('M4 Naive2, SES and Theta.classic on a seasonal series', () => {
    expectClose(new Naive2().fit(air, { season: 12 }).predict(24).mean, R.naive2Air, 1e-12);
    expectClose(new SimpleExpSmoothing().fit(air, { season: 12 }).predict(24).mean, R.sesAir, 1e-9);
    expectClose(new Theta().fit(air, { season: 12 }).predict(24).mean, R.thetaAir, 1e-9);
  });

  it('stl (window 7; periodic robust) and the seasonal strength of mstl', () => {
    const s = stl(nottem, 12, { seasonalWindow: 7 });
    expectClose(s.seasonal, R.stlNottem.seasonal, 1e-10);
    expectClose(s.trend, R.stlNottem.trend, 1e-10);
    const p = stl(nottem, 12, { seasonalWindow: 'periodic', robust: true });
    expectClose(p.seasonal, R.stlNottemPeriodicRobust.seasonal, 1e-10);
    expectClose(p.trend, R.stlNottemPeriodicRobust.trend, 1e-10);
    expect(seasonalStrength(nottem, [12])[0]).toBeCloseTo(R.seasStrengthNottem, 10);
  });

  it('kpss statistic and ndiffs', () => {
    expect(kpssStatistic(www)).toBeCloseTo(R.kpssWww, 10);
    expect(ndiffs(www)).toBe(R.ndiffsWww);
  });

  it('auto.arima chooses the same orders and forecasts alike', () => {
    const nonSeasonal = new AutoARIMA().fit(www);
    expect(nonSeasonal.method_).toBe(R.autoArimaWww.method);
    expectClose(nonSeasonal.predict(10).mean, R.autoArimaWww.mean, 1e-3);
    expectClose(nonSeasonal.predict(10).upper?.[95] ?? [], R.autoArimaWww.upper95, 1e-2);
    const seasonal = new AutoARIMA().fit(air.map(Math.log), { season: 12 });
    expect(seasonal.method_).toBe(R.autoArimaLogAir.method);
    expectClose(seasonal.predict(12).mean, R.autoArimaLogAir.mean, 1e-3);
    expectClose(seasonal.predict(12).upper?.[95] ?? [], R.autoArimaLogAir.upper95, 1e-2);
  });
});
