import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp, waitForJob } from '../../test/helpers';
import { forecastSeries } from './forecast-series';
import { syntheticLongCsv } from './synthetic';

let app: FastifyInstance;

async function uploadCsv(name: string, text: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/datasets', ...multipart(name, text) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function runForecast(body: Record<string, unknown>) {
  const res = await app.inject({ method: 'POST', url: '/api/forecasts', payload: body });
  expect(res.statusCode, res.body).toBe(202);
  const job = await waitForJob(app, res.json().id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  return (await app.inject({ method: 'GET', url: `/api/forecasts/${job.result.forecastId}` })).json();
}

const post = (payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/forecasts', payload });

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

describe('forecast runs', () => {
  const fast = ['snaive', 'naive', 'theta', 'ses', 'ets'];

  it('detects the columns, backtests on the history only, picks by score and forecasts with nested intervals', async () => {
    const datasetId = await uploadCsv('stores.csv', syntheticLongCsv());
    const columns = (await app.inject({ method: 'GET', url: `/api/forecasts/columns/${datasetId}` })).json();
    expect(columns.detected).toEqual({ id: 'store', time: 'date', value: 'sales' });

    const run = await runForecast({ datasetId, horizon: 14, models: fast });
    expect(run).toMatchObject({
      format: 'quarry-forecast',
      version: 1,
      columns: { id: 'store', time: 'date' },
    });
    expect(run.frequency).toMatchObject({ unit: 'day', step: 1, season: 7 });
    expect(run.series.map((s: { id: string }) => s.id)).toEqual(['S1', 'S2', 'S3']);
    for (const s of run.series) {
      expect(s.error).toBeNull();
      expect(s.n).toBe(120);
      expect(s.forecast.mean).toHaveLength(14);
      expect(s.forecast.times[0]).toBe('2024-04-30T00:00:00.000Z'); // the day after the last one
      // Every backtest fold trains and tests inside the history: nothing after the last observation.
      for (const fold of s.result.folds) expect(fold.trainEnd + fold.horizon).toBeLessThanOrEqual(s.n);
      expect(s.result.folds).toHaveLength(3);
      const ok = s.result.scores.filter((m: { status: string }) => m.status === 'ok');
      const best = ok.find((m: { rank: number }) => m.rank === 1);
      const comb = s.result.combination;
      expect(s.result.chosen).toBe(comb !== null && comb.mase < best.mase ? comb.model : best.model);
      // A weekly cycle: the chosen model beats the non-seasonal naive forecast in the backtest.
      const naive = ok.find((m: { model: string }) => m.model === 'naive');
      expect(best.mase).toBeLessThan(naive.mase);
      for (let k = 0; k < 14; k++) {
        const { mean, lower, upper } = s.forecast;
        expect(lower[95][k]).toBeLessThanOrEqual(lower[80][k]);
        expect(lower[80][k]).toBeLessThan(mean[k]);
        expect(upper[80][k]).toBeGreaterThan(mean[k]);
        expect(upper[95][k]).toBeGreaterThanOrEqual(upper[80][k]);
      }
    }
    expect(run.models.map((m: { model: string }) => m.model).sort()).toEqual([...fast].sort());

    const again = await runForecast({ datasetId, horizon: 14, models: fast });
    expect(again.id).not.toBe(run.id);
    expect(again.series.map((s: { forecast: unknown }) => s.forecast)).toEqual(
      run.series.map((s: { forecast: unknown }) => s.forecast),
    );

    const csv = await app.inject({ method: 'GET', url: `/api/forecasts/${run.id}/csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,time,step,model,forecast,lo_80,hi_80,lo_95,hi_95');
    expect(lines).toHaveLength(1 + 3 * 14);
    expect(lines[1]).toMatch(/^"S1","2024-04-30T00:00:00.000Z",1,"[^"]+",[-\d.]+/);

    const list = (await app.inject({ method: 'GET', url: '/api/forecasts' })).json();
    expect(list.forecasts.map((f: { id: string }) => f.id)).toContain(run.id);
  });

  it('uses the named model for every series when select is not auto', async () => {
    const datasetId = await uploadCsv('one.csv', syntheticLongCsv({ series: 1, days: 60 }));
    const run = await runForecast({ datasetId, horizon: 7, models: ['naive'], select: 'snaive' });
    expect(run.series[0].result.chosen).toBe('snaive');
    expect(run.series[0].result.intervals).toBe('model');
    expect(run.series[0].result.scores.map((m: { model: string }) => m.model)).toEqual(['naive', 'snaive']);
  });

  it('refuses bad input with stable codes before a job exists', async () => {
    const good = syntheticLongCsv({ series: 2, days: 40 }).trim().split('\n');
    const [header, ...rows] = good;
    const csv = (lines: string[]) => `${[header, ...lines].join('\n')}\n`;
    const cases: [string, string, Record<string, unknown>, number, string][] = [
      ['dup', csv([...rows, rows[5]]), {}, 422, 'DUPLICATE_TIMESTAMPS'],
      ['unsorted', csv([rows[1], rows[0], ...rows.slice(2)]), {}, 422, 'TIMESTAMPS_UNSORTED'],
      [
        'irregular',
        csv([...rows.slice(0, 40), 'S2,2024-01-01,1', 'S2,2024-01-01 05:00:00,2', ...rows.slice(42)]),
        {},
        422,
        'IRREGULAR_FREQUENCY',
      ],
      ['short', csv([...rows, 'S3,2024-01-01,1', 'S3,2024-01-02,2']), {}, 422, 'SERIES_TOO_SHORT'],
      [
        'text',
        csv([...rows.slice(0, 3), 'S1,2024-01-04,lots', ...rows.slice(4)]),
        { valueColumn: 'sales' },
        422,
        'NON_NUMERIC_VALUES',
      ],
      ['zero', csv(rows), { horizon: 0 }, 422, 'HORIZON_OUT_OF_RANGE'],
      ['long', csv(rows), { horizon: 21 }, 422, 'HORIZON_OUT_OF_RANGE'],
      ['model', csv(rows), { models: ['prophet'] }, 400, 'VALIDATION_FAILED'],
      ['column', csv(rows), { valueColumn: 'nope' }, 422, 'COLUMN_NOT_FOUND'],
    ];
    for (const [name, text, extra, status, code] of cases) {
      const datasetId = await uploadCsv(`${name}.csv`, text);
      const res = await post({ datasetId, horizon: 7, ...extra });
      expect({ name, status: res.statusCode, code: res.json().code }).toEqual({ name, status, code });
      expect(res.json().message.length).toBeGreaterThan(20);
    }
    const unsorted = await uploadCsv('unsorted2.csv', csv([rows[1], rows[0], ...rows.slice(2)]));
    expect((await post({ datasetId: unsorted, horizon: 7, sort: true, models: ['naive'] })).statusCode).toBe(
      202,
    );
    expect((await app.inject({ method: 'GET', url: '/api/forecasts/nope' })).json().code).toBe(
      'FORECAST_NOT_FOUND',
    );
  });

  it('detects a numeric series id named like a key, and a period index as the time', async () => {
    const rows = ['period,store,units'];
    for (let s = 1; s <= 2; s++)
      for (let t = 1; t <= 30; t++) rows.push(`${t},${s},${(s * 10 + (t % 4)).toFixed(1)}`);
    const datasetId = await uploadCsv('periods.csv', `${rows.join('\n')}\n`);
    const columns = (await app.inject({ method: 'GET', url: `/api/forecasts/columns/${datasetId}` })).json();
    expect(columns.detected).toEqual({ id: 'store', time: 'period', value: 'units' });
    const run = await runForecast({ datasetId, horizon: 4, models: ['naive'], season: 4 });
    expect(run.frequency).toMatchObject({ unit: 'index', step: 1, season: 4 });
    expect(run.series.map((s: { id: string }) => s.id)).toEqual(['1', '2']);
    expect(run.series[0].forecast.times).toEqual([31, 32, 33, 34]);
  });

  it('fills a missing day by interpolation and reports it', async () => {
    const lines = syntheticLongCsv({ series: 1, days: 40 }).trim().split('\n');
    lines.splice(11, 1); // drop day 10
    const datasetId = await uploadCsv('gap.csv', `${lines.join('\n')}\n`);
    const run = await runForecast({ datasetId, horizon: 7, models: ['snaive'] });
    expect(run.series[0]).toMatchObject({ n: 40, filled: 1 });
  });
});

describe('forecastSeries', () => {
  it('gives conformal intervals to a median combination and measures their coverage out of fold', () => {
    const y = Float64Array.from(
      { length: 200 },
      (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7919) % 13) - 6,
    );
    const out = forecastSeries({
      kind: 'forecast',
      values: y,
      season: 12,
      horizon: 12,
      levels: [80, 95],
      models: ['snaive', 'theta', 'ses', 'naive'],
      select: 'auto',
      folds: 5,
    });
    expect(out.folds).toHaveLength(5);
    expect(out.combination?.model).toMatch(/^median\(/);
    if (out.members.length === 3) expect(out.intervals).toBe('conformal');
    for (const level of ['80', '95']) {
      const c = out.coverage[level];
      expect(c).not.toBeNull();
      expect(c as number).toBeGreaterThan(0);
      expect(c as number).toBeLessThanOrEqual(1);
    }
  });
});
