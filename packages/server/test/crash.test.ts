import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from './child-server';
import { TABULAR, tempDir } from './helpers';

/**
 * `kill -9` of a real server process during an upload and during a training job: after a restart every data
 * set and model saved before is intact, and the interrupted job says so.
 */
// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field below
type Json = any;

let server: ChildServer | null = null;
afterEach(async () => {
  await server?.kill();
  server = null;
});

async function uploadFile(url: string, name: string, content: Buffer): Promise<Json> {
  const form = new FormData();
  form.append('file', new Blob([content]), name);
  const res = await fetch(`${url}/api/datasets`, { method: 'POST', body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return res.json();
}

const json = async (url: string, init?: RequestInit): Promise<Json> => (await fetch(url, init)).json();

async function trainJob(url: string, datasetId: string, target: string): Promise<Json> {
  const res = await fetch(`${url}/api/jobs/train`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ datasetId, target, model: 'tree', seed: 1 }),
  });
  expect(res.status).toBe(202);
  return res.json();
}

async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A synthetic table big enough that training it takes a few seconds. */
function bigCsv(rows: number): Buffer {
  const lines = ['x1,x2,x3,x4,x5,x6,x7,x8,y'];
  let s = 12345;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < rows; i++) {
    const x = Array.from({ length: 8 }, () => rnd() * 10);
    lines.push(
      `${x.map((v) => v.toFixed(4)).join(',')},${(x[0] * 2 + Math.sin(x[1]) * 3 + rnd()).toFixed(4)}`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

describe('kill -9 and restart', () => {
  it('keeps data sets and models saved before a crash during an upload and during training', async () => {
    const dataDir = tempDir('quarry-crash-');
    server = await startChildServer(dataDir);
    const boston = await uploadFile(server.url, 'boston.csv', await readFile(join(TABULAR, 'boston.csv')));
    const first = await trainJob(server.url, boston.id, 'cmedv');
    const done = await waitFor(async () => {
      const j = await json(`${server!.url}/api/jobs/${first.id}`);
      return j.status === 'succeeded' ? j : undefined;
    });
    const modelId = done.result.modelId;

    // 1. Crash during an upload: send part of a multipart body, then kill the server.
    const big = bigCsv(300_000);
    const { hostname, port } = new URL(server.url);
    const boundary = 'crashboundary';
    const req = request({
      host: hostname,
      port,
      method: 'POST',
      path: '/api/datasets',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('error', () => undefined);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n`);
    req.write(big.subarray(0, big.length / 2));
    await waitFor(async () => (readdirSync(join(dataDir, 'tmp')).length > 0 ? true : undefined), 30_000);
    await server.kill();

    server = await startChildServer(dataDir);
    const afterUpload = await json(`${server.url}/api/datasets`);
    expect(afterUpload.datasets.map((d: { id: string }) => d.id)).toEqual([boston.id]);
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]); // the partial upload is gone
    const rows = await json(`${server.url}/api/datasets/${boston.id}/rows?limit=1000`);
    expect(rows.rows).toHaveLength(506);

    // 2. Crash during a training job.
    const bigSet = await uploadFile(server.url, 'big.csv', big);
    const job = await trainJob(server.url, bigSet.id, 'y');
    await waitFor(async () =>
      (await json(`${server!.url}/api/jobs/${job.id}`)).status === 'running' ? true : undefined,
    );
    await server.kill();

    server = await startChildServer(dataDir);
    const interrupted = await json(`${server.url}/api/jobs/${job.id}`);
    expect(interrupted.status).toBe('interrupted');
    expect(interrupted.message).toMatch(/interrupted/i);
    const datasets = await json(`${server.url}/api/datasets`);
    expect(datasets.datasets.map((d: { id: string }) => d.id).sort()).toEqual([boston.id, bigSet.id].sort());
    const model = await json(`${server.url}/api/models/${modelId}`);
    expect(model.id).toBe(modelId);
    expect(model.metrics.rmse).toBeGreaterThan(0);
    const models = await json(`${server.url}/api/models`);
    expect(models.models).toHaveLength(1);
  });
});
