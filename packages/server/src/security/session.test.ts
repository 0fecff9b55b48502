import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, tempDir, testApp } from '../../test/helpers';
import { buildApp } from '../app';
import { defaults } from '../config/config';
import { parseCookies } from './cookies';

// SECURITY-TESTS rows A (CSRF), C (token exchange, rate limit, logs) and D (open redirect), against a real server.
const TOKEN = 'Quarry-Test-Token-0123456789abcdef';
const HOST = '127.0.0.1:8787';
const CSV = 'a,b\n1,2\n3,4\n';

/** The cookies a response sets, as `name=value` pairs ready for a Cookie header, and the raw Set-Cookie lines. */
function cookiesOf(setCookie: string | string[] | undefined) {
  const lines = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  const header = lines.map((l) => l.split(';')[0]).join('; ');
  return { lines, header, values: parseCookies(header) };
}

describe('with a token: the cookie session', () => {
  let app: FastifyInstance;
  let cookie: string;
  let csrf: string;
  beforeAll(async () => {
    app = await testApp({ token: TOKEN });
    const res = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host: HOST },
      payload: { token: TOKEN },
    });
    expect(res.statusCode).toBe(200);
    const c = cookiesOf(res.headers['set-cookie']);
    cookie = c.header;
    csrf = c.values.get('quarry_csrf') ?? '';
    expect(res.json().csrfToken).toBe(csrf);
  });
  afterAll(async () => app.close());

  it('sets an HttpOnly SameSite=Strict session cookie of 256 random bits, and a readable CSRF cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { token: TOKEN } });
    const { lines, values } = cookiesOf(res.headers['set-cookie']);
    const session = lines.find((l) => l.startsWith('quarry_session='));
    const csrfLine = lines.find((l) => l.startsWith('quarry_csrf='));
    expect(session).toMatch(/; Path=\/;/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).not.toMatch(/Secure/); // plain http here; Secure only over https
    expect(csrfLine).not.toMatch(/HttpOnly/);
    expect(Buffer.from(values.get('quarry_session') ?? '', 'base64url')).toHaveLength(32);
    expect(values.get('quarry_session')).not.toBe(cookie.match(/quarry_session=([^;]+)/)?.[1]);
  });

  it('reads with the cookie alone, and refuses a forged or missing session', async () => {
    const ok = await app.inject({ url: '/api/datasets', headers: { host: HOST, cookie } });
    expect(ok.statusCode).toBe(200);
    for (const bad of ['quarry_session=forged', '', `quarry_csrf=${csrf}`]) {
      const res = await app.inject({ url: '/api/datasets', headers: { host: HOST, cookie: bad } });
      expect(res.statusCode).toBe(401);
    }
  });

  it('refuses a state-changing request without the X-CSRF-Token header, including the multipart upload', async () => {
    const body = multipart('x.csv', CSV);
    const variants: Record<string, string>[] = [
      {},
      { 'x-csrf-token': 'wrong' },
      { 'x-csrf-token': csrf.toUpperCase() },
      { 'x-csrf-token': `${csrf}x` },
    ];
    for (const extra of variants) {
      const up = await app.inject({
        method: 'POST',
        url: '/api/datasets',
        payload: body.payload,
        headers: { ...body.headers, host: HOST, cookie, ...extra },
      });
      expect(up.statusCode).toBe(403);
      expect(up.json().code).toBe('CSRF_FAILED');
      const json = await app.inject({
        method: 'POST',
        url: '/api/jobs/train',
        payload: { datasetId: 'x', target: 'a' },
        headers: { host: HOST, cookie, ...extra },
      });
      expect(json.json().code).toBe('CSRF_FAILED');
      const del = await app.inject({
        method: 'DELETE',
        url: '/api/datasets/x',
        headers: { host: HOST, cookie, ...extra },
      });
      expect(del.json().code).toBe('CSRF_FAILED');
    }
    // The header must also match the cookie (double submit): a header alone, without the cookie, is refused.
    const session = cookie.split('; ').find((c) => c.startsWith('quarry_session=')) ?? '';
    const noCookie = await app.inject({
      method: 'DELETE',
      url: '/api/datasets/x',
      headers: { host: HOST, cookie: session, 'x-csrf-token': csrf },
    });
    expect(noCookie.json().code).toBe('CSRF_FAILED');
  });

  it('refuses a cross-site request even with a live session cookie and the right CSRF header', async () => {
    const body = multipart('x.csv', CSV);
    for (const origin of ['https://evil.example', 'null']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/datasets',
        payload: body.payload,
        headers: { ...body.headers, host: HOST, cookie, 'x-csrf-token': csrf, origin },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN_ORIGIN');
    }
  });

  it('accepts the upload with the header, and a bearer request without one', async () => {
    const body = multipart('x.csv', CSV);
    const up = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      payload: body.payload,
      headers: { ...body.headers, host: HOST, cookie, 'x-csrf-token': csrf },
    });
    expect(up.statusCode).toBe(201);
    const bearer = multipart('y.csv', CSV);
    const api = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      payload: bearer.payload,
      headers: { ...bearer.headers, host: HOST, authorization: `Bearer ${TOKEN}` },
    });
    expect(api.statusCode).toBe(201);
  });

  it('logs out: the session no longer works', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/session', payload: { token: TOKEN } });
    const c = cookiesOf(login.headers['set-cookie']);
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: c.header, 'x-csrf-token': c.values.get('quarry_csrf') ?? '' },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/quarry_session=; .*Max-Age=0/);
    const after = await app.inject({ url: '/api/datasets', headers: { cookie: c.header } });
    expect(after.statusCode).toBe(401);
  });

  it('exchanges ?token= on the first visit and redirects to a clean URL', async () => {
    const res = await app.inject({ url: `/?token=${TOKEN}`, headers: { host: HOST } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(cookiesOf(res.headers['set-cookie']).values.get('quarry_session')).toBeTruthy();
    const deep = await app.inject({ url: `/login?token=${TOKEN}&next=${encodeURIComponent('/#/models')}` });
    expect(deep.headers.location).toBe('/#/models');
    const wrong = await app.inject({ url: '/?token=nope', remoteAddress: '10.9.9.9' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    'https://evil.example',
    '%2F%2Fevil.example',
    '/%09/evil.example',
    'javascript:alert(1)',
    '/%5Cevil.example',
    '\\\\evil.example',
  ])('sends next=%s to / (row D), never with the token', async (next) => {
    for (const url of [`/login?next=${next}`, `/login?token=${TOKEN}&next=${next}`]) {
      const res = await app.inject({ url, headers: { host: HOST } });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/');
    }
  });
});

describe('the Secure flag', () => {
  it('is set over https (here: behind a trusted proxy) and X-Forwarded-Proto is ignored otherwise', async () => {
    for (const [trustProxy, secure] of [
      [true, true],
      [false, false],
    ] as const) {
      const app = await testApp({ token: TOKEN, trustProxy });
      try {
        const res = await app.inject({
          method: 'POST',
          url: '/api/session',
          headers: { 'x-forwarded-proto': 'https' },
          payload: { token: TOKEN },
        });
        const lines = cookiesOf(res.headers['set-cookie']).lines;
        expect(lines).toHaveLength(2);
        for (const line of lines) expect(/; Secure/.test(line)).toBe(secure);
      } finally {
        await app.close();
      }
    }
  });
});

describe('failed token attempts', () => {
  it('answer 429 with Retry-After from the 11th within a minute, per remote address', async () => {
    const app = await testApp({ token: TOKEN });
    try {
      const from = (remoteAddress: string, authorization: string) =>
        app.inject({ url: '/api/datasets', remoteAddress, headers: { authorization } });
      const wrong = [
        `Bearer ${TOKEN.toLowerCase()}`,
        `Bearer ${TOKEN}x`,
        `Bearer ${TOKEN.slice(1)}`,
        'Bearer ',
      ];
      for (let i = 0; i < 10; i++) {
        const res = await from('10.0.0.1', wrong[i % wrong.length]);
        expect(res.statusCode).toBe(401);
      }
      const eleventh = await from('10.0.0.1', 'Bearer wrong');
      expect(eleventh.statusCode).toBe(429);
      expect(eleventh.json().code).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
      // Locked out even with the right token (brute force gains nothing) ...
      expect((await from('10.0.0.1', `Bearer ${TOKEN}`)).statusCode).toBe(429);
      const viaSession = await app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress: '10.0.0.1',
        payload: { token: 'guess' },
      });
      expect(viaSession.statusCode).toBe(429);
      // ... while another address is unaffected.
      expect((await from('10.0.0.2', `Bearer ${TOKEN}`)).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('a brute force of 1000 tokens in a minute', () => {
  it('gets 10 answers and 990 refusals, and never the right one through', async () => {
    const app = await testApp({ token: TOKEN });
    try {
      const counts: Record<number, number> = {};
      for (let i = 0; i < 1000; i++) {
        // The right token is among the guesses, late: the lock-out must hold even then.
        const guess = i === 500 ? TOKEN : `${TOKEN.slice(0, -4)}${String(i).padStart(4, '0')}`;
        const res = await app.inject({
          url: '/api/datasets',
          remoteAddress: '10.6.6.6',
          headers: { authorization: `Bearer ${guess}` },
        });
        counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
      }
      expect(counts).toEqual({ 401: 10, 429: 990 });
      await app.audit.flush();
      const rows = (
        await app.inject({ url: '/api/audit?limit=1000', headers: { authorization: `Bearer ${TOKEN}` } })
      )
        .json()
        .entries.filter((r: { remote: string }) => r.remote === '10.6.6.6');
      expect(rows.filter((r: { action: string }) => r.action === 'token.failure')).toHaveLength(10);
      expect(rows.filter((r: { code: string }) => r.code === 'TOO_MANY_ATTEMPTS')).toHaveLength(990);
    } finally {
      await app.close();
    }
  });
});

describe('the token in logs', () => {
  it('never appears, whether sent as ?token=, a bearer header or a JSON body', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const app = await buildApp(
      { ...defaults, dataDir: tempDir(), threads: 1, token: TOKEN, logLevel: 'info' },
      { logStream: stream },
    );
    try {
      await app.inject({ url: `/?token=${TOKEN}` });
      await app.inject({ url: `/login?next=/&token=${TOKEN}` });
      await app.inject({ url: `/api/datasets?token=${TOKEN}` });
      await app.inject({ url: '/api/datasets', headers: { authorization: `Bearer ${TOKEN}` } });
      await app.inject({ method: 'POST', url: '/api/session', payload: { token: TOKEN } });
    } finally {
      await app.close();
    }
    const log = Buffer.concat(chunks).toString('utf8');
    expect(log).toContain('incoming request'); // the logger did write
    expect(log).toContain('token=[REDACTED]');
    expect(log).not.toContain(TOKEN);
  });
});

describe('start-up without a token', () => {
  it('refuses a non-loopback bind or requireToken instead of running open', async () => {
    await expect(
      buildApp({ ...defaults, dataDir: tempDir(), host: '0.0.0.0', logLevel: 'silent' }),
    ).rejects.toThrow(/No access token/);
    await expect(
      buildApp({ ...defaults, dataDir: tempDir(), requireToken: true, logLevel: 'silent' }),
    ).rejects.toThrow(/requireToken/);
  });
});
