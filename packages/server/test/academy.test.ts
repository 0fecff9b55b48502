import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, waitForJob } from './helpers';

/**
 * The Academy's lab mechanics, whatever a lab checks: starting loads the seeded data as an ordinary data set
 * (idempotent; restart makes a fresh copy), progress is evaluated on the learner's real project (a cleaning step
 * and a trained model show up in the snapshot), answers are saved per lab, bad ids get catalogued errors.
 */
describe('academy labs', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp();
  });
  afterAll(async () => app.close());

  const get = async (url: string) => app.inject({ method: 'GET', url });

  it('lists the four labs in teaching order, none started', async () => {
    const res = await get('/api/academy/labs');
    expect(res.statusCode).toBe(200);
    const labs = res.json().labs as { id: string; started: boolean; total: number }[];
    expect(labs.map((l) => l.id)).toEqual(['churn', 'house-prices', 'retail-demand', 'payment-fraud']);
    expect(labs.every((l) => !l.started && l.total >= 1)).toBe(true);
  });

  it('starts a lab once, resumes on a second start, and restarts with a fresh copy', async () => {
    const first = await app.inject({ method: 'POST', url: '/api/academy/labs/churn/start', payload: {} });
    expect(first.statusCode).toBe(200);
    const progress = first.json();
    expect(progress.started).toBe(true);
    const dataset = (await get(`/api/datasets/${progress.rootDatasetId}`)).json();
    expect(dataset.name).toMatch(/^Lab: /);
    expect(dataset.nRows).toBe(5000);
    const load = progress.steps.find((s: { id: string }) => s.id === 'load');
    expect(load.checkpoints.find((c: { id: string }) => c.id === 'data-loaded').status).toBe('pass');

    const againRes = await app.inject({ method: 'POST', url: '/api/academy/labs/churn/start', payload: {} });
    expect(againRes.json()).toMatchObject({ started: true });
    const again = againRes.json();
    expect(again.rootDatasetId).toBe(progress.rootDatasetId);
    const fresh = (
      await app.inject({ method: 'POST', url: '/api/academy/labs/churn/start', payload: { restart: true } })
    ).json();
    expect(fresh.rootDatasetId).not.toBe(progress.rootDatasetId);
    // the first copy is still there: restarting never deletes the learner's work
    expect((await get(`/api/datasets/${progress.rootDatasetId}`)).statusCode).toBe(200);
  });

  it('reads the learner’s cleaning steps and models into the snapshot', async () => {
    const started = (
      await app.inject({ method: 'POST', url: '/api/academy/labs/churn/start', payload: {} })
    ).json();
    const cleaned = await app.inject({
      method: 'POST',
      url: `/api/datasets/${started.rootDatasetId}/steps`,
      payload: { step: { op: 'drop', columns: ['customer_id'] } },
    });
    expect(cleaned.statusCode).toBeLessThan(300);
    const current = cleaned.json().id as string;
    const job = await app.inject({
      method: 'POST',
      url: '/api/jobs/train',
      payload: { datasetId: current, target: 'churned', model: 'linear' },
    });
    expect((await waitForJob(app, job.json().id)).status).toBe('succeeded');

    const snapshot = (await get('/api/academy/labs/churn/snapshot')).json();
    expect(snapshot.datasets.map((d: { version: number }) => d.version)).toEqual([1, 2]);
    expect(snapshot.datasets[1].steps).toEqual([{ op: 'drop', columns: ['customer_id'] }]);
    expect(snapshot.models).toHaveLength(1);
    const model = snapshot.models[0];
    expect(model.datasetId).toBe(current);
    expect(model.features).not.toContain('customer_id');
    expect(model.features).toContain('tenure_months');
    expect(model.family).toBe('linear');
    expect(model.split.strategy).toBe('stratified');
    expect(model.metrics.roc_auc).toBeGreaterThan(0.5);
    expect(model.recipe).toEqual([{ op: 'drop', columns: ['customer_id'] }]);

    const progress = (await get('/api/academy/labs/churn/progress')).json();
    expect(progress.currentDatasetId).toBe(current);
    expect(progress.latestModelId).toBe(model.id);

    // the code templates are made from the same snapshot: the learner's recipe step and model family
    const templates = await get('/api/academy/labs/churn/templates');
    expect(templates.statusCode).toBe(200);
    const { python, typescript } = templates.json();
    expect(python.steps.map((s: { id: string }) => s.id)).toContain('model');
    expect(python.script).toContain('LogisticRegression');
    expect(python.script).toContain('customer_id');
    expect(typescript.script).toContain('@quarry/ml');
    const data = await get('/api/academy/labs/churn/data.csv');
    expect(data.headers['content-type']).toContain('text/csv');
    expect(data.body.split('\r\n')[0]).toContain('retention_offer_made');
  });

  it('infers the labs’ id columns as identifiers (an exact distinct count beats the estimate)', async () => {
    // 3 000 unique house ids once came out as "2 448 distinct values: a category": HyperLogLog ran 18% low.
    for (const lab of ['house-prices', 'churn']) {
      const started = (
        await app.inject({ method: 'POST', url: `/api/academy/labs/${lab}/start`, payload: {} })
      ).json();
      const dataset = (await get(`/api/datasets/${started.rootDatasetId}`)).json();
      const ids = dataset.columns.filter((c: { name: string }) => /_id$/.test(c.name));
      expect(ids.length).toBeGreaterThan(0);
      for (const c of ids) expect(`${c.name}: ${c.type}`).toBe(`${c.name}: identifier`);
    }
  });

  it('refuses unknown labs and questions with catalogued errors', async () => {
    const lab = await get('/api/academy/labs/nope/progress');
    expect(lab.statusCode).toBe(404);
    expect(lab.json().code).toBe('LAB_NOT_FOUND');
    expect(lab.json().message).toContain('churn');
    const question = await app.inject({
      method: 'PUT',
      url: '/api/academy/labs/churn/answers',
      payload: { questionId: 'no-such-question', answer: '3' },
    });
    expect(question.statusCode).toBe(404);
    expect(question.json().code).toBe('LAB_QUESTION_NOT_FOUND');
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/academy/labs/churn/answers',
      payload: { questionId: 'x', answer: 3 },
    });
    expect(bad.statusCode).toBe(400);
  });
});
