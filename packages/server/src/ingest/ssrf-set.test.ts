import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UrlRefusedError } from './refusal';
import { type SafeFetchOptions, safeFetch } from './safe-fetch';
import { SSRF_URLS, STUB_DNS } from './ssrf-urls';
import { CSV, startTestServers, type TestServers } from './test-servers';
import { allowlistOf, normaliseHost } from './url-policy';

let servers: TestServers;
beforeAll(async () => {
  servers = await startTestServers();
});
afterAll(async () => {
  await servers.close();
});

const withPort = (url: string) => url.replaceAll('PORT', String(servers.port));

async function refusal(url: string, options: SafeFetchOptions): Promise<UrlRefusedError> {
  try {
    const response = await safeFetch(url, options);
    response.body.destroy();
  } catch (err) {
    if (err instanceof UrlRefusedError) return err;
    throw err;
  }
  throw new Error(`${url} was fetched`);
}

/** Every host of the set, so the allowlist does not stop anything: only the other checks do. */
function everyHost(): string[] {
  const hosts = ['allowed.example'];
  for (const { url } of SSRF_URLS) {
    try {
      hosts.push(normaliseHost(new URL(withPort(url)).hostname));
    } catch {
      // unparsable: refused by the parser anyway
    }
  }
  return hosts;
}

describe('the SSRF URL set of SECURITY-TESTS.md §1.2', () => {
  it('holds about 80 URLs over the nine groups that need no live server', () => {
    expect(SSRF_URLS.length).toBeGreaterThanOrEqual(80);
    // Redirects and response abuse: safe-fetch.test.ts, against a real server.
    expect(new Set(SSRF_URLS.map((u) => u.group)).size).toBe(9);
  });

  it('refuses all of them with the default policy (https only, allowlist allowed.example)', async () => {
    const options: SafeFetchOptions = {
      allowlist: allowlistOf(['allowed.example']),
      allowHttp: false,
      maxBytes: 1024,
      resolve: async () => ['127.0.0.1'],
    };
    for (const { url } of SSRF_URLS) {
      const err = await refusal(withPort(url), options);
      expect(['parse', 'scheme', 'userinfo', 'port', 'host', 'address'], url).toContain(err.kind);
      expect(err.message).toMatch(/^The URL could not be fetched/);
    }
    expect(servers.counted()).toBe(0);
  });

  it('refuses each one for its own reason even when its host is allowlisted and http allowed', async () => {
    const resolved: string[] = [];
    const options: SafeFetchOptions = {
      allowlist: allowlistOf(everyHost()),
      allowHttp: true,
      maxBytes: 1024,
      testOnlyAllow: { address: servers.address, port: servers.port },
      resolve: async (host) => {
        resolved.push(host);
        return STUB_DNS[host] ?? ['127.0.0.1'];
      },
    };
    const wrong: string[] = [];
    for (const { url, refusedBy } of SSRF_URLS) {
      const err = await refusal(withPort(url), options);
      if (!refusedBy.includes(err.kind)) wrong.push(`${url}: ${err.kind} (${err.detail})`);
    }
    expect(wrong).toEqual([]);
    // Names were resolved (the address check ran on DNS answers), IP literals were not.
    expect(resolved).toContain('metadata.google.internal');
    expect(resolved).not.toContain('127.0.0.1');
    expect(servers.counted()).toBe(0);
  });

  it('treats one uniform message for every reason', async () => {
    const options: SafeFetchOptions = {
      allowlist: allowlistOf(['allowed.example']),
      allowHttp: true,
      maxBytes: 9,
    };
    const messages = new Set<string>();
    for (const url of ['file:///x', 'http://evil.example/', 'http://allowed.example:22/', ' http://x/']) {
      messages.add((await refusal(url, options)).message);
    }
    expect(messages.size).toBe(1);
  });
});

describe('names answered by a hostile resolver', () => {
  const policy = (resolve: (host: string) => Promise<string[]>): SafeFetchOptions => ({
    allowlist: allowlistOf(['allowed.test', 'rebind.test', 'private.test', 'mixed.test', 'mapped.test']),
    allowHttp: true,
    maxBytes: 1 << 20,
    testOnlyAllow: { address: servers.address, port: servers.port },
    resolve,
  });

  it('refuses a name answering a private address, mixed answers, and AAAA ::ffff:127.0.0.1', async () => {
    const answers: Record<string, string[]> = {
      'private.test': ['192.168.0.10'],
      'mixed.test': [servers.address, '127.0.0.1'],
      'mapped.test': ['::ffff:127.0.0.1'],
    };
    for (const [host, addresses] of Object.entries(answers)) {
      const err = await refusal(
        `http://${host}:${servers.port}/data.csv`,
        policy(async () => addresses),
      );
      expect(err.kind, host).toBe('address');
    }
    expect(servers.counted()).toBe(0);
  });

  it('refuses a name whose lookup fails or answers nothing', async () => {
    const failing = policy(async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    });
    expect((await refusal(`http://allowed.test:${servers.port}/data.csv`, failing)).kind).toBe('dns');
    expect(
      (
        await refusal(
          `http://allowed.test:${servers.port}/data.csv`,
          policy(async () => []),
        )
      ).kind,
    ).toBe('dns');
  });

  it('connects to the address it validated: a rebinding resolver never gets the socket to 127.0.0.1', async () => {
    let lookups = 0;
    // DNS rebinding: the first answer is the "public" test server, every later one is loopback.
    const rebinding = policy(async () => (lookups++ === 0 ? [servers.address] : ['127.0.0.1']));
    const response = await safeFetch(`http://rebind.test:${servers.port}/data.csv`, rebinding);
    let text = '';
    for await (const chunk of response.body) text += chunk;
    expect(text).toBe(CSV);
    expect(lookups).toBe(1); // one lookup per hop: nothing asked the resolver again at connect time

    // A redirect to the same name is a new hop: resolved again, and this time refused.
    lookups = 0;
    const err = await refusal(`http://rebind.test:${servers.port}/r/rebind`, rebinding);
    expect(err.kind).toBe('address');
    expect(lookups).toBe(2);
    expect(servers.counted()).toBe(0);
  });
});
