import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/helpers';
import { hostName } from './guard';

describe('on a loopback bind without a token', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp();
  });
  afterAll(async () => app.close());

  it.each(['127.0.0.1:8787', 'localhost:8787', '[::1]:8787', 'localhost'])('serves Host %s', async (host) => {
    const res = await app.inject({ url: '/api/datasets', headers: { host } });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    'attacker.example',
    '127.0.0.1.nip.io',
    'localhost.attacker.example',
    'localhost.',
    '0.0.0.0',
    'spoofed.example',
  ])('refuses Host %s (DNS rebinding)', async (host) => {
    const res = await app.inject({ url: '/api/datasets', headers: { host, origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN_HOST');
  });

  it('refuses cross-site and null origins', async () => {
    for (const origin of ['https://evil.example', 'null', 'file://']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/jobs/train',
        headers: { host: '127.0.0.1:8787', origin },
        payload: {},
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN_ORIGIN');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('accepts its own origin', async () => {
    const res = await app.inject({
      url: '/api/datasets',
      headers: { host: '127.0.0.1:8787', origin: 'http://127.0.0.1:8787' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('with a token', () => {
  let app: FastifyInstance;
  const token = 'a'.repeat(16) + 'B'.repeat(16);
  beforeAll(async () => {
    app = await testApp({ token });
  });
  afterAll(async () => app.close());

  it('requires it on every API route but health and docs', async () => {
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/openapi.json' })).statusCode).toBe(200);
    for (const auth of [
      undefined,
      'Bearer wrong',
      `Bearer ${token.toLowerCase()}`,
      `Bearer ${token}x`,
      token,
    ]) {
      const res = await app.inject({
        url: '/api/datasets',
        headers: auth === undefined ? {} : { authorization: auth },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('UNAUTHORIZED');
    }
    const ok = await app.inject({ url: '/api/datasets', headers: { authorization: `Bearer ${token}` } });
    expect(ok.statusCode).toBe(200);
  });
});

describe('hostName', () => {
  it('strips ports and keeps IPv6 brackets', () => {
    expect(hostName('Example.COM:80')).toBe('example.com');
    expect(hostName('[::1]:8787')).toBe('[::1]');
    expect(hostName(undefined)).toBe('');
  });
});

describe('the API description', () => {
  it('serves an OpenAPI document listing the routes', async () => {
    const app = await testApp();
    try {
      const doc = (await app.inject({ url: '/api/openapi.json' })).json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/datasets', '/api/jobs/train', '/api/models/{id}/predict']),
      );
      const ui = await app.inject({ url: '/api/docs' });
      expect([200, 302]).toContain(ui.statusCode);
    } finally {
      await app.close();
    }
  });
});
