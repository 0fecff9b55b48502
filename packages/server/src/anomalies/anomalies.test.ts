import { Rng } from '@quarry/ml';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp, waitForJob } from '../../test/helpers';

/**
 * A seeded table of 600 orders with three planted anomalies, each of a different kind: an extreme amount (row 10),
 * a broken correlation — a heavy parcel with a tiny shipping cost (row 20) — and a category seen nowhere else
 * (row 30). The run must flag all three near the top with the column that makes each one odd as its first reason.
 */
function orders(): string {
  const rng = new Rng(11);
  const normal = () =>
    Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
  const lines = ['amount,weight,shipping,channel,note'];
  for (let i = 0; i < 600; i++) {
    let amount = 50 + 10 * normal();
    const weight = 5 + normal();
    let shipping = 2 * weight + 0.3 * normal();
    let channel = ['web', 'shop', 'phone'][i % 3];
    if (i === 10) amount = 400;
    if (i === 20) shipping = 2;
    if (i === 30) channel = 'fax';
    lines.push(`${amount.toFixed(2)},${weight.toFixed(3)},${shipping.toFixed(3)},${channel},note ${i}`);
  }
  return lines.join('\n');
}

let app: FastifyInstance;
let datasetId: string;
beforeAll(async () => {
  app = await testApp();
  const res = await app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipart('orders.csv', orders()),
  });
  datasetId = res.json().id;
});
afterAll(async () => {
  await app.close();
});

