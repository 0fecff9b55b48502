import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/helpers';

const ADMIN = 'start-up-token';
let app: FastifyInstance;
const as = (token: string) => ({ authorization: `Bearer ${token}` });
const predictUrl = '/api/models/nope/versions/1/predict';
const predictBody = { rows: [{ x: 1 }] };

beforeAll(async () => {
  app = await testApp({ token: ADMIN });
});
afterAll(async () => {
  await app.close();
});

describe('API tokens with scopes', () => {
  it("lets a 'predict' token call only the predict routes, until it is revoked", async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: as(ADMIN),
      payload: { name: 'checkout', scope: 'predict' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^qk_[A-Za-z0-9_-]{43}$/);

    // Past the guard: the model does not exist (404), which is not a 401/403.
    const served = await app.inject({
      method: 'POST',
      url: predictUrl,
      headers: as(token),
      payload: predictBody,
    });
    expect(served.json().code).toBe('MODEL_VERSION_NOT_FOUND');
    const models = await app.inject({ url: '/api/models', headers: as(token) });
    expect(models.statusCode).toBe(403);
    expect(models.json().code).toBe('FORBIDDEN_SCOPE');
    const mint = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: as(token),
      payload: { name: 'escalate', scope: 'admin' },
    });
    expect(mint.statusCode).toBe(403);

    const listed = (await app.inject({ url: '/api/tokens', headers: as(ADMIN) })).json().tokens;
    expect(listed).toEqual([
      expect.objectContaining({ id, name: 'checkout', scope: 'predict', revokedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(token);

    const revoked = await app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: as(ADMIN) });
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await app.inject({
      method: 'POST',
      url: predictUrl,
      headers: as(token),
      payload: predictBody,
    });
    expect(after.statusCode).toBe(401);
  });

  it("lets an 'admin' token call everything, and keeps the start-up token working", async () => {
    const { token } = (
      await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: as(ADMIN),
        payload: { name: 'ops', scope: 'admin' },
      })
    ).json();
    expect((await app.inject({ url: '/api/models', headers: as(token) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/models', headers: as(ADMIN) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/models', headers: as('qk_guess') })).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/models' })).statusCode).toBe(401);
    const missing = await app.inject({ method: 'DELETE', url: '/api/tokens/nope', headers: as(ADMIN) });
    expect(missing.json().code).toBe('TOKEN_NOT_FOUND');
  });

  it('keeps only hashes in the database', async () => {
    const { token } = (
      await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: as(ADMIN),
        payload: { name: 'hash-check', scope: 'predict' },
      })
    ).json();
    const rows = await app.store.all<{ hash: string }>(
      "SELECT hash FROM api_tokens WHERE name = 'hash-check'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].hash).not.toContain(token);
  });
});
