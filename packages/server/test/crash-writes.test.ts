import { readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { type ChildServer, startChildServer } from './child-server';
import {
  bigCsv,
  childrenOf,
  expectConsistent,
  expectModelIntact,
  isAlive,
  type Json,
  json,
  postFile,
  postJson,
  seeded,
  sleep,
  waitFor,
} from './crash-harness';
import { TABULAR, tempDir } from './helpers';

/**
 * SECURITY-TESTS.md R2 and R3: `kill -9` of a real server while DuckDB loads a large upload (after the whole
 * multipart body has arrived; crash.test.ts covers the body still arriving) and while jobs write models (a
 * leaderboard's save job, a training job's final write), at seeded random moments. After each restart: nothing
 * unacknowledged is half there, every succeeded job's model verifies, no model exists without its job, and
 * every job that was cut short says so.
 */
let server: ChildServer | null = null;
afterEach(async () => {
  await server?.kill();
  server = null;
});

/** Sends a whole multipart upload; resolves when the last byte is handed to the kernel (not when answered). */
function sendUpload(url: string, name: string, content: Buffer): Promise<{ answered: Promise<number> }> {
  const { hostname, port } = new URL(url);
  const boundary = 'crashboundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const req = request({
    host: hostname,
    port,
    method: 'POST',
    path: '/api/datasets',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  const answered = new Promise<number>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });
  return new Promise((resolve) => {
    req.write(head);
    req.write(content);
    req.end(tail, () => resolve({ answered }));
  });
}

