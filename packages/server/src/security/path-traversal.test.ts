import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp } from '../../test/helpers';

// SECURITY-TESTS row E: every traversal string, in every id position of every route of the API, is answered
// 400/404 (or 422 for a body that cannot be used) without echoing a path. Ids are server-generated UUIDs that map
// to tables and files through the database, so none of these can reach the filesystem.
const TRAVERSALS = [
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e/%2e%2e/',
  '..\\..\\windows\\win.ini',
  '..%5c..%5c',
  '/etc/passwd',
  'file:///etc/passwd',
  '//proc/self/root/etc/passwd',
  '/proc/self/environ',
  'C:\\Windows\\win.ini',
  '/windows/win.ini',
  '\\\\attacker\\share\\x',
  '\\\\?\\C:\\x',
  '\\\\.\\device\\x',
  'a.csv%00.png',
  'a.csv\u0000.png',
  'static/../static1.txt',
  '../outside.pkl',
  'http:///#/../../etc/',
];

/**
 * Path fragments of the traversal strings that must never come back in an answer. (Bare file names such as
 * 'static1.txt' may: the test client resolves `a/../b` before sending, leaving a harmless name as the id.)
 */
const ECHOES = ['passwd', 'environ', 'win.ini', 'windows', 'attacker', 'share', '../', '..\\'];

describe('path traversal in ids', () => {
  let app: FastifyInstance;
  let routes: { method: string; path: string }[];
  beforeAll(async () => {
    app = await testApp();
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      path.includes('{')
        ? Object.keys(methods)
            .filter((m) => m === 'get' || m === 'delete')
            .map((method) => ({ method: method.toUpperCase(), path }))
        : [],
    );
  });
  afterAll(async () => app.close());

  it('covers the routes that take ids', () => {
    const paths = routes.map((r) => r.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/datasets/{id}', '/api/models/{id}/download', '/api/jobs/{id}']),
    );
    expect(routes.length).toBeGreaterThan(15);
  });

  it('answers 400/404 with no path echoed, for every route and every string', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const raw of TRAVERSALS) {
        // As one encoded segment (the id position itself: 400 or 404), and as sent raw, spread over the path
        // (whatever route that lands on: never a 5xx, never an echo).
        for (const [value, statuses] of [
          [encodeURIComponent(raw), [400, 404]],
          [raw.replaceAll('\u0000', '%00'), null],
        ] as const) {
          const url = route.path.replace(/\{[^}]+\}/g, value);
          const res = await app.inject({ method: route.method as 'GET', url });
          const echoed = ECHOES.find((e) => res.body.includes(e));
          const badStatus =
            statuses === null
              ? res.statusCode >= 500
              : !(statuses as readonly number[]).includes(res.statusCode);
          if (badStatus || echoed !== undefined)
            failures.push(
              `${route.method} ${url} → ${res.statusCode}${echoed ? ` echoing '${echoed}'` : ''}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps an uploaded file name as display text only', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart('../../x.csv', 'a,b\n1,2\n'),
    });
    expect(res.statusCode).toBe(201);
    const dataset = res.json();
    expect(dataset.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(dataset)).not.toContain('../');
  });
});
