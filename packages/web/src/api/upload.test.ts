// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from './client';
import { sendError, sendJson, startServer, type TestServer } from './test-server';
import { memoryTokenStore } from './token-store';

// happy-dom's XMLHttpRequest applies CORS from its page origin, so the test server allows it like a proxy would.
const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Accept',
  'Access-Control-Allow-Methods': 'POST',
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function form(): FormData {
  const data = new FormData();
  data.append('file', new File(['a,b\n1,2\n'], 'tiny.csv', { type: 'text/csv' }));
  return data;
}

describe('ApiClient.upload', () => {
  it('sends the file as multipart with the token and returns the JSON answer', async () => {
    server = await startServer((req, res) => {
      for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
      if (req.method === 'OPTIONS') return void res.end();
      sendJson(res, 201, { id: 'ds1', name: 'tiny' });
    });
    const client = new ApiClient({ baseUrl: server.url, tokenStore: memoryTokenStore('tok') });
    const answer = await client.upload('/api/datasets', form());
    expect(answer).toEqual({ id: 'ds1', name: 'tiny' });
    const post = server.requests.find((r) => r.method === 'POST');
    expect(post?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(post?.headers.authorization).toBe('Bearer tok');
    expect(post?.body).toContain('filename="tiny.csv"');
  });

  it('rejects with the server message when the file is refused', async () => {
    server = await startServer((req, res) => {
      for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
      if (req.method === 'OPTIONS') return void res.end();
      sendError(
        res,
        413,
        'UPLOAD_TOO_LARGE',
        'The file is larger than the 200 MB limit. Split it or raise the limit.',
      );
    });
    const client = new ApiClient({ baseUrl: server.url, tokenStore: memoryTokenStore() });
    await expect(client.upload('/api/datasets', form())).rejects.toMatchObject({
      statusCode: 413,
      code: 'UPLOAD_TOO_LARGE',
      message: 'The file is larger than the 200 MB limit. Split it or raise the limit.',
    });
  });

  it('asks for the token on 401 and sends the file again', async () => {
    server = await startServer((req, res) => {
      for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
      if (req.method === 'OPTIONS') return void res.end();
      if (req.headers.authorization === 'Bearer good') sendJson(res, 201, { id: 'ds2' });
      else sendError(res, 401, 'UNAUTHORIZED', 'This server needs an access token.');
    });
    const client = new ApiClient({
      baseUrl: server.url,
      tokenStore: memoryTokenStore(),
      promptToken: async () => 'good',
    });
    expect(await client.upload('/api/datasets', form())).toEqual({ id: 'ds2' });
    // Two uploads; between them the token was offered for a session cookie (refused here) before the bearer retry.
    expect(server.requests.filter((r) => r.method === 'POST' && r.url === '/api/datasets')).toHaveLength(2);
    expect(server.requests.filter((r) => r.method === 'POST' && r.url === '/api/session')).toHaveLength(1);
  });
});
