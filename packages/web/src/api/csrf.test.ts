import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from './client';
import { csrfHeaders, csrfToken } from './csrf';
import { sendJson, startServer, type TestServer } from './test-server';
import { memoryTokenStore } from './token-store';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  Reflect.deleteProperty(globalThis, 'document');
});

describe('csrf', () => {
  it('reads the quarry_csrf cookie', () => {
    expect(csrfToken('a=1; quarry_csrf=abc-_x; b=2')).toBe('abc-_x');
    expect(csrfToken('quarry_csrfx=1')).toBeNull();
    expect(csrfToken('')).toBeNull();
  });

  it('adds the header only to state-changing requests', () => {
    const cookie = 'quarry_csrf=t0k';
    expect(csrfHeaders('GET', cookie)).toEqual({});
    for (const m of ['POST', 'put', 'PATCH', 'DELETE'])
      expect(csrfHeaders(m, cookie)).toEqual({ 'X-CSRF-Token': 't0k' });
    expect(csrfHeaders('POST', '')).toEqual({});
  });

  it('is sent by the API client from the cookie, on a real HTTP request', async () => {
    Object.defineProperty(globalThis, 'document', {
      value: { cookie: 'quarry_csrf=from-cookie' },
      configurable: true,
    });
    server = await startServer((_req, res) => sendJson(res, 200, { ok: true }));
    const client = new ApiClient({ baseUrl: server.url, tokenStore: memoryTokenStore() });
    await client.get('/api/datasets');
    await client.post('/api/jobs/train', { a: 1 });
    await client.delete('/api/datasets/x');
    expect(server.requests.map((r) => r.headers['x-csrf-token'])).toEqual([
      undefined,
      'from-cookie',
      'from-cookie',
    ]);
  });
});
