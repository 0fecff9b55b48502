import { Rng } from '@quarry/ml';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp, waitForJob } from '../../test/helpers';

/**
 * Cleaning steps and data-set versions through the API: each step makes a new version (the original is never
 * changed), undo and redo move the current version, a recipe replays on other data and travels with a model
 * trained on a version, to be replayed at prediction.
 */
let app: FastifyInstance;
let original: { id: string };
let csv: string;

function customers(seed: number, n: number, withTarget = true): string {
  const rng = new Rng(seed);
  const lines = [`age,plan,joined,spend${withTarget ? ',churned' : ''}`];
  for (let i = 0; i < n; i++) {
    const age = i % 9 === 0 ? '' : String(20 + rng.nextInt(50));
    const plan = ['basic', 'pro', 'team'][rng.nextInt(3)];
    const joined = `20${10 + rng.nextInt(12)}-0${1 + rng.nextInt(9)}-1${rng.nextInt(9)} 0${rng.nextInt(10)}:30:00`;
    const spend = (rng.nextFloat() * 100).toFixed(2);
    const churned = rng.nextFloat() < (plan === 'basic' ? 0.6 : 0.2) ? 'yes' : 'no';
    lines.push([age, plan, joined, spend, ...(withTarget ? [churned] : [])].join(','));
  }
  return `${lines.join('\n')}\n`;
}

const post = (url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as object });
const rowsOf = async (id: string) =>
  (await app.inject({ url: `/api/datasets/${id}/rows?limit=1000` })).json();

beforeAll(async () => {
  app = await testApp();
  csv = customers(3, 300);
  original = (
    await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('customers.csv', csv) })
  ).json();
});
afterAll(async () => {
  await app.close();
});

describe('steps and versions', () => {
  let v2: { id: string };
  let v3: { id: string };
  let v4: { id: string; columns: { name: string; type: string }[]; nRows: number; steps: unknown[] };

  it('makes a new version per step and never changes the original', async () => {
    const before = await rowsOf(original.id);
    const fill = await post(`/api/datasets/${original.id}/steps`, {
      step: { op: 'fillMissing', column: 'age', value: 40 },
    });
    expect(fill.statusCode, fill.body).toBe(201);
    v2 = fill.json();
    expect(fill.json()).toMatchObject({
      version: 2,
      parentId: original.id,
      rootId: original.id,
      isCurrent: true,
    });
    expect(fill.json().columns.find((c: { name: string }) => c.name === 'age').missing).toBe(0);
    v3 = (
      await post(`/api/datasets/${v2.id}/steps`, {
        step: { op: 'filter', column: 'plan', operator: '!=', value: 'team' },
      })
    ).json();
    const parts = await post(`/api/datasets/${v3.id}/steps`, {
      step: { op: 'dateParts', column: 'joined', parts: ['year', 'month'] },
    });
    expect(parts.statusCode, parts.body).toBe(201);
    v4 = parts.json();
    expect(v4.steps).toHaveLength(3);
    expect(v4.columns.slice(-2)).toMatchObject([
      { name: 'joined_year', type: 'numeric' },
      { name: 'joined_month', type: 'numeric' },
    ]);
    const rows = await rowsOf(v4.id);
    const expected = before.rows.filter((r: unknown[]) => r[1] !== 'team');
    expect(rows.total).toBe(expected.length);
    expect(rows.rows.map((r: unknown[]) => r[5])).toEqual(
      expected.map((r: unknown[]) => Number(String(r[2]).slice(0, 4))),
    );
    expect(rows.rows.map((r: unknown[]) => r[0])).toEqual(expected.map((r: unknown[]) => r[0] ?? 40));
    expect(await rowsOf(original.id)).toEqual(before);
  });

  it('lists the versions and moves the current one with undo and redo, deleting nothing', async () => {
    const versions = (await app.inject({ url: `/api/datasets/${original.id}/versions` })).json();
    expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4]);
    expect(versions.currentId).toBe(v4.id);
    const undo = await post(`/api/datasets/${v4.id}/undo`, {});
    expect(undo.json()).toMatchObject({ id: v3.id, isCurrent: true });
    expect((await post(`/api/datasets/${v4.id}/undo`, {})).json().id).toBe(v2.id);
    expect((await post(`/api/datasets/${v4.id}/redo`, {})).json().id).toBe(v3.id);
    const current = (await app.inject({ url: '/api/datasets?versions=current' })).json().datasets;
    expect(current.map((d: { id: string }) => d.id)).toEqual([v3.id]);
    expect((await app.inject({ url: '/api/datasets' })).json().datasets).toHaveLength(4);
    expect((await post(`/api/datasets/${v4.id}/redo`, {})).json().id).toBe(v4.id);
    const none = await post(`/api/datasets/${v4.id}/redo`, {});
    expect([none.statusCode, none.json().code]).toEqual([409, 'NOTHING_TO_REDO']);
    for (let k = 0; k < 3; k++) await post(`/api/datasets/${v4.id}/undo`, {});
    const first = await post(`/api/datasets/${v4.id}/undo`, {});
    expect([first.statusCode, first.json().code]).toEqual([409, 'NOTHING_TO_UNDO']);
    await post(`/api/datasets/${v4.id}/redo`, {});
  });

  it('replays a recipe on another data set', async () => {
    const other = (
      await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('more.csv', customers(4, 100)) })
    ).json();
    const res = await post('/api/recipes/replay', { datasetId: other.id, steps: v4.steps });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rootId: other.id, version: 2, steps: v4.steps });
    expect(res.json().columns.map((c: { name: string }) => c.name)).toEqual(v4.columns.map((c) => c.name));
  });

  it.each([
    [{ op: 'filter', column: 'nope', operator: '=', value: 'x' }, /no column 'nope'/],
    [{ op: 'filter', column: 'age', operator: '>', value: 'old' }, /not a number/],
    [{ op: 'clip', column: 'plan', lower: 1 }, /needs a numeric column/],
    [{ op: 'rename', column: 'age', to: 'plan' }, /already exists/],
    [{ op: 'filter', column: 'age', operator: '>', value: 1000 }, /no rows would be left/],
    [{ op: 'drop', columns: ['age', 'plan', 'joined', 'spend', 'churned'] }, /every column/],
  ])('refuses %o with BAD_STEP and says why', async (step, why) => {
    const res = await post(`/api/datasets/${original.id}/steps`, { step });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('BAD_STEP');
    expect(res.json().message).toMatch(why);
  });

  it('refuses free SQL: an unknown op is a validation error', async () => {
    const res = await post(`/api/datasets/${original.id}/steps`, {
      step: { op: 'sql', query: 'DROP TABLE datasets' },
    });
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('binds values and quotes names: quotes and SQL in them are just text', async () => {
    const nasty = 'a"b; DROP TABLE datasets; --';
    const up = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart(
        'nasty.csv',
        `"${nasty.replaceAll('"', '""')}",v\n"x'); DROP TABLE datasets; --",1\ny,2\n`,
      ),
    });
    expect(up.statusCode, up.body).toBe(201);
    const step = { op: 'filter', column: nasty, operator: '=', value: "x'); DROP TABLE datasets; --" };
    const res = await post(`/api/datasets/${up.json().id}/steps`, { step });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().nRows).toBe(1);
    expect((await app.inject({ url: '/api/datasets' })).statusCode).toBe(200);
  });
});

