import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from './child-server';
import {
  AckLog,
  countRows,
  expectConsistent,
  expectModelIntact,
  type Json,
  json,
  postFile,
  postJson,
  seeded,
  waitFor,
} from './crash-harness';
import { TABULAR, tempDir } from './helpers';

/**
 * SECURITY-TESTS.md R1: four clients making small committed writes (create a data set, rename it, save a
 * cleaned version, import a model version) while the server is killed with SIGKILL at a seeded random moment,
 * then restarted — ROUNDS times. Every write acknowledged before the kill (logged, fsync'd, by the test) must
 * be there after the restart, intact; nothing unacknowledged may be half there.
 */
const ROUNDS = 8;
const CLIENTS = 4;

let server: ChildServer | null = null;
afterEach(async () => {
  await server?.kill();
  server = null;
});

/**
 * One client's loop of writes until the server goes away; every 2xx answer is logged before the next step. An
 * answer that is not the expected 2xx goes to `errors` (a killed server answers nothing: fetch throws).
 */
async function client(
  url: string,
  k: number,
  round: number,
  modelFile: Buffer,
  log: AckLog,
  errors: string[],
): Promise<void> {
  const ok = async (res: Response, status: number, op: string) => {
    if (res.status === status) return true;
    errors.push(`${op}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return false;
  };
  try {
    for (let n = 0; ; n++) {
      const rows = 5 + ((k * 7 + n * 13 + round) % 30);
      const csv = ['a,b', ...Array.from({ length: rows }, (_, i) => `${i},${i * 2}`)].join('\n');
      const name = `r${round}-c${k}-${n}`;
      const created = await postFile(`${url}/api/datasets`, `${name}.csv`, csv, { name });
      if (!(await ok(created, 201, 'create'))) return;
      const d = (await created.json()) as Json;
      log.record({ op: 'create', id: d.id, name, rows });

      const renamed = await postJson(`${url}/api/datasets/${d.id}`, { name: `${name}-renamed` }, 'PATCH');
      if (!(await ok(renamed, 200, 'rename'))) return;
      log.record({ op: 'rename', id: d.id, name: `${name}-renamed` });

      const version = await postJson(`${url}/api/datasets/${d.id}/steps`, {
        step: { op: 'drop', columns: ['b'] },
      });
      if (!(await ok(version, 201, 'version'))) return;
      log.record({ op: 'version', id: ((await version.json()) as Json).id, rows, columns: ['a'] });

      const model = await postFile(`${url}/api/models/import`, 'model.quarry.json', modelFile);
      if (!(await ok(model, 201, 'model'))) return;
      const m = (await model.json()) as Json;
      log.record({ op: 'model', id: m.id, name: m.name, version: m.version });
    }
  } catch {
    // The connection died with the server: whatever was in flight was never acknowledged.
  }
}

/** Checks the restarted server against the ack log; returns how many acknowledged writes it checked. */
async function verify(url: string, dataDir: string, log: AckLog): Promise<number> {
  const datasets = await expectConsistent(url, dataDir);
  const byId = new Map<string, Json>(datasets.map((d: Json) => [d.id, d]));
  const acks = log.entries();
  const renamedTo = new Map<string, string>();
  for (const a of acks) if (a.op === 'rename') renamedTo.set(a.id, a.name);
  for (const a of acks) {
    if (a.op === 'create') {
      const d = byId.get(a.id);
      expect(d, `acknowledged data set ${a.name}`).toBeDefined();
      expect(d.nRows).toBe(a.rows);
      // An acknowledged rename is there; an unacknowledged one may or may not have committed, but whole.
      if (renamedTo.has(a.id)) expect(d.name).toBe(renamedTo.get(a.id));
      else expect([a.name, `${a.name}-renamed`]).toContain(d.name);
    } else if (a.op === 'version') {
      const d = byId.get(a.id);
      expect(d, `acknowledged version ${a.id}`).toBeDefined();
      expect(d.columns.map((c: { name: string }) => c.name)).toEqual(a.columns);
      expect(await countRows(url, a.id)).toBe(a.rows);
    } else if (a.op === 'model') {
      const file = await expectModelIntact(url, a.id);
      expect(file.model.name).toBe(a.name);
    }
  }
  // Versions are whole: no two models share a name and version number.
  const { models } = await json(`${url}/api/models`);
  const keys = models.map((m: Json) => `${m.name}@${m.version}`);
  expect(new Set(keys).size).toBe(keys.length);
  return acks.length;
}

describe('R1: kill -9 during small committed writes', () => {
  it(`keeps every acknowledged write over ${ROUNDS} random kills`, async () => {
    const dataDir = tempDir('quarry-crash-r1-');
    const log = new AckLog(join(tempDir('quarry-acks-'), 'acks.ndjson'));
    const random = seeded(20261127);

    // A real model file to import: trained once, downloaded, sealed with its SHA-256.
    server = await startChildServer(dataDir);
    const bostonRes = await postFile(
      `${server.url}/api/datasets`,
      'boston.csv',
      await readFile(join(TABULAR, 'boston.csv')),
    );
    const boston = (await bostonRes.json()) as Json;
    const job: Json = await (
      await postJson(`${server.url}/api/jobs/train`, {
        datasetId: boston.id,
        target: 'cmedv',
        model: 'linear',
        seed: 1,
      })
    ).json();
    const done = await waitFor(async () => {
      const j = await json(`${server!.url}/api/jobs/${job.id}`);
      return ['queued', 'running'].includes(j.status) ? undefined : j;
    });
    expect(done.status, JSON.stringify(done)).toBe('succeeded');
    const modelFile = Buffer.from(
      await (await fetch(`${server.url}/api/models/${done.result.modelId}/download`)).arrayBuffer(),
    );

    const startups: number[] = [];
    const errors: string[] = [];
    let checked = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const url = server.url;
      const clients = Array.from({ length: CLIENTS }, (_, k) =>
        client(url, k, round, modelFile, log, errors),
      );
      await new Promise((r) => setTimeout(r, 1000 + random() * 4000));
      await server.kill();
      await Promise.all(clients);

      const t0 = performance.now();
      server = await startChildServer(dataDir);
      startups.push(performance.now() - t0);
      checked = await verify(server.url, dataDir, log);
      expect(errors, 'answers other than the expected 2xx').toEqual([]);
    }
    // The run made progress: writes were acknowledged in (nearly) every round, and all of them survived.
    expect(checked).toBeGreaterThan(ROUNDS * 2);
    console.log(
      `R1: ${ROUNDS} kills, ${checked} acknowledged writes checked, restart ms: ${startups.map(Math.round).join(', ')}`,
    );
  }, 240_000);
});
