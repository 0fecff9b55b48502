import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from './client';
import { ApiError, errorMessage } from './errors';
import { sendError, sendJson, startServer, type TestServer } from './test-server';
import { memoryTokenStore } from './token-store';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('ApiClient errors', () => {
  it('turns the error shape into an ApiError carrying the server message', async () => {
    server = await startServer((_req, res) =>
      sendError(res, 422, 'TARGET_NOT_FOUND', "Column 'Foo' is not in data set 'attrition'.", {
        column: 'Foo',
      }),
    );
    const client = new ApiClient({ baseUrl: server.url, tokenStore: memoryTokenStore() });
    const error = await client.get('/api/datasets/x/task?target=Foo').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      statusCode: 422,
      code: 'TARGET_NOT_FOUND',
      message: "Column 'Foo' is not in data set 'attrition'.",
      details: { column: 'Foo' },
    });
  });

  it('never shows an HTML error page or a stack: it says what happened instead', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><body>Bad gateway<pre>at Object.<anonymous> (proxy.js:1:1)</pre></body></html>');
    });
    const client = new ApiClient({ baseUrl: server.url, tokenStore: memoryTokenStore() });
    const error = await client.get('/api/datasets').catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 502, code: 'HTTP_502' });
    expect(errorMessage(error)).toMatch(/did not answer \(HTTP 502\)/);
    expect(errorMessage(error)).not.toContain('<');
  });

  it('reports a server that is not there as a network error', async () => {
    server = await startServer(() => {});
    const url = server.url;
    await server.close();
    server = undefined;
    const client = new ApiClient({ baseUrl: url, tokenStore: memoryTokenStore() });
    const error = await client.get('/api/health').catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 0, code: 'NETWORK_ERROR' });
  });
});

describe('ApiClient requests', () => {
  it('sends Content-Type: application/json only when there is a body', async () => {
    server = await startServer((req, res) => {
      if (req.method === 'DELETE') {
        res.writeHead(204);
        res.end();
      } else sendJson(res, 200, { ok: true });
    });
    const client = new ApiClient({ baseUrl: server.url, tokenStore: memoryTokenStore() });
    expect(await client.get('/api/datasets')).toEqual({ ok: true });
    expect(await client.patch('/api/datasets/d1', { name: 'iris' })).toEqual({ ok: true });
    expect(await client.delete('/api/datasets/d1')).toBeUndefined();
    const [get, patch, del] = server.requests;
    expect(get?.headers['content-type']).toBeUndefined();
    expect(patch?.headers['content-type']).toBe('application/json');
    expect(patch?.body).toBe('{"name":"iris"}');
    expect(del?.headers['content-type']).toBeUndefined();
    expect(del?.body).toBe('');
  });

  it('attaches the stored token as a bearer token', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, { status: 'ok' }));
    const client = new ApiClient({ baseUrl: server.url, tokenStore: memoryTokenStore('s3cret') });
    await client.get('/api/health');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer s3cret');
  });
});

describe('ApiClient on 401', () => {
  const guarded = () =>
    startServer((req, res) => {
      if (req.headers.authorization === 'Bearer right') sendJson(res, 200, { status: 'ok' });
      else sendError(res, 401, 'UNAUTHORIZED', 'This server needs an access token.');
    });

  it('asks for the token, stores it and retries', async () => {
    server = await guarded();
    const store = memoryTokenStore();
    const asked: boolean[] = [];
    const client = new ApiClient({
      baseUrl: server.url,
      tokenStore: store,
      promptToken: async ({ rejected }) => {
        asked.push(rejected);
        return asked.length === 1 ? 'wrong' : ' right ';
      },
    });
    expect(await client.get('/api/health')).toEqual({ status: 'ok' });
    // First ask: no token was sent. Second ask: 'wrong' was refused, so the prompt can say so.
    expect(asked).toEqual([false, true]);
    expect(store.get()).toBe('right');
    // Each token was first offered for a session cookie (this server has none), then sent as a bearer header.
    expect(
      server.requests.filter((r) => r.url === '/api/session').map((r) => JSON.parse(r.body).token),
    ).toEqual(['wrong', 'right']);
    expect(
      server.requests.filter((r) => r.url !== '/api/session').map((r) => r.headers.authorization),
    ).toEqual([undefined, 'Bearer wrong', 'Bearer right']);
  });

  it('shares one prompt between requests that fail together', async () => {
    server = await guarded();
    let prompts = 0;
    const client = new ApiClient({
      baseUrl: server.url,
      tokenStore: memoryTokenStore(),
      promptToken: async () => {
        prompts++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return 'right';
      },
    });
    await Promise.all([client.get('/api/health'), client.get('/api/health'), client.get('/api/health')]);
    expect(prompts).toBe(1);
  });

  it('gives up with the server message when the person cancels the prompt', async () => {
    server = await guarded();
    const client = new ApiClient({
      baseUrl: server.url,
      tokenStore: memoryTokenStore(),
      promptToken: async () => null,
    });
    const error = await client.get('/api/health').catch((e: unknown) => e);
    expect(error).toMatchObject({
      statusCode: 401,
      code: 'UNAUTHORIZED',
      message: 'This server needs an access token.',
    });
  });

  it('exchanges the typed token for a session cookie and does not keep it', async () => {
    let cookie = false;
    server = await startServer((req, res, body) => {
      if (req.url === '/api/session' && JSON.parse(body).token === 'right') {
        cookie = true; // node's fetch keeps no cookie jar: the server remembers, as a browser would send it
        sendJson(res, 200, { authRequired: true, csrfToken: 'c' });
      } else if (cookie) sendJson(res, 200, { status: 'ok' });
      else sendError(res, 401, 'UNAUTHORIZED', 'This server needs an access token.');
    });
    const store = memoryTokenStore();
    const client = new ApiClient({
      baseUrl: server.url,
      tokenStore: store,
      promptToken: async () => 'right',
    });
    expect(await client.get('/api/health')).toEqual({ status: 'ok' });
    expect(store.get()).toBeNull();
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, undefined, undefined]);
  });

  it('forgets a stored token that the server refuses', async () => {
    server = await guarded();
    const store = memoryTokenStore('stale');
    const client = new ApiClient({ baseUrl: server.url, tokenStore: store });
    await expect(client.get('/api/health')).rejects.toBeInstanceOf(ApiError);
    expect(store.get()).toBeNull();
  });
});
