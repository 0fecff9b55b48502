import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freeDiskBytes, isWriteRequest } from '../src/store/disk-guard';
import { type ChildServer, QUARRY_BIN, startChildServer } from './child-server';
import { type Json, json, postFile, postJson } from './crash-harness';
import { tempDir } from './helpers';

/**
 * Start-up and disk guards: a second server on a data directory in use stops with a clear message and touches
 * nothing (SECURITY-TESTS.md R8); below `minFreeDiskBytes` free, writes are refused with 507 DISK_FULL before
 * they start (R5), while reads, sign-in and deletes still work.
 */
let server: ChildServer | null = null;
afterEach(async () => {
  await server?.kill();
  server = null;
});

/** Runs `quarry start` to its exit; resolves to its exit code and everything it printed. */
function runToExit(dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [QUARRY_BIN, 'start', '--port', '0', '--data-dir', dataDir], {
      env: { ...process.env, QUARRY_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('R8: a second server on the same data directory', () => {
  it('exits with "data directory is in use by PID …" and leaves the first one’s files alone', async () => {
    const dataDir = tempDir('quarry-r8-');
    server = await startChildServer(dataDir);
    // A file standing in for an upload the first server is receiving right now.
    writeFileSync(join(dataDir, 'tmp', 'in-flight.upload'), 'a,b\n1,2\n');

    const second = await runToExit(dataDir);
    expect(second.code).toBe(1);
    expect(second.output).toContain(`data directory ${dataDir} is in use by PID ${server.process.pid}`);
    expect(second.output).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual(['in-flight.upload']);
    // The first server is unharmed.
    expect((await fetch(`${server.url}/api/datasets`)).status).toBe(200);
  }, 120_000);
});

describe('R4: a write-ahead log that cannot be replayed', () => {
  it('stops start-up naming both files, deletes nothing, keeps a copy; moving the log away starts it', async () => {
    const dataDir = tempDir('quarry-r4-');
    server = await startChildServer(dataDir);
    const before: Json = await (
      await postFile(`${server.url}/api/datasets`, 'kept.csv', 'a,b\n1,2\n')
    ).json();
    await server.stop(); // graceful: checkpointed, the upload is in the database file
    server = await startChildServer(dataDir);
    await postFile(`${server.url}/api/datasets`, 'after.csv', 'a,b\n3,4\n');
    await server.kill(); // the second upload is only in the log
    server = null;

    const wal = join(dataDir, 'quarry.duckdb.wal');
    expect(existsSync(wal)).toBe(true);
    const bytes = readFileSync(wal);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff; // one flipped byte: its entry's checksum fails
    writeFileSync(wal, bytes);

    const refused = await runToExit(dataDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`write-ahead log ${wal} cannot be replayed`);
    expect(refused.output).toContain(join(dataDir, 'quarry.duckdb'));
    expect(refused.output).not.toMatch(/\n\s+at /);
    expect(readFileSync(wal)).toEqual(bytes); // deleted nothing, changed nothing
    const copies = readdirSync(dataDir).filter((f) => f.startsWith('quarry.duckdb.wal.corrupt-'));
    expect(copies).toHaveLength(1);
    expect(readFileSync(join(dataDir, copies[0]))).toEqual(bytes);

    // The user's choice, as the message describes it: move the log away, start from the last checkpoint.
    renameSync(wal, join(tempDir('quarry-r4-kept-'), 'quarry.duckdb.wal'));
    server = await startChildServer(dataDir);
    const names = (await json(`${server.url}/api/datasets`)).datasets.map((d: Json) => d.id);
    expect(names).toContain(before.id);
  }, 120_000);
});

describe('free-disk guard', () => {
  it('refuses uploads and job submissions with 507 DISK_FULL below the threshold; reads still work', async () => {
    const dataDir = tempDir('quarry-disk-');
    // A threshold above the free space on this disk: the guard must trip.
    const free = await freeDiskBytes(tempDir());
    server = await startChildServer(dataDir, { QUARRY_MIN_FREE_DISK_BYTES: String(free * 4) });

    const upload = await postFile(`${server.url}/api/datasets`, 'a.csv', 'a,b\n1,2\n');
    expect(upload.status).toBe(507);
    const body: Json = await upload.json();
    expect(body.code).toBe('DISK_FULL');
    expect(body.message).toMatch(/free some space/i);
    expect(body.message).toContain(dataDir);

    const train = await postJson(`${server.url}/api/jobs/train`, { datasetId: 'x', target: 'y' });
    expect(train.status).toBe(507);
    const importModel = await postFile(`${server.url}/api/models/import`, 'm.json', '{}');
    expect(importModel.status).toBe(507);

    expect((await json(`${server.url}/api/datasets`)).datasets).toEqual([]);
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]); // nothing was written
  }, 120_000);

  it('lets the same upload through at the default threshold (and start-up sweeps partial files)', async () => {
    const dataDir = tempDir('quarry-disk-ok-');
    // Leftovers of a crash in the SQL view's Parquet cache: a copy cut short, beside a finished one.
    const exportsDir = join(dataDir, 'sql', 'exports');
    mkdirSync(exportsDir, { recursive: true });
    writeFileSync(join(exportsDir, 'x-abc.parquet.1234.partial'), 'PAR1 cut short');
    writeFileSync(join(exportsDir, 'x-abc.parquet'), 'PAR1');
    server = await startChildServer(dataDir);
    expect(readdirSync(exportsDir)).toEqual(['x-abc.parquet']);
    const upload = await postFile(`${server.url}/api/datasets`, 'a.csv', 'a,b\n1,2\n');
    expect(upload.status).toBe(201);
  }, 120_000);

  it('counts POST, PUT and PATCH under /api as writes, not DELETE, sign-in or served predictions', () => {
    expect(isWriteRequest({ method: 'POST', url: '/api/datasets' })).toBe(true);
    expect(isWriteRequest({ method: 'PATCH', url: '/api/datasets/x?y=1' })).toBe(true);
    expect(isWriteRequest({ method: 'POST', url: '/api/models/x/predict' })).toBe(true);
    expect(isWriteRequest({ method: 'GET', url: '/api/datasets' })).toBe(false);
    expect(isWriteRequest({ method: 'DELETE', url: '/api/datasets/x' })).toBe(false);
    expect(isWriteRequest({ method: 'POST', url: '/api/session' })).toBe(false);
    expect(isWriteRequest({ method: 'POST', url: '/api/models/churn/production/predict' })).toBe(false);
    expect(isWriteRequest({ method: 'POST', url: '/api/models/churn/versions/3/predict' })).toBe(false);
  });
});
