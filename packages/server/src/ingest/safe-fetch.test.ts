import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RefusalKind, UrlRefusedError } from './refusal';
import { type SafeFetchOptions, safeFetch } from './safe-fetch';
import { CSV, startHttpsServer, startTestServers, TEST_CA, type TestServers } from './test-servers';
import { allowlistOf } from './url-policy';

let servers: TestServers;
beforeAll(async () => {
  servers = await startTestServers();
});
afterAll(async () => {
  expect(servers.counted()).toBe(0); // the counting listener on 127.0.0.1 / ::1 never saw a connection
  await servers.close();
});

/** The test server is `allowed.test` (and `other.test`); the policy treats its one address as global. */
function options(extra: Partial<SafeFetchOptions> = {}): SafeFetchOptions {
  return {
    // The redirect targets are allowlisted too: the address check is what must stop them.
    allowlist: allowlistOf([
      'allowed.test',
      'other.test',
      'rebind.test',
      '169.254.169.254',
      '::1',
      '127.0.0.1',
    ]),
    allowHttp: true,
    maxBytes: 1024 * 1024,
    testOnlyAllow: { address: servers.address, port: servers.port },
    resolve: async (host) => (host === 'rebind.test' ? ['127.0.0.1'] : [servers.address]),
    ...extra,
  };
}

const at = (path: string) => `http://allowed.test:${servers.port}${path}`;

async function readAll(body: Readable): Promise<string> {
  let text = '';
  for await (const chunk of body) text += chunk;
  return text;
}

/** Fetches and reads the whole body; returns the refusal kind (or 'ok' and the text). */
async function outcome(url: string, extra: Partial<SafeFetchOptions> = {}): Promise<RefusalKind | 'ok'> {
  try {
    const response = await safeFetch(url, options(extra));
    await readAll(response.body);
    return 'ok';
  } catch (err) {
    if (err instanceof UrlRefusedError) return err.kind;
    throw err;
  }
}

describe('safeFetch against a real allowlisted server', () => {
  it('fetches a CSV, with fixed headers: no cookies or credentials are ever sent', async () => {
    const response = await safeFetch(at('/data.csv'), options());
    expect(response.contentType).toBe('text/csv');
    expect(await readAll(response.body)).toBe(CSV);
    const headers = servers.seen.get('/data.csv');
    expect(headers?.host).toBe(`allowed.test:${servers.port}`);
    expect(headers?.cookie).toBeUndefined();
    expect(headers?.authorization).toBeUndefined();
  });

  it('keeps the query string and drops the fragment', async () => {
    const response = await safeFetch(at('/export?format=csv#frag'), options());
    expect(await readAll(response.body)).toBe(CSV);
    expect(response.url.hash).toBe('');
  });

  it('refuses its own port when the test exception is off (ports other than 443/80 are refused)', async () => {
    expect(await outcome(at('/data.csv'), { testOnlyAllow: undefined })).toBe('port');
  });

  it('refuses http unless allowed', async () => {
    expect(await outcome(at('/data.csv'), { allowHttp: false })).toBe('scheme');
  });
});

describe('redirects: followed by hand, at most 3, each hop re-validated', () => {
  it.each([
    ['302 → http://169.254.169.254/latest/meta-data/', '/r/metadata', 'address'],
    ['307 → http://[::1]:PORT/api/datasets', '/r/ipv6-loopback', 'address'],
    ['301 → http://2130706433:PORT/', '/r/decimal', 'address'],
    ['302 → http://127.0.0.1:PORT/', '/r/loopback', 'address'],
    ['302 → a name resolving to 127.0.0.1', '/r/rebind', 'address'],
    ['302 → file:///etc/passwd', '/r/file', 'scheme'],
    ['302 without Location', '/r/no-location', 'redirect'],
    ['a 20-hop chain', '/r/chain/1/20', 'redirect'],
    ['a 4-hop chain', '/r/chain/1/4', 'redirect'],
  ] as const)('%s is refused', async (_name, path, kind) => {
    expect(await outcome(at(path))).toBe(kind);
    expect(servers.counted()).toBe(0);
  });

  it('follows a 3-hop chain to the data', async () => {
    expect(await outcome(at('/r/chain/1/3'))).toBe('ok');
  });

  it('an http → https hop to a port that speaks only http fails as one refusal', async () => {
    // Cross-protocol redirects get no other client or agent: the same checks, then TLS, which fails here.
    expect(['network', 'timeout']).toContain(await outcome(at('/r/to-https')));
  });

  it('a redirect to another allowlisted host carries no cookie or credential', async () => {
    expect(await outcome(at('/r/other-allowed'))).toBe('ok');
    const headers = servers.seen.get('/echo');
    expect(headers?.host).toBe(`other.test:${servers.port}`);
    expect(Object.keys(headers ?? {}).sort()).toEqual([
      'accept',
      'accept-encoding',
      'connection',
      'host',
      'user-agent',
    ]);
  });
});

