import { describe, expect, it } from 'vitest';
import { FailedAttempts } from './attempts';
import { parseCookies, serializeCookie } from './cookies';
import { jsonShapeProblem } from './json-shape';
import { redactUrl } from './log';
import { safeNext } from './redirect';
import { SessionStore } from './sessions';
import { echoablePath, unsafeParam } from './url-params';

describe('safeNext', () => {
  it.each(['/', '/#/models', '/index.html?x=1'])('keeps the same-origin path %s', (next) => {
    expect(safeNext(next)).toBe(next);
  });
  it.each([
    '//evil.example',
    '/\\evil.example',
    'https://evil.example',
    '%2F%2Fevil.example',
    '/%2F/evil.example',
    '/%09/evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    'evil.example',
    '',
    undefined,
    ['/a'],
  ])('sends %j to /', (next) => {
    expect(safeNext(next)).toBe('/');
  });
  it('drops a token from the target', () => {
    expect(safeNext('/a?token=secret&b=1')).toBe('/a?b=1');
  });
});

describe('FailedAttempts', () => {
  it('allows `limit` failures per window, then says how long to wait, per key', () => {
    let now = 1_000_000;
    const attempts = new FailedAttempts(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(attempts.retryAfter('a')).toBe(0);
      attempts.fail('a');
      now += 1000;
    }
    expect(attempts.retryAfter('a')).toBe(57); // the first failure leaves the window 57 s from now
    expect(attempts.retryAfter('b')).toBe(0);
    now += 57_000;
    expect(attempts.retryAfter('a')).toBe(0);
  });

  it('keeps at most maxKeys addresses', () => {
    const attempts = new FailedAttempts(1, 60_000, () => 0, 5);
    for (let i = 0; i < 20; i++) attempts.fail(`k${i}`);
    expect(attempts.retryAfter('k19')).toBeGreaterThan(0);
    expect(attempts.retryAfter('k0')).toBe(0); // dropped, oldest first
  });
});

describe('SessionStore', () => {
  it('expires sessions and caps their number', () => {
    let now = 0;
    const store = new SessionStore(1000, () => now, 3);
    const a = store.create();
    expect(store.get(a.id)?.csrf).toBe(a.session.csrf);
    now = 999;
    expect(store.get(a.id)).toBeDefined();
    now = 1000;
    expect(store.get(a.id)).toBeUndefined();
    const ids = [store.create(), store.create(), store.create(), store.create()].map((s) => s.id);
    expect(store.get(ids[0])).toBeUndefined();
    expect(store.get(ids[3])).toBeDefined();
    expect(store.get(undefined)).toBeUndefined();
  });
});

describe('cookies', () => {
  it('parses the first value of a name and writes SameSite=Strict, Path=/', () => {
    expect(parseCookies('a=1; b=2; a=3; junk').get('a')).toBe('1');
    expect(serializeCookie('s', 'v', { httpOnly: true, secure: true, maxAge: 10 })).toBe(
      's=v; Path=/; SameSite=Strict; Max-Age=10; HttpOnly; Secure',
    );
  });
});

describe('log redaction', () => {
  it('blanks token values in URLs', () => {
    expect(redactUrl('/?token=abc&x=1')).toBe('/?token=[REDACTED]&x=1');
    expect(redactUrl('/login?next=/&TOKEN=abc')).toBe('/login?next=/&TOKEN=[REDACTED]');
    expect(redactUrl('/api/datasets')).toBe('/api/datasets');
  });
});

describe('url params', () => {
  it.each(['../x', 'a/b', 'a\\b', 'C:x', 'a\u0000', '..', '.', 'a%00b', 'x%2fy'])('refuses %j', (v) => {
    expect(unsafeParam({ id: v })).toBe(true);
  });
  it.each(['0b5c6f1e-8a0e-4c1e-9d51-0f3c5b0f9a11', 'sonar model', 'churn-v2.1', '100% sure'])(
    'accepts %j',
    (v) => {
      expect(unsafeParam({ id: v })).toBe(false);
    },
  );
  it('lets a model name keep colons and dots, but nothing path-like', () => {
    expect(unsafeParam({ name: 'churn: v2..final' })).toBe(false);
    for (const v of ['a/b', 'a\\b', '..', 'a%2fb', 'a\u0000']) expect(unsafeParam({ name: v })).toBe(true);
    expect(unsafeParam({ id: 'churn: v2' })).toBe(true);
  });

  it('echoes only plain paths', () => {
    expect(echoablePath('/api/nope?token=x')).toBe('/api/nope');
    expect(echoablePath('/api//etc/passwd')).toBe('(this URL)');
    expect(echoablePath('/api/..%2f')).toBe('(this URL)');
  });
});

describe('jsonShapeProblem', () => {
  it('refuses deep nesting and prototype keys without recursing', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(jsonShapeProblem(deep, 128)).toMatch(/nested more than 128/);
    expect(jsonShapeProblem(JSON.parse('{"a":{"__proto__":{"x":1}}}'), 128)).toMatch(/__proto__/);
    expect(jsonShapeProblem({ a: [{ prototype: 1 }] }, 128)).toMatch(/prototype/);
    expect(jsonShapeProblem({ a: [1, { b: 'constructor' }], constructor: 'x' }, 128)).toBeNull();
  });
});