const detect = async (body: Record<string, unknown>) => {
  const res = await app.inject({ method: 'POST', url: '/api/anomalies', payload: { datasetId, ...body } });
  expect(res.statusCode, res.body).toBe(202);
  const job = await waitForJob(app, res.json().id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  return (await app.inject({ url: `/api/anomalies/${job.result.anomalyRunId}` })).json();
};

describe('anomaly runs', () => {
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer read field by field in assertions
  let run: any;

  it('flags the three planted rows, each with the column that makes it odd first', async () => {
    run = await detect({ contamination: 0.02, seed: 3 });
    expect(run.nRows).toBe(600);
    expect(run.features.map((f: { name: string }) => f.name)).toEqual([
      'amount',
      'weight',
      'shipping',
      'channel',
    ]);
    expect(run.excluded).toEqual([]);
    const top = run.rows.slice(0, 12).map((r: { row: number }) => r.row);
    for (const planted of [10, 20, 30]) expect(top).toContain(planted);
    const byRow = new Map(run.rows.map((r: { row: number }) => [r.row, r]));
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const first = (row: number) => (byRow.get(row) as any).reasons[0].feature;
    expect(first(10)).toBe('amount');
    expect(['shipping', 'weight']).toContain(first(20));
    expect(first(30)).toBe('channel');
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const planted = byRow.get(10) as any;
    expect(planted.score).toBeGreaterThan(run.threshold);
    expect(planted.agreement).toBeGreaterThanOrEqual(0.5);
    expect(planted.values.amount).toBe(400);
    expect(run.quantiles).toHaveLength(201);
    expect(run.histogram.reduce((a: number, b: number) => a + b, 0)).toBe(600);
  }, 120_000);

  it('gives the same scores for the same seed', async () => {
    const again = await detect({ contamination: 0.02, seed: 3 });
    expect(again.rows.map((r: { score: number }) => r.score)).toEqual(
      run.rows.map((r: { score: number }) => r.score),
    );
  }, 120_000);

  it('keeps what a person marks, and forgets it on null', async () => {
    const mark = (row: number, label: string | null) =>
      app.inject({ method: 'PUT', url: `/api/anomalies/${run.id}/labels`, payload: { row, label } });
    expect((await mark(10, 'anomalous')).json().labels).toEqual({ '10': 'anomalous' });
    expect((await mark(30, 'normal')).json().labels).toEqual({ '10': 'anomalous', '30': 'normal' });
    expect((await mark(10, null)).json().labels).toEqual({ '30': 'normal' });
    expect((await app.inject({ url: `/api/anomalies/${run.id}` })).json().labels).toEqual({ '30': 'normal' });
    const unlisted = run.rows.length === 600 ? null : await mark(599_999, 'normal');
    if (unlisted !== null) expect(unlisted.json().code).toBe('BAD_ANOMALY_ROW');
  });

  it('lists the runs newest first, each with what it found, for a page to go back to', async () => {
    const later = await detect({ columns: ['amount'], contamination: 0.05, seed: 3 });
    const { runs } = (await app.inject({ url: `/api/anomalies?datasetId=${datasetId}` })).json();
    expect(runs[0]).toMatchObject({ id: later.id, columns: ['amount'], contamination: 0.05, nMarked: 0 });
    const first = runs.find((r: { id: string }) => r.id === run.id);
    expect(first).toMatchObject({
      columns: ['amount', 'weight', 'shipping', 'channel'],
      nRows: 600,
      nMarked: 1,
    });
    expect(first.nFlagged).toBe(run.rows.filter((r: { score: number }) => r.score > run.threshold).length);
    expect(first.detectors.map((d: { name: string }) => d.name)).toEqual(
      run.detectors.map((d: { name: string }) => d.name),
    );
  }, 120_000);

  it('deletes a run with its marks, and only that run', async () => {
    const doomed = await detect({ columns: ['amount'], contamination: 0.1, seed: 5 });
    const marked = await app.inject({
      method: 'PUT',
      url: `/api/anomalies/${doomed.id}/labels`,
      payload: { row: doomed.rows[0].row, label: 'anomalous' },
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const remove = () => app.inject({ method: 'DELETE', url: `/api/anomalies/${doomed.id}` });

    const deleted = await remove();
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(deleted.body).toBe('');
    const gone = await app.inject({ url: `/api/anomalies/${doomed.id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('ANOMALY_RUN_NOT_FOUND');
    const { runs } = (await app.inject({ url: `/api/anomalies?datasetId=${datasetId}` })).json();
    const ids = runs.map((r: { id: string }) => r.id);
    expect(ids).not.toContain(doomed.id);
    // The marks went with it: none left behind under its id.
    const orphans = await app.store.all('SELECT * FROM anomaly_labels WHERE run_id = $1', [doomed.id]);
    expect(orphans).toEqual([]);
    // The first run of the same data set is untouched, with its mark.
    expect(ids).toContain(run.id);
    expect(runs.find((r: { id: string }) => r.id === run.id).nMarked).toBe(1);
    expect((await app.inject({ url: `/api/anomalies/${run.id}` })).json().labels).toEqual({ '30': 'normal' });

    const again = await remove();
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('ANOMALY_RUN_NOT_FOUND');
    // Audited as a deletion, like a data set's or a model's.
    await app.audit.flush();
    const { entries } = (await app.inject({ url: '/api/audit' })).json();
    expect(entries).toContainEqual(
      expect.objectContaining({ action: 'delete', outcome: 'ok', method: 'DELETE', target: doomed.id }),
    );
  }, 120_000);

  it('refuses a text column, an unknown column and an unknown run, clearly', async () => {
    const text = await app.inject({
      method: 'POST',
      url: '/api/anomalies',
      payload: { datasetId, columns: ['amount', 'note'] },
    });
    expect(text.statusCode).toBe(422);
    expect(text.json()).toMatchObject({ code: 'BAD_ANOMALY_COLUMNS' });
    expect(text.json().message).toMatch(/'note' is (text|identifier)/);
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/anomalies',
      payload: { datasetId, columns: ['nope'] },
    });
    expect(unknown.json().code).toBe('COLUMN_NOT_FOUND');
    const missing = await app.inject({ url: '/api/anomalies/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('ANOMALY_RUN_NOT_FOUND');
    const bad = await app.inject({
      method: 'POST',
      url: '/api/anomalies',
      payload: { datasetId, contamination: 0.9 },
    });
    expect(bad.statusCode).toBe(400);
  });
});