/** Data-set tables that no data set names (after a graceful stop, read straight from the database file). */
async function orphanTables(dataDir: string): Promise<string[]> {
  const db = await DuckDBInstance.create(join(dataDir, 'quarry.duckdb'));
  const c = await db.connect();
  try {
    const reader = await c.runAndReadAll(
      `SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'ds\\_%' ESCAPE '\\'
       AND table_name NOT IN (SELECT table_name FROM datasets)`,
    );
    return reader.getRowObjectsJS().map((r) => String(r.table_name));
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

describe('kill -9 during writes', () => {
  it('R2: an upload killed while DuckDB loads it is absent after restart, never partly there', async () => {
    const dataDir = tempDir('quarry-crash-r2-');
    const random = seeded(7);
    const big = bigCsv(200_000);
    server = await startChildServer(dataDir);
    const kept: Json = await (
      await postFile(`${server.url}/api/datasets`, 'small.csv', 'a,b\n1,2\n3,4\n')
    ).json();
    const outcomes: string[] = [];
    for (let round = 0; round < 3; round++) {
      const { answered } = await sendUpload(server.url, `big-${round}.csv`, big);
      // The body has left; once the scratch file holds all of it, the server is loading it into DuckDB.
      await waitFor(async () => {
        const files = readdirSync(join(dataDir, 'tmp')).map((f) => statSync(join(dataDir, 'tmp', f)).size);
        return files.some((size) => size >= big.length) ? true : undefined;
      }, 60_000).catch(() => undefined);
      await sleep(random() * 1500);
      const status = await Promise.race([answered, sleep(0).then(() => -1)]);
      // Parser children of the server (untrusted files are parsed in a child process) must not outlive it.
      const children = childrenOf(server.process.pid as number);
      await server.kill();
      outcomes.push(`${status === 201 ? 'acknowledged' : 'killed'} (${children.length} child processes)`);
      await waitFor(async () => (children.some(isAlive) ? undefined : true), 20_000).catch(() => undefined);
      expect(children.filter(isAlive), 'orphaned parser processes').toEqual([]);

      server = await startChildServer(dataDir);
      const datasets = await expectConsistent(server.url, dataDir);
      const names = datasets.map((d: Json) => d.name);
      expect(names).toContain(kept.name);
      // Acknowledged → there with every row; not acknowledged → there whole or not at all (never partial).
      const it = datasets.find((d: Json) => d.name === `big-${round}`);
      if (status === 201) expect(it?.nRows).toBe(200_000);
      if (it !== undefined) expect(it.nRows).toBe(200_000);
    }
    console.log(`R2 load-phase kills: ${outcomes.join(', ')}`);
    await server.stop();
    server = null;
    expect(await orphanTables(dataDir)).toEqual([]);
  }, 240_000);

  it('R9: SIGTERM during training stops admitting, then records the job as interrupted by the shutdown', async () => {
    const dataDir = tempDir('quarry-crash-r9-');
    server = await startChildServer(dataDir);
    const big: Json = await (await postFile(`${server.url}/api/datasets`, 'big.csv', bigCsv(60_000))).json();
    const job: Json = await (
      await postJson(`${server.url}/api/jobs/train`, {
        datasetId: big.id,
        target: 'y',
        model: 'forest',
        seed: 1,
      })
    ).json();
    await waitFor(async () =>
      (await json(`${server!.url}/api/jobs/${job.id}`)).status === 'running' ? true : undefined,
    );
    const t0 = performance.now();
    await server.stop(); // SIGTERM: graceful
    const graceMs = performance.now() - t0;

    server = await startChildServer(dataDir);
    const after = await json(`${server.url}/api/jobs/${job.id}`);
    expect(after.status).toBe('interrupted');
    expect(after.message).toMatch(/shut down/i);
    expect(after.finishedAt).not.toBeNull();
    await expectConsistent(server.url, dataDir);
    console.log(`R9: SIGTERM with a running training: stopped in ${Math.round(graceMs)} ms`);
  }, 180_000);

  it('R9: a job killed between its model commit and its own status write is completed at start, not orphaned', async () => {
    const dataDir = tempDir('quarry-crash-r9b-');
    server = await startChildServer(dataDir);
    const boston: Json = await (
      await postFile(`${server.url}/api/datasets`, 'boston.csv', await readFile(join(TABULAR, 'boston.csv')))
    ).json();
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
    expect(done.status).toBe('succeeded');
    await server.stop();
    server = null;
    // The exact state a kill -9 leaves in that window: the version committed, the job row still 'running'.
    const db = await DuckDBInstance.create(join(dataDir, 'quarry.duckdb'));
    const c = await db.connect();
    await c.run("UPDATE jobs SET status = 'running', result = NULL, finished_at = NULL WHERE id = $1", [
      job.id,
    ]);
    c.closeSync();
    db.closeSync();

    server = await startChildServer(dataDir);
    const after = await json(`${server.url}/api/jobs/${job.id}`);
    expect(after.status).toBe('succeeded');
    expect(after.result).toEqual({ modelId: done.result.modelId });
    expect(after.message).toMatch(/saved just before the server stopped/);
    const { models } = await json(`${server.url}/api/models`);
    expect(models.map((m: Json) => m.id)).toEqual([done.result.modelId]);
  }, 180_000);

  it('R3: jobs killed while saving models leave whole, verified models or interrupted jobs', async () => {
    const dataDir = tempDir('quarry-crash-r3-');
    const random = seeded(11);
    const outcomes: string[] = [];
    server = await startChildServer(dataDir);
    const boston: Json = await (
      await postFile(`${server.url}/api/datasets`, 'boston.csv', await readFile(join(TABULAR, 'boston.csv')))
    ).json();
    const lbJob: Json = await (
      await postJson(`${server.url}/api/jobs/leaderboard`, {
        datasetId: boston.id,
        target: 'cmedv',
        families: ['linear', 'tree'],
        cv: { strategy: 'kfold', k: 3 },
      })
    ).json();
    const lb = await waitFor(async () => {
      const j = await json(`${server!.url}/api/jobs/${lbJob.id}`);
      return ['queued', 'running'].includes(j.status) ? undefined : j;
    });
    expect(lb.status, JSON.stringify(lb)).toBe('succeeded');

    for (let round = 0; round < 4; round++) {
      // Two writers of models at once: a leaderboard save (refit + insert) and a training job's final write.
      const save = await postJson(`${server.url}/api/leaderboards/${lb.result.leaderboardId}/save`, {
        family: round % 2 === 0 ? 'tree' : 'linear',
      });
      expect(save.status, await save.clone().text()).toBe(202);
      const train = await postJson(`${server.url}/api/jobs/train`, {
        datasetId: boston.id,
        target: 'cmedv',
        model: 'tree',
        seed: round,
      });
      expect(train.status).toBe(202);
      // Aim at the final write: once either job is near its end (progress ≥ 0.9) or done, kill within 0–600 ms.
      const ids = [((await save.json()) as Json).id, ((await train.json()) as Json).id];
      const url = server.url;
      await waitFor(async () => {
        const states = await Promise.all(ids.map((id) => json(`${url}/api/jobs/${id}`)));
        return states.some((j) => j.progress >= 0.9 || ['succeeded', 'failed'].includes(j.status))
          ? true
          : undefined;
      });
      await sleep(random() * 600);
      await server.kill();

      server = await startChildServer(dataDir);
      await expectConsistent(server.url, dataDir);
      const { jobs } = await json(`${server.url}/api/jobs`);
      const modelIds = new Set<string>();
      for (const job of jobs) {
        expect(['succeeded', 'interrupted'], `${job.kind} ${job.id}`).toContain(job.status);
        if (job.status === 'interrupted') expect(job.message).toMatch(/interrupted/i);
        if (job.status === 'succeeded' && job.result?.modelId) modelIds.add(job.result.modelId);
      }
      // Every succeeded job's model is whole; no model exists that no job finished (no orphan versions).
      const { models } = await json(`${server.url}/api/models`);
      expect(new Set(models.map((m: Json) => m.id))).toEqual(modelIds);
      for (const id of modelIds) await expectModelIntact(server.url, id);
      outcomes.push(jobs.map((j: Json) => `${j.kind}:${j.status}`).join(' '));
    }
    console.log(`R3 rounds (newest job first):\n${outcomes.join('\n')}`);
  }, 240_000);
});
