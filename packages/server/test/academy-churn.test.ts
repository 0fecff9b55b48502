import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp } from './helpers';
import { labApi } from './lab-api';

/**
 * The churn lab through the real API, as a learner would do it in the studio: start the lab, answer the
 * questions, drop the leaky column, compare families with stratified folds and balanced class weights, save the
 * best, predict next quarter's customers; every checkpoint passes. Then the classic mistake (a model that keeps
 * `retention_offer_made`) fails the right checkpoint with the hint to drop it.
 */
let app: FastifyInstance;

const { checkpoints, settled, post, job } = labApi(() => app, 'churn');

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

describe('churn lab through the API', () => {
  let rootId: string;

  it('the correct path passes every checkpoint', async () => {
    const started = await post('/api/academy/labs/churn/start', {}, 200);
    rootId = started.rootDatasetId;
    const root = (await app.inject({ url: `/api/datasets/${rootId}` })).json();
    expect(root.columns.find((c: { name: string }) => c.name === 'customer_id').type).toBe('identifier');

    const answers = {
      'churn-share': 'about 12%',
      'leaky-column': 'retention_offer_made',
      'missing-satisfaction': 'more often than those who answered',
    };
    for (const [questionId, answer] of Object.entries(answers)) {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/academy/labs/churn/answers',
        payload: { questionId, answer },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const v2 = await post(
      `/api/datasets/${rootId}/steps`,
      { step: { op: 'drop', columns: ['retention_offer_made'] } },
      201,
    );

    const board = await job('/api/jobs/leaderboard', {
      datasetId: v2.id,
      target: 'churned',
      families: ['linear', 'gbdt'],
      metric: 'roc_auc',
      cv: { strategy: 'stratified', k: 5 },
      imbalance: { classWeight: 'balanced' },
    });
    const saved = await job(`/api/leaderboards/${board.result.leaderboardId}/save`, { family: 'linear' });
    const modelId = saved.result.modelId;

    const csv = (await app.inject({ url: '/api/academy/labs/churn/new-data.csv' })).body;
    const predict = await app.inject({
      method: 'POST',
      url: `/api/models/${modelId}/predict`,
      ...multipart('churn-new.csv', csv),
    });
    expect(predict.statusCode, predict.body).toBe(200);
    expect(predict.json().nRows).toBe(500);

    // The prediction log is written in batches (a fraction of a second later): wait for it like the panel would.
    const outcomes = await settled('predictions-made');
    const notPassed = outcomes.filter((o) => o.status !== 'pass').map((o) => `${o.id}: ${o.detail}`);
    expect(notPassed).toEqual([]);
    // What an honest model reaches here (recorded for the lab's bands; the details carry the numbers).
    console.info(
      outcomes.filter((o) => ['honest-auc', 'balanced-accuracy'].includes(o.id)).map((o) => o.detail),
    );
  });

  it('the classic mistake: a model that keeps the leaky column fails “not a feature” with the hint to drop it', async () => {
    // Trained on version 1, where retention_offer_made is still a column (the Train page's default path).
    await job('/api/jobs/train', { datasetId: rootId, target: 'churned', model: 'linear' });
    const outcomes = await checkpoints();
    const leak = outcomes.find((o) => o.id === 'leak-dropped');
    expect(leak?.status).toBe('fail');
    expect(leak?.detail).toMatch(/uses retention_offer_made/);
    expect(leak?.hint?.text).toMatch(/Drop `retention_offer_made` on the Clean tab/);
    expect(leak?.hint?.link).toMatch(/^#\/data\/.+\?tab=clean$/);
    const auc = outcomes.find((o) => o.id === 'honest-auc');
    expect(auc?.status).toBe('fail');
    expect(auc?.detail).toMatch(/too good/);
    console.info(auc?.detail);
  });
});
