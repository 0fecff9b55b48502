import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, TABULAR, testApp, upload, waitForJob } from '../../test/helpers';

let app: FastifyInstance;
let attrition: { id: string };
beforeAll(async () => {
  app = await testApp();
  attrition = (await upload(app, join(TABULAR, 'attrition.csv'))).json();
});
afterAll(async () => {
  await app.close();
});

const train = (body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: '/api/jobs/train', payload: body });

describe('training through the API', () => {
  let modelId: string;

  it('trains a classifier in the worker pool and saves it with its schema and metrics', async () => {
    const res = await train({ datasetId: attrition.id, target: 'Attrition', model: 'linear', seed: 7 });
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(app, res.json().id);
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    modelId = job.result.modelId;
    const model = (await app.inject({ url: `/api/models/${modelId}` })).json();
    expect(model.task).toBe('classification');
    expect(model.family).toBe('linear');
    expect(model.version).toBe(1);
    expect(model.classes).toEqual(['No', 'Yes']);
    expect(model.split).toMatchObject({ strategy: 'stratified', nTrain: 1102, nTest: 368 });
    expect(model.metrics.accuracy).toBeGreaterThan(0.8);
    expect(model.metrics.roc_auc).toBeGreaterThan(0.75);
    expect(model.metrics.log_loss).toBeLessThan(0.5);
    const cm = model.confusionMatrix.matrix as number[][];
    expect(cm.flat().reduce((a, b) => a + b, 0)).toBe(368);
    expect(
      model.schema.columns.find((c: { name: string }) => c.name === 'BusinessTravel').categories,
    ).toContain('Travel_Rarely');
    expect(model.schema.columns.some((c: { name: string }) => c.name === 'Attrition')).toBe(false);
  });

  it('gives the same metrics for the same seed, and numbers versions under one name', async () => {
    const res = await train({ datasetId: attrition.id, target: 'Attrition', model: 'linear', seed: 7 });
    const job = await waitForJob(app, res.json().id);
    const again = (await app.inject({ url: `/api/models/${job.result.modelId}` })).json();
    const first = (await app.inject({ url: `/api/models/${modelId}` })).json();
    expect(again.metrics).toEqual(first.metrics);
    expect(again.version).toBe(2);
    expect(again.name).toBe(first.name);
  });

  it('streams job events until the final status', async () => {
    const res = await train({ datasetId: attrition.id, target: 'Attrition', model: 'tree' });
    const events = await app.inject({ url: `/api/jobs/${res.json().id}/events` });
    expect(events.headers['content-type']).toMatch(/text\/event-stream/);
    const jobs = events.body
      .split('\n\n')
      .filter((f) => f.startsWith('event: job'))
      .map((f) => JSON.parse(f.split('\ndata: ')[1]));
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.at(-1).status).toBe('succeeded');
  });

  it('predicts on a file, checks its schema and downloads safe CSV', async () => {
    const csv = await readFile(join(TABULAR, 'attrition.csv'));
    const res = await app.inject({
      method: 'POST',
      url: `/api/models/${modelId}/predict`,
      ...multipart('attrition.csv', csv),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.nRows).toBe(1470);
    expect(body.rows).toHaveLength(100);
    expect(body.columns).toEqual(expect.arrayContaining(['predicted_Attrition', 'proba_No', 'proba_Yes']));
    expect(body.issues.find((i: { code: string }) => i.code === 'TARGET_PRESENT')).toBeDefined();
    // Conformal prediction sets at 90% by default: never empty, made of the model's classes.
    expect(body.uncertainty).toMatchObject({ level: 0.9, columns: ['set_Attrition_90'] });
    expect(body.uncertainty.holdoutCoverage).toBeGreaterThan(0.85);
    const sets = body.rows.map((r: unknown[]) => String(r[body.columns.indexOf('set_Attrition_90')]));
    expect(sets.every((s: string) => ['No', 'Yes', 'No | Yes'].includes(s))).toBe(true);
    const download = await app.inject({ url: `/api/predictions/${body.predictionId}/download` });
    expect(download.headers['content-disposition']).toMatch(/attachment/);
    const lines = download.body.trim().split('\r\n');
    expect(lines).toHaveLength(1471);
    // Studio scoring is logged for monitoring, like API traffic: every row under this version.
    const monitored = (await app.inject({ url: '/api/monitoring' })).json().models;
    const model = (await app.inject({ url: `/api/models/${modelId}` })).json();
    expect(monitored).toContainEqual(
      expect.objectContaining({ name: model.name, version: model.version, nLogged: 1470 }),
    );
  });

  it('reports a prediction file missing a column, per column', async () => {
    const text = (await readFile(join(TABULAR, 'attrition.csv'), 'utf8')).split('\n');
    // Drop the first column (Age) from every line.
    const without = text.map((l) => l.split(',').slice(1).join(',')).join('\n');
    const res = await app.inject({
      method: 'POST',
      url: `/api/models/${modelId}/predict`,
      ...multipart('no-age.csv', without),
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('SCHEMA_MISMATCH');
    expect(body.details.issues).toContainEqual(
      expect.objectContaining({ column: 'Age', code: 'MISSING_COLUMN', severity: 'error' }),
    );
  });

  it('reports type mismatches and unseen categories', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/models/${modelId}/predict`,
      ...multipart(
        'x.csv',
        (await readFile(join(TABULAR, 'attrition.csv'), 'utf8')).replace(
          /\n41,"Yes","Travel_Rarely"/,
          '\n41,"Yes","Teleport"',
        ),
      ),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().issues).toContainEqual(
      expect.objectContaining({ column: 'BusinessTravel', code: 'UNSEEN_CATEGORY' }),
    );
    const bad = await app.inject({
      method: 'POST',
      url: `/api/models/${modelId}/predict`,
      ...multipart(
        'y.csv',
        (await readFile(join(TABULAR, 'attrition.csv'), 'utf8')).replace(/\n41,/, '\nforty-one,'),
      ),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details.issues).toContainEqual(
      expect.objectContaining({ column: 'Age', code: 'TYPE_MISMATCH' }),
    );
  });

  it('refuses a target column that does not exist', async () => {
    const res = await train({ datasetId: attrition.id, target: 'NoSuchColumn' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('TARGET_NOT_FOUND');
    expect(res.json().message).toMatch(/Pick one of its columns/);
  });

  it('refuses regression on a text target and unknown data sets', async () => {
    const reg = await train({ datasetId: attrition.id, target: 'BusinessTravel', task: 'regression' });
    expect(reg.statusCode).toBe(422);
    expect(reg.json().code).toBe('BAD_TARGET');
    const missing = await train({ datasetId: 'nope', target: 'x' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('DATASET_NOT_FOUND');
  });

  it('refuses bad parameters with a clear validation error', async () => {
    const res = await train({ datasetId: attrition.id, target: 'Attrition', testSize: 2 });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().message).toMatch(/testSize/);
  });

  it('trains a regression model', async () => {
    const boston = (await upload(app, join(TABULAR, 'boston.csv'))).json();
    const job = await waitForJob(app, (await train({ datasetId: boston.id, target: 'cmedv' })).json().id);
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    const model = (await app.inject({ url: `/api/models/${job.result.modelId}` })).json();
    expect(model.task).toBe('regression');
    expect(model.metrics.r2).toBeGreaterThan(0.6);
    expect(model.confusionMatrix).toBeNull();
  });

  it('cancels a running job and says so', async () => {
    const lines = ['a,b,c,d,y'];
    for (let i = 0; i < 150_000; i++) {
      const a = (i * 7919) % 1000;
      const b = (i * 104729) % 997;
      lines.push(`${a},${b},${(a * b) % 101},${i % 13},${(a + 2 * b + (i % 17)) % 1000}`);
    }
    const big = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart('big.csv', lines.join('\n')),
    });
    expect(big.statusCode, big.body).toBe(201);
    const job = (await train({ datasetId: big.json().id, target: 'y', model: 'auto' })).json();
    for (let i = 0; i < 600; i++) {
      if ((await app.inject({ url: `/api/jobs/${job.id}` })).json().status === 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const cancel = await app.inject({ method: 'POST', url: `/api/jobs/${job.id}/cancel`, payload: {} });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const final = await waitForJob(app, job.id);
    expect(final.status).toBe('cancelled');
    expect(final.result).toBeNull();
    const again = await app.inject({ method: 'POST', url: `/api/jobs/${job.id}/cancel`, payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('JOB_FINISHED');
  });

  it('downloads the model as versioned JSON', async () => {
    const res = await app.inject({ url: `/api/models/${modelId}/download` });
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*\.quarry\.json"/);
    const file = res.json();
    expect(file.format).toBe('quarry-model-file');
    expect(file.version).toBe(1);
    expect(file.pipeline.format).toBe('quarry-model');
  });
});

describe('documented handling of awkward data', () => {
  const uploadText = async (name: string, text: string) =>
    (await app.inject({ method: 'POST', url: '/api/datasets', ...multipart(name, text) })).json();

  it('refuses an infinite regression target, too few rows and a single-row class', async () => {
    const rows = (f: (i: number) => string) =>
      ['x,y', ...Array.from({ length: 30 }, (_, i) => f(i))].join('\n');
    const inf = await uploadText(
      'inf.csv',
      rows((i) => `${i * 1.5},${i === 3 ? 'inf' : i * 2.5}`),
    );
    const r1 = await train({ datasetId: inf.id, target: 'y', task: 'regression' });
    expect(r1.statusCode, r1.body).toBe(422);
    expect(r1.json()).toMatchObject({ code: 'BAD_TARGET' });
    expect(r1.json().message).toMatch(/1 values of target 'y' are infinite/);

    const one = await uploadText('one.csv', 'x,y\n1.5,2.5\n');
    const r2 = await train({ datasetId: one.id, target: 'y' });
    expect(r2.statusCode).toBe(422);
    expect(r2.json().code).toBe('TOO_FEW_ROWS');

    const rare = await uploadText(
      'rare.csv',
      rows((i) => `${i * 1.5},${i === 0 ? 'unicorn' : i % 2 ? 'a' : 'b'}`),
    );
    const r3 = await train({ datasetId: rare.id, target: 'y' });
    expect(r3.statusCode).toBe(422);
    expect(r3.json().message).toMatch(/'unicorn'.*single row/);
  });

  it('leaves constant and all-missing columns out, and says why', async () => {
    const lines = ['x,constant,empty,y'];
    for (let i = 0; i < 40; i++) lines.push(`${(i * 1.7).toFixed(1)},7,,${i % 3 === 0 ? 'a' : 'b'}`);
    const ds = await uploadText('const.csv', lines.join('\n'));
    const job = await waitForJob(
      app,
      (await train({ datasetId: ds.id, target: 'y', model: 'linear' })).json().id,
    );
    expect(job.status, JSON.stringify(job)).toBe('succeeded');
    const model = (await app.inject({ url: `/api/models/${job.result.modelId}` })).json();
    expect(model.schema.columns.map((c: { name: string }) => c.name)).toEqual(['x']);
    expect(model.excluded).toEqual(
      expect.arrayContaining([
        { name: 'constant', reason: 'it has a single value (constant)' },
        { name: 'empty', reason: 'every value is missing' },
      ]),
    );
  });
});

describe('train parameters are bounded (SECURITY-TESTS row O)', () => {
  it('refuses nEstimators: 1e9, unknown parameters, and parameters with model auto', async () => {
    const code = async (body: object) =>
      (await train({ datasetId: attrition.id, target: 'Attrition', ...body })).json().code;
    expect(await code({ model: 'forest', params: { nEstimators: 1e9 } })).toBe('BAD_PARAMETER');
    expect(await code({ model: 'knn', params: { nNeighbors: 1e9 } })).toBe('BAD_PARAMETER');
    expect(await code({ model: 'tree', params: { maxDepth: 1e6 } })).toBe('BAD_PARAMETER');
    expect(await code({ model: 'linear', params: { evil: 1 } })).toBe('BAD_PARAMETER');
    expect(await code({ model: 'auto', params: { C: 1 } })).toBe('BAD_PARAMETER');
    const ok = await train({
      datasetId: attrition.id,
      target: 'Attrition',
      model: 'tree',
      params: { maxDepth: 3 },
    });
    expect(ok.statusCode, ok.body).toBe(202);
    expect((await waitForJob(app, ok.json().id)).status).toBe('succeeded');
  });
});
