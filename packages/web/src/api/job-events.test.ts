import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from './client';
import { watchJob } from './job-events';
import { sendJson, startServer, type TestServer } from './test-server';
import { memoryTokenStore } from './token-store';
import type { Job, JobStatus } from './types';

function job(status: JobStatus, progress: number): Job {
  return {
    id: 'j1',
    kind: 'train',
    status,
    progress,
    message: `${status} ${progress}`,
    createdAt: '2025-01-01T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    spec: {},
    error: null,
    result: status === 'succeeded' ? { modelId: 'm1' } : null,
  };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('watchJob', () => {
  it('follows the event stream, frames split across writes, with the auth header', async () => {
    server = await startServer(async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      const frames = [job('running', 0.2), job('running', 0.7), job('succeeded', 1)]
        .map((j) => `event: job\ndata: ${JSON.stringify(j)}\n\n`)
        .join(': keep-alive\n\n');
      for (let i = 0; i < frames.length; i += 37) {
        res.write(frames.slice(i, i + 37));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      res.end();
    });
    const client = new ApiClient({ baseUrl: server.url, tokenStore: memoryTokenStore('t0k') });
    const seen: number[] = [];
    const final = await watchJob(client, 'j1', { onUpdate: (j) => seen.push(j.progress) });
    expect(final.status).toBe('succeeded');
    expect(final.result).toEqual({ modelId: 'm1' });
    expect(seen).toEqual([0.2, 0.7, 1]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.url).toBe('/api/jobs/j1/events');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer t0k');
    expect(server.requests[0]?.headers.accept).toBe('text/event-stream');
  });

  it('falls back to polling GET /api/jobs/:id when the stream fails', async () => {
    let polls = 0;
    server = await startServer((req, res) => {
      if (req.url?.endsWith('/events')) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('stream broke');
        return;
      }
      polls++;
      sendJson(res, 200, polls < 3 ? job('running', polls / 3) : job('failed', 1));
    });
    const client = new ApiClient({ baseUrl: server.url, tokenStore: memoryTokenStore() });
    const statuses: string[] = [];
    const final = await watchJob(client, 'j1', {
      onUpdate: (j) => statuses.push(j.status),
      pollIntervalMs: 10,
    });
    expect(final.status).toBe('failed');
    expect(statuses).toEqual(['running', 'running', 'failed']);
  });

  it('polls when the stream ends before a final status', async () => {
    server = await startServer((req, res) => {
      if (req.url?.endsWith('/events')) {
        res.writeHead(200, { 'Content-Type': 'text/event-stream' });
        res.end(`event: job\ndata: ${JSON.stringify(job('running', 0.5))}\n\n`);
        return;
      }
      sendJson(res, 200, job('cancelled', 0.5));
    });
    const client = new ApiClient({ baseUrl: server.url, tokenStore: memoryTokenStore() });
    const final = await watchJob(client, 'j1', { onUpdate: () => {}, pollIntervalMs: 10 });
    expect(final.status).toBe('cancelled');
  });

  it('stops when aborted', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, job('running', 0.1)));
    const client = new ApiClient({ baseUrl: server.url, tokenStore: memoryTokenStore() });
    const controller = new AbortController();
    const watching = watchJob(client, 'j1', {
      onUpdate: () => controller.abort(),
      signal: controller.signal,
      pollIntervalMs: 10,
    });
    await expect(watching).rejects.toMatchObject({ name: 'AbortError' });
  });
});
