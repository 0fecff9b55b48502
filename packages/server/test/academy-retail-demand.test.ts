import type { LabProgress } from '@quarry/academy';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, waitForJob } from './helpers';

/**
 * The retail-demand lab through the real API: start it, clean the data with recipe steps, answer the questions,
 * run the Forecast page's request (the default models, horizon 28) and see every checkpoint pass; then make the
 * classic mistake — a Train-page regression on units_sold with a random split — and see "Evaluated with the
 * future hidden" fail with its hint.
 */
let app: FastifyInstance;
const LAB = '/api/academy/labs/retail-demand';

const checkpoints = (p: LabProgress) => p.steps.flatMap((s) => s.checkpoints);
const statusOf = (p: LabProgress) => Object.fromEntries(checkpoints(p).map((c) => [c.id, c.status]));

async function step(datasetId: string, step: Record<string, unknown>): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: `/api/datasets/${datasetId}/steps`,
    payload: { step },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function answer(questionId: string, value: string): Promise<LabProgress> {
  const res = await app.inject({
    method: 'PUT',
    url: `${LAB}/answers`,
    payload: { questionId, answer: value },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app?.close();
});

describe('retail-demand lab through the API', () => {
  let current = '';

  it('starts: the data is loaded, the first step is current and the rest is to do', async () => {
    const res = await app.inject({ method: 'POST', url: `${LAB}/start`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    const progress: LabProgress = res.json();
    expect(progress.started).toBe(true);
    expect(progress.rootDatasetId).not.toBeNull();
    current = progress.currentDatasetId as string;
    const status = statusOf(progress);
    expect(status['data-loaded']).toBe('pass');
    expect(status['holiday-blanks']).toBe('fail');
    expect(status['forecast-columns']).toBe('pending');
    expect(progress.total).toBe(13);
  });

  it('cleans and explores: holiday filled, one product kept, weekday as a category', async () => {
    current = await step(current, { op: 'fillMissing', column: 'holiday', value: 'none' });
    current = await step(current, { op: 'filter', column: 'product_id', operator: '=', value: 'P03' });
    current = await step(current, { op: 'dateParts', column: 'date', parts: ['weekday'] });
    current = await step(current, { op: 'cast', column: 'date_weekday', to: 'categorical' });
    const snapshot = (await app.inject({ method: 'GET', url: `${LAB}/snapshot` })).json();
    const latest = snapshot.datasets.at(-1);
    expect(latest.id).toBe(current);
    expect(latest.nRows).toBe(4 * 731 - 53); // four stores' days, less the days each was closed
    const progress = await answer('busiest-weekday', 'Saturday');
    const status = statusOf(progress);
    expect(status['holiday-blanks']).toBe('pass');
    expect(status['one-product']).toBe('pass');
    expect(status['peaks-kept']).toBe('pass');
    expect(status['busiest-weekday']).toBe('pass');
  });

  it('forecasts as the Forecast page does and passes every checkpoint', async () => {
    const columns = (await app.inject({ method: 'GET', url: `/api/forecasts/columns/${current}` })).json();
    // What the page pre-fills: the detection must already pick the lab's columns once date_weekday is a category.
    expect(columns.detected).toEqual({ time: 'date', value: 'units_sold', id: 'store_id' });
    const models = columns.models
      .filter((m: { default: boolean }) => m.default)
      .map((m: { key: string }) => m.key);
    expect(models).toContain('snaive');
    const res = await app.inject({
      method: 'POST',
      url: '/api/forecasts',
      payload: {
        datasetId: current,
        idColumn: 'store_id',
        timeColumn: 'date',
        valueColumn: 'units_sold',
        horizon: 28,
        models,
        select: 'auto',
        sort: false,
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(app, res.json().id, 300_000);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const run = (await app.inject({ method: 'GET', url: `/api/forecasts/${job.result.forecastId}` })).json();
    const s02 = run.series.find((s: { id: string }) => s.id === 'S02');
    await answer('series-count', '20');
    await answer('filled-days', String(s02.filled));
    const progress = await answer('weekly-cycle', String(run.frequency.season));
    const failing = checkpoints(progress).filter((c) => c.status !== 'pass');
    expect(failing).toEqual([]);
    expect(progress.passed).toBe(13);
    const baseline = checkpoints(progress).find((c) => c.id === 'beats-baseline');
    expect(baseline?.detail).toMatch(/^Mean MASE over your series: \w+ [\d.]+ vs seasonal naive [\d.]+/);
  }, 320_000);

  it('the classic mistake: a random split on the time series fails "future hidden" with its hint', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/jobs/train',
      payload: { datasetId: current, target: 'units_sold', model: 'linear', testSize: 0.25 },
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(app, res.json().id, 120_000);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const progress: LabProgress = (await app.inject({ method: 'GET', url: `${LAB}/progress` })).json();
    const hidden = checkpoints(progress).find((c) => c.id === 'future-hidden');
    expect(hidden?.status).toBe('fail');
    expect(hidden?.detail).toBe('Your latest model was tested on a random split.');
    expect(hidden?.hint?.text).toBe(
      'A random split lets the model see days after the ones it predicts: use the Forecast page’s walk-forward backtest (or the leaderboard’s time-ordered CV).',
    );
    expect(hidden?.hint?.link).toBe('#/forecast?dataset={dataset}');
    // The forecast's own checks still pass: only the evaluation that peeked is called out.
    expect(statusOf(progress)['beats-baseline']).toBe('pass');
  }, 150_000);
});
