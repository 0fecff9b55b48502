import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp } from './helpers';
import { labApi } from './lab-api';

/**
 * The house-prices lab through the real API, as a learner would do it in the studio: start the lab, answer the
 * questions, filter the planted outliers, train a linear model, price the new listings; every checkpoint passes.
 * Then the classic mistake (a standardize step, fitted on the full data, in the model's recipe) fails
 * "Scaling fitted on the full data" with the hint to remove it.
 */
let app: FastifyInstance;

const { checkpoints, settled, post, job } = labApi(() => app, 'house-prices');

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

describe('house-prices lab through the API', () => {
  let cleanId: string;

  it('the correct path passes every checkpoint', async () => {
    const started = await post('/api/academy/labs/house-prices/start', {}, 200);
    const rootId = started.rootDatasetId;
    const root = (await app.inject({ url: `/api/datasets/${rootId}` })).json();
    const hoods = root.columns.find((c: { name: string }) => c.name === 'neighbourhood');
    // The lab's first step: house_id must be an identifier (the type inference may call it categorical).
    const typed = await app.inject({
      method: 'PUT',
      url: `/api/datasets/${rootId}/types`,
      payload: { types: { house_id: 'identifier' } },
    });
    expect(typed.statusCode, typed.body).toBe(200);
    const profile = (await app.inject({ url: `/api/datasets/${rootId}/profile` })).json();
    const distinct = profile.columns?.find((c: { name: string }) => c.name === 'neighbourhood')?.distinct;
    console.info('neighbourhood', hoods?.type, 'distinct on the profile:', distinct);
    const answers = {
      neighbourhoods: String(distinct),
      'price-skew': 'well above the median: a long tail of expensive houses',
    };
    for (const [questionId, answer] of Object.entries(answers)) {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/academy/labs/house-prices/answers',
        payload: { questionId, answer },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    // Before cleaning, for the record: the error a model reaches with the outliers in.
    const raw = await job('/api/jobs/train', {
      datasetId: rootId,
      target: 'sale_price_usd',
      model: 'linear',
    });
    const rawModel = (await app.inject({ url: `/api/models/${raw.result.modelId}` })).json();
    console.info('with outliers, linear:', rawModel.metrics);
    const before = await checkpoints();
    expect(before.find((o) => o.id === 'honest-error')?.status).toBe('fail'); // MAE ≈ $91k with the outliers in
    expect(before.find((o) => o.id === 'outliers-handled')?.status).toBe('pending');

    const v2 = await post(
      `/api/datasets/${rootId}/steps`,
      { step: { op: 'filter', column: 'living_area_m2', operator: '<=', value: 600 } },
      201,
    );
    expect(v2.nRows).toBe(2984);
    cleanId = v2.id;
    const trained = await job('/api/jobs/train', {
      datasetId: v2.id,
      target: 'sale_price_usd',
      model: 'linear',
    });
    const modelId = trained.result.modelId;
    const csv = (await app.inject({ url: '/api/academy/labs/house-prices/new-data.csv' })).body;
    const predict = await app.inject({
      method: 'POST',
      url: `/api/models/${modelId}/predict`,
      ...multipart('house-prices-new.csv', csv),
    });
    expect(predict.statusCode, predict.body).toBe(200);
    expect(predict.json().nRows).toBe(300);

    const outcomes = await settled('predictions-made');
    const notPassed = outcomes.filter((o) => o.status !== 'pass').map((o) => `${o.id}: ${o.detail}`);
    expect(notPassed).toEqual([]);
    console.info(outcomes.filter((o) => o.id === 'honest-error').map((o) => o.detail));
  });

  it('the classic mistake: standardizing on the full data fails “Scaling fitted on the full data”', async () => {
    const v3 = await post(
      `/api/datasets/${cleanId}/steps`,
      { step: { op: 'standardize', column: 'living_area_m2' } },
      201,
    );
    await job('/api/jobs/train', { datasetId: v3.id, target: 'sale_price_usd', model: 'linear' });
    const outcomes = await checkpoints();
    const scaling = outcomes.find((o) => o.id === 'no-full-data-scaling');
    expect(scaling?.status).toBe('fail');
    expect(scaling?.detail).toMatch(/Scaling fitted on the full data.*living_area_m2/);
    expect(scaling?.hint?.text).toMatch(/pipeline scales inside each fold/);
    expect(scaling?.hint?.link).toMatch(/^#\/data\/.+\?tab=clean$/);
    // Undo and train again: the newest model is judged, and it passes.
    const undo = await app.inject({ method: 'POST', url: `/api/datasets/${v3.id}/undo`, payload: {} });
    expect(undo.statusCode, undo.body).toBe(200);
    await job('/api/jobs/train', { datasetId: cleanId, target: 'sale_price_usd', model: 'linear' });
    const after = (await checkpoints()).find((o) => o.id === 'no-full-data-scaling');
    expect(after?.status).toBe('pass');
  });
});
