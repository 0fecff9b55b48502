import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp, waitForJob } from '../../test/helpers';
import { panelPlan } from './forecast-panel';
import { syntheticLongCsv } from './synthetic';

let app: FastifyInstance;

async function runForecast(body: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/api/forecasts', payload: body });
  expect(res.statusCode, res.body).toBe(202);
  const job = await waitForJob(app, res.json().id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  return (await app.inject({ method: 'GET', url: `/api/forecasts/${job.result.forecastId}` })).json();
}

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

describe('panel forecasts', () => {
  const series = (n: number, length: number) =>
    Array.from({ length: n }, () => ({ values: new Float64Array(length) }));
  const request = { select: 'auto', models: [], modelsGiven: false, season: 7, horizon: 14 };

  it('fits a panel for auto over several series, per series otherwise', () => {
    expect(panelPlan(request, series(3, 120))).toEqual({ model: 'auto', candidates: [] });
    expect(panelPlan(request, series(1, 120))).toBeNull();
    // Too short for a validation window of one horizon plus two seasons.
    expect(panelPlan(request, series(3, 20))).toBeNull();
    const local = { ...request, models: ['snaive', 'theta', 'naive'], modelsGiven: true };
    expect(panelPlan(local, series(3, 120))).toBeNull();
    expect(panelPlan({ ...local, models: ['naive', 'gbdt', 'theta', 'snaive'] }, series(3, 120))).toEqual({
      model: 'auto',
      candidates: ['GlobalGbdt', 'SeasonalNaive', 'Theta'],
    });
    expect(panelPlan({ ...request, select: 'gbdt' }, series(2, 120))).toEqual({
      model: 'gbdt',
      candidates: [],
    });
    expect(panelPlan({ ...request, select: 'ets' }, series(2, 120))).toBeNull();
    expect(panelPlan({ ...request, select: 'transformer' }, series(2, 120))).toEqual({
      model: 'transformer',
      candidates: [],
    });
  });

  it('auto with no models named: AutoPanelForecaster on all series, conformal intervals, same seed same run', async () => {
    const upload = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart('stores.csv', syntheticLongCsv({ series: 4, days: 120 })),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const datasetId = upload.json().id;
    const run = await runForecast({ datasetId, horizon: 14 });
    expect(run.series).toHaveLength(4);
    const names = ['GlobalGbdt', 'SeasonalNaive', 'MSTL-ETS', 'Theta'];
    for (const s of run.series) {
      expect(s.error).toBeNull();
      expect(s.forecast.mean).toHaveLength(14);
      expect(s.result.intervals).toBe('conformal');
      // One validation window: the last horizon of the history.
      expect(s.result.folds).toEqual([{ trainEnd: 120 - 14, horizon: 14 }]);
      expect(s.result.members.every((m: string) => names.includes(m))).toBe(true);
      expect(s.result.scores.map((m: { model: string }) => m.model).sort()).toEqual([...names].sort());
      for (let k = 0; k < 14; k++) {
        const { mean, lower, upper } = s.forecast;
        expect(lower[95][k]).toBeLessThanOrEqual(lower[80][k]);
        expect(lower[80][k]).toBeLessThanOrEqual(mean[k]);
        expect(upper[95][k]).toBeGreaterThanOrEqual(upper[80][k]);
        expect(upper[95][k]).toBeGreaterThan(lower[95][k]);
      }
    }
    // Panel selection: one choice for all series.
    expect(new Set(run.series.map((s: { result: { chosen: string } }) => s.result.chosen)).size).toBe(1);

    const again = await runForecast({ datasetId, horizon: 14 });
    expect(again.series.map((s: { forecast: unknown }) => s.forecast)).toEqual(
      run.series.map((s: { forecast: unknown }) => s.forecast),
    );

    const gbdt = await runForecast({ datasetId, horizon: 14, select: 'gbdt' });
    for (const s of gbdt.series) {
      expect(s.result.chosen).toBe('gbdt');
      expect(s.forecast.mean.every(Number.isFinite)).toBe(true);
    }
  });

  it('trains the Transformer on all series in a pool worker (TensorFlow.js wasm), the same twice', async () => {
    const upload = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart('three.csv', syntheticLongCsv({ series: 3, days: 90 })),
    });
    const datasetId = upload.json().id;
    const body = { datasetId, horizon: 7, select: 'transformer', seed: 3 };
    const run = await runForecast(body);
    for (const s of run.series) {
      expect(s.result.chosen).toBe('transformer');
      expect(s.result.intervals).toBe('model');
      expect(s.forecast.mean).toHaveLength(7);
      expect(s.forecast.mean.every(Number.isFinite)).toBe(true);
      for (let k = 0; k < 7; k++)
        expect(s.forecast.upper[95][k]).toBeGreaterThanOrEqual(s.forecast.lower[95][k]);
    }
    const again = await runForecast(body);
    expect(again.series.map((s: { forecast: unknown }) => s.forecast)).toEqual(
      run.series.map((s: { forecast: unknown }) => s.forecast),
    );
  });
});
