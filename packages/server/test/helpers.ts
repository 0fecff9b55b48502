import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { defaults, type QuarryConfig } from '../src/config/config';

export const SHARED_DATA = resolve(import.meta.dirname, '../../../../shared/data');
export const TABULAR = join(SHARED_DATA, 'tabular');

export function tempDir(prefix = 'quarry-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A real server (real DuckDB file, real worker pool) on a fresh data directory. The free-disk guard is set to
 * 16 MiB, not the 1 GiB default: a test machine with little free disk must still run the suite (the guard's own
 * test sets it above the free space).
 */
export async function testApp(overrides: Partial<QuarryConfig> = {}): Promise<FastifyInstance> {
  return buildApp({
    ...defaults,
    dataDir: tempDir(),
    logLevel: 'silent',
    threads: 2,
    minFreeDiskBytes: 16 * 1024 * 1024,
    ...overrides,
  });
}

/** A multipart/form-data body with one file part (and optional fields before it). */
export function multipart(fileName: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const boundary = `----quarry${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(app: FastifyInstance, path: string, fileName = basename(path)) {
  const body = multipart(fileName, await readFile(path));
  return app.inject({ method: 'POST', url: '/api/datasets', ...body });
}

/** Waits for a job to reach a final status (polling the real API). */
export async function waitForJob(app: FastifyInstance, id: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = (await app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json();
    if (['succeeded', 'failed', 'cancelled', 'interrupted'].includes(job.status)) return job;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
