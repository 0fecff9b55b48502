import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { buildApp } from '../app';
import { defaults, type QuarryConfig } from '../config/config';
import { URL_REFUSED_MESSAGE } from './refusal';
import type { SafeFetchOptions } from './safe-fetch';
import { SSRF_URLS, STUB_DNS } from './ssrf-urls';
import { startTestServers, type TestServers } from './test-servers';

let servers: TestServers;
let app: FastifyInstance;
let dataDir: string;
const logLines: string[] = [];

beforeAll(async () => {
  servers = await startTestServers();
  dataDir = tempDir();
  const hosts = ['allowed.test', ...SSRF_URLS.flatMap(({ url }) => hostOf(url))];
  const config: QuarryConfig = {
    ...defaults,
    dataDir,
    logLevel: 'warn',
    threads: 1,
    allowUrlIngestion: true,
    allowHttpIngestion: true,
    urlAllowlist: hosts,
    maxUrlResponseBytes: 1024 * 1024,
  };
  // TEST ONLY: the one test-server address counts as global; every unknown name answers the counting listener.
  const urlFetch: Partial<SafeFetchOptions> = {
    testOnlyAllow: { address: servers.address, port: servers.port },
    resolve: async (host) =>
      host === 'allowed.test' ? [servers.address] : (STUB_DNS[host] ?? ['127.0.0.1']),
    totalTimeoutMs: 2_000,
    idleTimeoutMs: 500,
  };
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await buildApp(config, { urlFetch, logStream });
});
afterAll(async () => {
  await app?.close();
  expect(servers.counted()).toBe(0);
  await servers.close();
});

function hostOf(url: string): string[] {
  try {
    return [new URL(url.replaceAll('PORT', '1')).hostname];
  } catch {
    return [];
  }
}

const importUrl = (url: string, name?: string) =>
  app.inject({
    method: 'POST',
    url: '/api/datasets/import',
    payload: name === undefined ? { url } : { url, name },
  });
const at = (path: string) => `http://allowed.test:${servers.port}${path}`;
const datasetCount = async () => (await app.inject({ url: '/api/datasets' })).json().datasets.length;

describe('POST /api/datasets/import', () => {
  it('answers 403 with how to enable it when URL ingestion is off (the default)', async () => {
    const off = await buildApp({ ...defaults, dataDir: tempDir(), logLevel: 'silent', threads: 1 });
    try {
      const res = await off.inject({
        method: 'POST',
        url: '/api/datasets/import',
        payload: { url: at('/data.csv') },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('URL_INGESTION_DISABLED');
      expect(res.json().message).toContain('QUARRY_ALLOW_URL_INGESTION=true');
    } finally {
      await off.close();
    }
    expect(servers.seen.size).toBe(0); // nothing was fetched
  });

  it('turns a CSV served by an allowlisted host into a data set, by the upload path', async () => {
    const res = await importUrl(at('/data.csv'), 'weather');
    expect(res.statusCode, res.body).toBe(201);
    const dataset = res.json();
    expect(dataset.name).toBe('weather');
    expect(dataset.fileName).toBe('data.csv');
    expect(dataset.format).toBe('csv');
    expect(dataset.nRows).toBe(3);
    expect(dataset.columns.map((c: { name: string }) => c.name)).toEqual(['city', 'temp']);
    const rows = (await app.inject({ url: `/api/datasets/${dataset.id}/rows` })).json();
    expect(rows.rows ?? rows).toHaveLength(3);
  });

  it('names a URL without a file extension by its media type', async () => {
    const res = await importUrl(at('/export?format=csv'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().fileName).toBe('export.csv');
  });

  it('refuses every URL of the §1.2 set with one uniform 422, the reason only in the log', async () => {
    const bodies = new Set<string>();
    for (const { url } of SSRF_URLS) {
      const res = await importUrl(url.replaceAll('PORT', String(servers.port)));
      expect(res.statusCode, url).toBe(422);
      const { code, message } = res.json();
      bodies.add(JSON.stringify({ code, message }));
    }
    expect([...bodies]).toEqual([JSON.stringify({ code: 'URL_REFUSED', message: URL_REFUSED_MESSAGE })]);
    const log = logLines.join('');
    expect(log).toContain('URL import refused');
    expect(log).toContain('169.254.169.254: link-local incl. cloud metadata');
    await app.audit.flush();
    const audit = (await app.inject({ url: '/api/audit?limit=1000' })).json().entries;
    const refused = audit.filter(
      (e: { action: string; code: string }) => e.action === 'import' && e.code === 'URL_REFUSED',
    );
    expect(refused.length).toBeGreaterThanOrEqual(SSRF_URLS.length);
  });

  it('refuses redirects, bombs, stalls and wrong types the same way, leaving no data set and no temp file', async () => {
    const before = await datasetCount();
    for (const path of [
      '/r/metadata',
      '/r/loopback',
      '/r/chain/1/20',
      '/r/file',
      '/abuse/endless',
      '/abuse/gzip-bomb',
      '/abuse/stall',
      '/abuse/drip',
      '/abuse/cut',
      '/abuse/html',
      '/nowhere',
    ]) {
      const res = await importUrl(at(path));
      expect(res.statusCode, path).toBe(422);
      expect(res.json().message, path).toBe(URL_REFUSED_MESSAGE);
    }
    expect(await datasetCount()).toBe(before);
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('takes only application/json (a cross-site text/plain POST cannot trigger a fetch)', async () => {
    const seenBefore = servers.seen.size;
    const res = await app.inject({
      method: 'POST',
      url: '/api/datasets/import',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ url: at('/text-plain.csv') }),
    });
    expect(res.statusCode).toBe(415);
    expect(servers.seen.size).toBe(seenBefore);
  });

  it('validates the body: a missing url is a 400 naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/datasets/import', payload: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('url');
  });
});