describe('response abuse', () => {
  it('cuts an endless chunked body at the byte cap', async () => {
    expect(await outcome(at('/abuse/endless'), { maxBytes: 256 * 1024 })).toBe('too-large');
  });

  it('refuses a huge Content-Length before reading the body', async () => {
    expect(await outcome(at('/abuse/huge-length'))).toBe('too-large');
  });

  it('counts DECOMPRESSED bytes: a 1000:1 gzip bomb is cut', async () => {
    expect(await outcome(at('/abuse/gzip-bomb'), { maxBytes: 1024 * 1024 })).toBe('too-large');
  });

  it('a slow drip (a byte every 40 ms) is stopped by the total timeout', async () => {
    expect(await outcome(at('/abuse/drip'), { totalTimeoutMs: 500, idleTimeoutMs: 5_000 })).toBe('timeout');
  });

  it('a server that sends headers and then nothing is stopped by the idle timeout', async () => {
    expect(await outcome(at('/abuse/stall'), { idleTimeoutMs: 200, totalTimeoutMs: 30_000 })).toBe('timeout');
  });

  it('refuses 1 MB of headers (header-size cap)', async () => {
    expect(await outcome(at('/abuse/big-headers'))).toBe('network');
  });

  it.each([
    ['text/html', '/abuse/html', 'content-type'],
    ['no Content-Type', '/abuse/no-type', 'content-type'],
    ['Content-Encoding: compress', '/abuse/weird-encoding', 'encoding'],
    ['HTTP 404', '/nowhere', 'status'],
    ['a body cut short of its Content-Length', '/abuse/cut', 'network'],
  ] as const)('refuses %s', async (_name, path, kind) => {
    expect(await outcome(at(path))).toBe(kind);
  });

  it('refuses a connection that does not complete in time (DNS answer never comes)', async () => {
    const never = () => new Promise<string[]>(() => undefined);
    expect(await outcome(at('/data.csv'), { resolve: never, connectTimeoutMs: 100 })).toBe('timeout');
  });
});

describe('https: SNI and certificate checked against the name, while connecting to the validated address', () => {
  let tls: Awaited<ReturnType<typeof startHttpsServer>>;
  beforeAll(async () => {
    tls = await startHttpsServer();
  });
  afterAll(async () => {
    await tls.close();
  });
  const secure = (extra: Partial<SafeFetchOptions> = {}) =>
    options({
      allowlist: allowlistOf(['allowed.test', 'other.test']),
      testOnlyAllow: { address: servers.address, port: tls.port },
      ca: TEST_CA,
      ...extra,
    });

  it('fetches over TLS, sending the host name as SNI', async () => {
    const response = await safeFetch(`https://allowed.test:${tls.port}/data.csv`, secure());
    expect(await readAll(response.body)).toBe(CSV);
    expect(tls.sni.at(-1)).toBe('allowed.test');
  });

  it('refuses a certificate that does not name the host, and one not trusted', async () => {
    // other.test resolves to the same address, but the certificate is for allowed.test only.
    await expect(safeFetch(`https://other.test:${tls.port}/data.csv`, secure())).rejects.toMatchObject({
      kind: 'network',
      detail: expect.stringContaining("does not match certificate's altnames"),
    });
    await expect(
      safeFetch(`https://allowed.test:${tls.port}/data.csv`, secure({ ca: undefined })),
    ).rejects.toMatchObject({ kind: 'network', detail: expect.stringContaining('self-signed') });
  });

  it('refuses an https → http redirect even when http is allowed', async () => {
    await expect(safeFetch(`https://allowed.test:${tls.port}/r/downgrade`, secure())).rejects.toMatchObject({
      kind: 'redirect',
      detail: 'https → http downgrade',
    });
  });
});
