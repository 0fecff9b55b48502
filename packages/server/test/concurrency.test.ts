import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from './child-server';
import {
  countRows,
  expectConsistent,
  type Json,
  json,
  postFile,
  postJson,
  sleep,
  waitFor,
} from './crash-harness';
import { TABULAR, tempDir } from './helpers';

/**
 * SECURITY-TESTS.md R7 and issue 9: 20 concurrent uploads and 10 concurrent trainings against a real server
 * over HTTP. Each upload is its own data set (same file name, different or equal content: distinct ids, no
 * overwrite); each training finishes, or is refused with 429 TOO_BUSY and a Retry-After that, honoured, gets
 * it through.
 */
let server: ChildServer | null = null;
afterEach(async () => {
  await server?.kill();
  server = null;
});

const MAX_QUEUED = 4;

describe('concurrency', () => {
  it('20 concurrent uploads: distinct data sets, each with its own rows', async () => {
    const dataDir = tempDir('quarry-conc-up-');
    server = await startChildServer(dataDir);
    const url = server.url;
    // Uploads 0–9 differ (k + 3 rows); 10–19 are one identical file. All are called 'same.csv'.
    const rowsOf = (k: number) => (k < 10 ? k + 3 : 20);
    const csvOf = (k: number) =>
      ['a,b', ...Array.from({ length: rowsOf(k) }, (_, i) => `${i},${k < 10 ? k : 'x'}`)].join('\n');
    const answers = await Promise.all(
      Array.from({ length: 20 }, async (_, k) => {
        const res = await postFile(`${url}/api/datasets`, 'same.csv', csvOf(k));
        return { k, status: res.status, body: (await res.json()) as Json };
      }),
    );
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(201);
    const ids = answers.map((a) => a.body.id);
    expect(new Set(ids).size).toBe(20);
    for (const a of answers) {
      expect(a.body.nRows).toBe(rowsOf(a.k));
      expect(await countRows(url, a.body.id)).toBe(rowsOf(a.k));
    }
    const datasets = await expectConsistent(url, dataDir);
    expect(datasets).toHaveLength(20);
  }, 120_000);

  it('5 concurrent cleaning steps on one data set: 5 distinct versions of its lineage', async () => {
    const dataDir = tempDir('quarry-conc-steps-');
    server = await startChildServer(dataDir);
    const url = server.url;
    const csv = ['a,b,c,d,e,f', ...Array.from({ length: 50 }, (_, i) => `${i},${i},${i},${i},${i},${i}`)];
    const base: Json = await (await postFile(`${url}/api/datasets`, 'wide.csv', csv.join('\n'))).json();
    const columns = ['b', 'c', 'd', 'e', 'f'];
    const answers = await Promise.all(
      columns.map(async (column) => {
        const res = await postJson(`${url}/api/datasets/${base.id}/steps`, {
          step: { op: 'drop', columns: [column] },
        });
        return { column, status: res.status, body: (await res.json()) as Json };
      }),
    );
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(201);
    for (const a of answers)
      expect(a.body.columns.map((c: Json) => c.name)).toEqual([
        'a',
        ...columns.filter((c) => c !== a.column),
      ]);
    const { versions } = await json(`${url}/api/datasets/${base.id}/versions`);
    const numbers = versions.map((v: Json) => v.version);
    expect(new Set(numbers).size).toBe(6); // the upload and five steps, none sharing a number
    await expectConsistent(url, dataDir);
  }, 120_000);

  it(`10 concurrent trainings with maxQueuedJobs ${MAX_QUEUED}: each finishes, or is refused with 429 and Retry-After`, async () => {
    const dataDir = tempDir('quarry-conc-train-');
    server = await startChildServer(dataDir, { QUARRY_MAX_QUEUED_JOBS: String(MAX_QUEUED) });
    const url = server.url;
    const boston: Json = await (
      await postFile(`${url}/api/datasets`, 'boston.csv', await readFile(join(TABULAR, 'boston.csv')))
    ).json();
    const submit = (seed: number) =>
      postJson(`${url}/api/jobs/train`, { datasetId: boston.id, target: 'cmedv', model: 'tree', seed });

    const first = await Promise.all(Array.from({ length: 10 }, (_, seed) => submit(seed)));
    const accepted: Json[] = [];
    const refused: number[] = [];
    for (const [seed, res] of first.entries()) {
      if (res.status === 202) accepted.push(await res.json());
      else {
        expect(res.status).toBe(429);
        const body: Json = await res.json();
        expect(body.code).toBe('TOO_BUSY');
        expect(body.message).toContain(`maxQueuedJobs = ${MAX_QUEUED}`);
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        refused.push(seed);
      }
    }
    // The bound held under a burst: never more accepted than it allows, and the rest were told to come back.
    expect(accepted.length).toBeLessThanOrEqual(MAX_QUEUED);
    expect(refused.length).toBeGreaterThanOrEqual(10 - MAX_QUEUED);

    // Honour Retry-After (scaled down for the test) until every refused training is in.
    for (const seed of refused) {
      for (;;) {
        const res = await submit(seed);
        if (res.status === 202) {
          accepted.push(await res.json());
          break;
        }
        expect(res.status).toBe(429);
        await sleep(250);
      }
    }
    expect(accepted).toHaveLength(10);
    const finished = await Promise.all(
      accepted.map((job) =>
        waitFor(async () => {
          const j = await json(`${url}/api/jobs/${job.id}`);
          return ['queued', 'running'].includes(j.status) ? undefined : j;
        }, 180_000),
      ),
    );
    for (const j of finished) expect(j.status, JSON.stringify(j.error)).toBe('succeeded');
    const { models } = await json(`${url}/api/models`);
    expect(models).toHaveLength(10);
    expect(new Set(models.map((m: Json) => m.version)).size).toBe(10); // versions 1..10, none overwritten
  }, 240_000);
});
