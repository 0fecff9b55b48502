import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp, waitForJob } from '../../test/helpers';
import type { AuditRow } from './audit-log';

const TOKEN = 'Audit-Test-Token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

function csv(): string {
  const lines = ['x,y'];
  for (let i = 0; i < 60; i++) lines.push(`${i % 10},${i % 10 > 4 ? 'a' : 'b'}`);
  return `${lines.join('\n')}\n`;
}

describe('the audit log', () => {
  let app: FastifyInstance;
  const entries = async (query = ''): Promise<AuditRow[]> =>
    (await app.inject({ url: `/api/audit${query}`, headers: auth })).json().entries;

  beforeAll(async () => {
    app = await testApp({ token: TOKEN });
  });
  afterAll(async () => app.close());

  it('records an upload, a promotion and a deletion with their ids', async () => {
    const body = multipart('xy.csv', csv());
    const up = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: { ...body.headers, ...auth },
      payload: body.payload,
      remoteAddress: '10.1.2.3',
    });
    expect(up.statusCode).toBe(201);
    const datasetId = up.json().id;
    const train = await app.inject({
      method: 'POST',
      url: '/api/jobs/train',
      headers: auth,
      payload: { datasetId, target: 'y', model: 'linear', seed: 1 },
    });
    const job = await waitForJob(
      { inject: (o: object) => app.inject({ ...o, headers: auth }) } as unknown as FastifyInstance,
      train.json().id,
    );
    const modelId = job.result.modelId;
    const promote = await app.inject({
      method: 'PATCH',
      url: `/api/models/${modelId}`,
      headers: auth,
      payload: { stage: 'production' },
    });
    expect(promote.statusCode, promote.body).toBe(200);
    const archive = await app.inject({
      method: 'PATCH',
      url: `/api/models/${modelId}`,
      headers: auth,
      payload: { stage: 'archived' },
    });
    expect(archive.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/datasets/${datasetId}`, headers: auth })).statusCode,
    ).toBe(204);

    const rows = await entries();
    const upload = rows.find((r) => r.action === 'upload');
    expect(upload).toMatchObject({
      outcome: 'ok',
      method: 'POST',
      route: '/api/datasets',
      target: datasetId,
      remote: '10.1.2.3',
    });
    expect(Date.parse(upload?.at ?? '')).not.toBeNaN();
    const promotions = rows.filter((r) => r.action === 'promote');
    expect(promotions).toHaveLength(1); // archiving is not a promotion
    expect(promotions[0].target).toBe(modelId);
    expect(rows.find((r) => r.action === 'delete')).toMatchObject({ target: datasetId, method: 'DELETE' });
  });

  it('records refused requests and failed tokens, never the token', async () => {
    await app.inject({ url: '/api/datasets', headers: { authorization: 'Bearer not-the-token' } });
    await app.inject({ url: '/api/datasets', headers: { ...auth, origin: 'https://evil.example' } });
    await app.inject({
      method: 'POST',
      url: '/api/jobs/train',
      headers: { ...auth, 'content-type': 'text/plain' },
      payload: '{}',
    });
    await app.inject({ method: 'POST', url: '/api/session', payload: { token: TOKEN } });
    const rows = await entries();
    expect(rows.find((r) => r.action === 'token.failure')).toMatchObject({
      outcome: 'refused',
      code: 'UNAUTHORIZED',
    });
    expect(rows.find((r) => r.action === 'token.success')).toMatchObject({ route: '/api/session' });
    const refused = rows.filter((r) => r.action === 'refused').map((r) => r.code);
    expect(refused).toEqual(expect.arrayContaining(['FORBIDDEN_ORIGIN', 'UNSUPPORTED_MEDIA_TYPE']));
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
    expect(JSON.stringify(rows)).not.toContain('not-the-token');
  });

  it('pages newest first with limit and before', async () => {
    const all = await entries('?limit=1000');
    expect(all.length).toBeGreaterThan(4);
    const ids = all.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const first = await entries('?limit=2');
    expect(first.map((r) => r.id)).toEqual(ids.slice(0, 2));
    const next = await entries(`?limit=2&before=${first[1].id}`);
    expect(next.map((r) => r.id)).toEqual(ids.slice(2, 4));
    const bad = await app.inject({ url: '/api/audit?limit=0', headers: auth });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ url: '/api/audit' })).statusCode).toBe(401);
  });
});
