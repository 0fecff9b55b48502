import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { writeFileAtomic } from './atomic-file';
import { DataDirInUseError, inUseError } from './db';
import { SerialQueue } from './serial';

describe('SerialQueue', () => {
  it('runs writes under one key one after another, and keys independently', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const step = (name: string, ms: number) =>
      queue.run(name.slice(0, 1), async () => {
        log.push(`${name} start`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name} end`);
      });
    await Promise.all([step('a1', 30), step('a2', 1), step('b1', 5)]);
    // a2 waits for a1 although it is quicker; b1 (another key) does not wait for either.
    expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
    expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
  });

  it('moves on after a failed write', async () => {
    const queue = new SerialQueue();
    await expect(queue.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run('k', async () => 'next')).toBe('next');
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const dir = tempDir('quarry-atomic-');
    const path = join(dir, 'model.json');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, '{"new":true}');
    expect(readFileSync(path, 'utf8')).toBe('{"new":true}');
    expect(readdirSync(dir)).toEqual(['model.json']);
  });

  it('leaves what was there, and no temporary file, when the rename fails', async () => {
    const dir = tempDir('quarry-atomic-');
    const path = join(dir, 'model.json');
    mkdirSync(path); // a non-empty directory in the way: the rename fails (as root too)
    writeFileSync(join(path, 'inside'), 'old');
    await expect(writeFileAtomic(path, 'new')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['model.json']);
    expect(readFileSync(join(path, 'inside'), 'utf8')).toBe('old');
  });
});

describe('the data directory lock', () => {
  it("turns DuckDB's lock conflict into 'data directory … is in use by PID …'", () => {
    const err = inUseError(
      new Error(
        'IO Error: Could not set lock on file "/d/quarry.duckdb": Conflicting lock is held in /usr/bin/node (PID 4242). See also https://duckdb.org/docs',
      ),
      '/d',
    );
    expect(err).toBeInstanceOf(DataDirInUseError);
    expect(err?.message).toMatch(/^data directory \/d is in use by PID 4242 /);
    expect(inUseError(new Error('IO Error: disk I/O error'), '/d')).toBeUndefined();
  });
});