describe('recipes and models', () => {
  it('records the recipe in the model and replays it on prediction files', async () => {
    const ds = (
      await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('train.csv', customers(7, 400)) })
    ).json();
    let id = ds.id;
    for (const step of [
      { op: 'fillMissing', column: 'age', value: 40 },
      { op: 'filter', column: 'spend', operator: '>=', value: 1 },
      { op: 'dateParts', column: 'joined', parts: ['year'] },
    ]) {
      id = (await post(`/api/datasets/${id}/steps`, { step })).json().id;
    }
    const res = await post('/api/jobs/train', { datasetId: id, target: 'churned', model: 'linear', seed: 1 });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().spec.warnings).toEqual([]);
    const job = await waitForJob(app, res.json().id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const model = (await app.inject({ url: `/api/models/${job.result.modelId}` })).json();
    expect(model.recipe).toMatchObject({ rootDatasetId: ds.id, version: 4 });
    expect(model.recipe.steps.map((s: { op: string }) => s.op)).toEqual([
      'fillMissing',
      'filter',
      'dateParts',
    ]);
    expect(model.schema.columns.map((c: { name: string }) => c.name)).toContain('joined_year');
    // The raw file has no joined_year: the recipe derives it; the filter is skipped, so every row is predicted.
    const predict = await app.inject({
      method: 'POST',
      url: `/api/models/${job.result.modelId}/predict`,
      ...multipart('new.csv', customers(8, 50, false)),
    });
    expect(predict.statusCode, predict.body).toBe(200);
    expect(predict.json().nRows).toBe(50);
    expect(predict.json().columns).not.toContain('joined_year');
  });

  it('records the leakage warnings in the training job, without blocking it', async () => {
    const leaky = customers(9, 300)
      .trim()
      .split('\n')
      .map((line, i) => (i === 0 ? `${line},churn_flag` : `${line},${line.endsWith('yes') ? 'Y' : 'N'}`))
      .join('\n');
    const ds = (
      await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('leaky.csv', leaky) })
    ).json();
    const res = await post('/api/jobs/train', {
      datasetId: ds.id,
      target: 'churned',
      model: 'linear',
      seed: 1,
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().spec.warnings).toEqual([
      expect.objectContaining({ code: 'target_derived', columns: ['churn_flag'], category: 'leakage' }),
    ]);
    expect((await waitForJob(app, res.json().id)).status).toBe('succeeded');
  });
});
