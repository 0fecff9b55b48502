import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp } from '../../test/helpers';

// SECURITY-TESTS rows A (drive-by CSRF, Content-Type) and B (Host header), plus the security headers, on a
// loopback server without a token (the default a laptop runs).
const HOST = '127.0.0.1:8787';

describe('drive-by requests to a loopback server', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp();
  });
  afterAll(async () => app.close());

  it.each([
    'application/x-www-form-urlencoded',
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/json;',
    'application/json garbage',
    'APPLICATION/JSON ;charset=utf-8',
    'application/json\t',
    'multipart/form-data; boundary=x',
    undefined,
  ])('answers 415 to Content-Type %j on a JSON route', async (contentType) => {
    for (const url of ['/api/jobs/train', '/api/session']) {
      const res = await app.inject({
        method: 'POST',
        url,
        headers: { host: HOST, ...(contentType === undefined ? {} : { 'content-type': contentType }) },
        payload: '{"name":"x"}',
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('answers 415 to a text/plain POST on the upload route', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: { host: HOST, 'content-type': 'text/plain' },
      payload: '{"name":"x"}',
    });
    expect(res.statusCode).toBe(415);
  });

  it('refuses the no-cors text/plain fetch and the auto-submitted multipart form from evil.example', async () => {
    const form = multipart('x.csv', 'a,b\n1,2\n');
    const attempts = [
      { url: '/api/datasets', headers: { 'content-type': 'text/plain' }, payload: '{"name":"x"}' },
      { url: '/api/datasets', headers: form.headers, payload: form.payload },
    ];
    for (const origin of ['https://evil.example', 'null']) {
      for (const a of attempts) {
        const res = await app.inject({
          method: 'POST',
          url: a.url,
          payload: a.payload,
          headers: { ...a.headers, host: HOST, origin, cookie: 'quarry_session=stolen' },
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN_ORIGIN');
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
    }
    // A form the browser marks as cross-site is refused even when it sends no Origin header.
    for (const site of ['cross-site', 'same-site']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/datasets',
        payload: form.payload,
        headers: { ...form.headers, host: HOST, 'sec-fetch-site': site },
      });
      expect(res.json().code).toBe('FORBIDDEN_ORIGIN');
    }
    const list = (await app.inject({ url: '/api/datasets', headers: { host: HOST } })).json();
    expect(list.datasets).toEqual([]);
  });

  it('answers 400, not 500, to a multipart body that is cut short or has the wrong boundary', async () => {
    const a = multipart('x.csv', 'a,b\n1,2\n');
    const b = multipart('x.csv', 'a,b\n1,2\n');
    for (const payload of [b.payload, a.payload.subarray(0, a.payload.length - 20)]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/datasets',
        headers: { ...a.headers, host: HOST },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('BAD_REQUEST');
    }
  });

  it('answers a CORS preflight without any Access-Control-Allow-* header', async () => {
    const res = await app.inject({
      method: 'OPTIONS',
      url: '/api/datasets',
      headers: { host: HOST, origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('ignores X-Forwarded-Host and X-Forwarded-Proto (no trustProxy)', async () => {
    const spoofed = await app.inject({
      url: '/api/datasets',
      headers: { host: 'attacker.example', 'x-forwarded-host': '127.0.0.1', 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.json().code).toBe('FORBIDDEN_HOST');
    const local = await app.inject({
      url: '/api/datasets',
      headers: { host: HOST, 'x-forwarded-host': 'attacker.example', origin: 'http://attacker.example' },
    });
    expect(local.json().code).toBe('FORBIDDEN_ORIGIN'); // the Origin is compared with the real Host
    const ok = await app.inject({
      url: '/api/datasets',
      headers: { host: HOST, 'x-forwarded-host': 'attacker.example' },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('does not echo the refused Host back unescaped or at length', async () => {
    const res = await app.inject({ url: '/api/datasets', headers: { host: `${'a'.repeat(500)}.example` } });
    expect(res.statusCode).toBe(403);
    expect(res.body.length).toBeLessThan(600);
  });

  it('sends the security headers on every response, errors included', async () => {
    for (const url of ['/', '/api/datasets', '/api/nope', '/api/health']) {
      const res = await app.inject({ url, headers: { host: HOST } });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

describe('behind a configured proxy (trustProxy)', () => {
  it('takes the host from X-Forwarded-Host', async () => {
    const app = await testApp({ trustProxy: true, allowedHosts: ['quarry.internal'] });
    try {
      const res = await app.inject({
        url: '/api/datasets',
        headers: { host: '127.0.0.1:9000', 'x-forwarded-host': 'quarry.internal' },
      });
      expect(res.statusCode).toBe(200);
      const bad = await app.inject({
        url: '/api/datasets',
        headers: { host: '127.0.0.1:9000', 'x-forwarded-host': 'attacker.example' },
      });
      expect(bad.statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});
