import { appendFileSync, closeSync, fsyncSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { platform } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { modelFileHash } from '../src/models/canonical';
import type { ModelFile } from '../src/models/model-file';

/**
 * Shared parts of the fault suites (crash-*.test.ts, concurrency.test.ts): HTTP helpers against a child server,
 * a seeded random source, and the durability oracle of SECURITY-TESTS.md §3 — an fsync'd append-only log of
 * every acknowledged (2xx) write, read back after the crash as the ground truth.
 */
// biome-ignore lint/suspicious/noExplicitAny: API answers are checked field by field by the tests
export type Json = any;

export const json = async (url: string, init?: RequestInit): Promise<Json> => (await fetch(url, init)).json();

/** POST a file as multipart `file` (plus fields); resolves to the raw Response (the caller checks status). */
export function postFile(
  url: string,
  name: string,
  content: Buffer | string,
  fields: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([content]), name);
  return fetch(url, { method: 'POST', body: form });
}

export const postJson = (url: string, body: unknown, method = 'POST'): Promise<Response> =>
  fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export async function waitFor<T>(fn: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A seeded LCG in [0, 1): the kill times of a run are the same every time it runs. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A synthetic regression table (8 features, target y) big enough that loading and training take seconds. */
export function bigCsv(rows: number): Buffer {
  const lines = ['x1,x2,x3,x4,x5,x6,x7,x8,y'];
  const rnd = seeded(12345);
  for (let i = 0; i < rows; i++) {
    const x = Array.from({ length: 8 }, () => rnd() * 10);
    lines.push(
      `${x.map((v) => v.toFixed(4)).join(',')},${(x[0] * 2 + Math.sin(x[1]) * 3 + rnd()).toFixed(4)}`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

/** The durability oracle: one JSON line per acknowledged write, fsync'd before the test goes on. */
export class AckLog {
  constructor(readonly path: string) {}

  record(entry: Record<string, unknown>): void {
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`);
    const fd = openSync(this.path, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  entries(): Json[] {
    let text = '';
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return [];
    }
    return text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l));
  }
}

/** A model as downloaded verifies against its own SHA-256 (R3: "its checksum verifies"). */
export async function expectModelIntact(url: string, id: string): Promise<ModelFile> {
  const res = await fetch(`${url}/api/models/${id}/download`);
  expect(res.status, `model ${id}`).toBe(200);
  const file = (await res.json()) as ModelFile;
  expect(typeof file.sha256).toBe('string');
  expect(modelFileHash(file)).toBe(file.sha256);
  return file;
}

/** The rows a data set's table really holds: count(*) through the SQL view, not the stored n_rows. */
export async function countRows(url: string, id: string): Promise<number> {
  const { tables } = await json(`${url}/api/sql/tables`);
  const table = tables.find((t: { datasetId: string }) => t.datasetId === id);
  expect(table, `data set ${id} has a SQL table`).toBeDefined();
  const res = await postJson(`${url}/api/sql`, {
    query: `SELECT count(*) AS n FROM ${table.name}`,
    limit: 1,
  });
  expect(res.status).toBe(200);
  return Number(((await res.json()) as Json).rows[0][0]);
}

/**
 * Nothing half-visible: every listed data set answers its full row count, and the upload scratch directory
 * is empty after a restart.
 */
export async function expectConsistent(url: string, dataDir: string): Promise<Json[]> {
  const { datasets } = await json(`${url}/api/datasets`);
  for (const d of datasets) expect(await countRows(url, d.id), `rows of ${d.name}`).toBe(d.nRows);
  expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);
  return datasets;
}

/** Ids of the live processes whose parent is `pid` (Linux /proc; elsewhere an empty list). */
export function childrenOf(pid: number): number[] {
  if (platform() !== 'linux') return [];
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces or parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && fields[0] !== 'Z') out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Whether process `pid` is still alive (a zombie counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
