import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { workbook, zip } from '../../test/hostile/zip-writer';
import { parseLimits } from './limits';
import { parseUntrusted } from './parse-untrusted';

/** The child-process parser end to end: a real child, a real DuckDB in it, the Parquet file it writes. */
const setup = (name: string, content: string | Buffer) => {
  const tmpDir = tempDir();
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return { tmpDir, path };
};

async function readParquet(path: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const c = await instance.connect();
    return (await c.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowsJS();
  } finally {
    instance.closeSync();
  }
}

/** Live parser children of this process (their command line names parse-child.mjs). */
async function childPids(): Promise<number[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && cmd.includes('parse-child.mjs')) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

const codeOf = async (promise: Promise<unknown>): Promise<{ code: string; message: string }> => {
  try {
    await promise;
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error('no error');
};

describe('parseUntrusted', () => {
  it('writes every value as text, missing values as NULL, with safe names and the renames', async () => {
    const { tmpDir, path } = setup('a.csv', '__proto__,b,b\n1,NA,x\n2.5,,"y,z"\n');
    const parsed = await parseUntrusted({ path, fileName: 'a.csv', format: 'csv', tmpDir });
    try {
      expect(parsed.names).toEqual(['proto_column', 'b', 'b_2']);
      expect(parsed.renames).toEqual([
        { from: '__proto__', to: 'proto_column' },
        { from: 'b', to: 'b_2' },
      ]);
      expect(parsed.nRows).toBe(2);
      expect(await readParquet(parsed.path)).toEqual([
        ['1', null, 'x'],
        ['2.5', null, 'y,z'],
      ]);
    } finally {
      await parsed.discard();
    }
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('reads an .xlsx in the child, after the zip preflight', async () => {
    const { tmpDir, path } = setup(
      'b.xlsx',
      zip(
        workbook([
          ['x', 'y'],
          ['1', 'one'],
          ['2', 'two'],
        ]),
      ),
    );
    const parsed = await parseUntrusted({ path, fileName: 'b.xlsx', format: 'xlsx', tmpDir });
    try {
      expect(parsed.names).toEqual(['x', 'y']);
      expect(await readParquet(parsed.path)).toEqual([
        ['1', 'one'],
        ['2', 'two'],
      ]);
    } finally {
      await parsed.discard();
    }
  });

  it('brings catalog errors back from the child as themselves, and removes the scratch directory', async () => {
    const { tmpDir, path } = setup('r.csv', 'a,b\n1,2\n3,4,5\n');
    const err = await codeOf(parseUntrusted({ path, fileName: 'r.csv', format: 'csv', tmpDir }));
    expect(err.code).toBe('RAGGED_ROWS');
    expect(err.message).toContain("'r.csv'");
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('refuses a NUL byte past the sniffed head, also in a file DuckDB would refuse for another reason', async () => {
    // The scan runs beside DuckDB's read (convert.ts): its verdict must still decide the answer.
    const rows = Array.from({ length: 50_000 }, (_, i) => `${i},v${i}`).join('\n');
    for (const [tail, what] of [
      ['\n7,a\u0000b\n', 'otherwise readable'],
      ['\n7,a\u0000b,9\n', 'ragged too'],
    ]) {
      const { tmpDir, path } = setup('n.csv', `a,b\n${rows}${tail}`);
      const err = await codeOf(parseUntrusted({ path, fileName: 'n.csv', format: 'csv', tmpDir }));
      expect(err.code, what).toBe('UNREADABLE_FILE');
      expect(err.message, what).toContain('NUL byte at offset');
      expect(readdirSync(tmpDir)).toEqual([]);
    }
  });

  it('refuses a value over the cell limit, naming its column', async () => {
    const { tmpDir, path } = setup('c.csv', `a,long\n1,${'x'.repeat(2000)}\n`);
    const limits = { ...parseLimits(), maxCellBytes: 1000 };
    const err = await codeOf(parseUntrusted({ path, fileName: 'c.csv', format: 'csv', tmpDir }, limits));
    expect(err.code).toBe('CELL_TOO_LONG');
    expect(err.message).toContain("column 'long'");
  });

  it('refuses a Parquet file whose footer declares more values or bytes than the limits, before reading it', async () => {
    const { tmpDir, path } = setup('p.parquet', '');
    const instance = await DuckDBInstance.create(':memory:');
    await (await instance.connect()).run(
      `COPY (SELECT i AS a, i AS b FROM range(1000) t(i)) TO '${path}' (FORMAT parquet)`,
    );
    instance.closeSync();
    const cells = await codeOf(
      parseUntrusted(
        { path, fileName: 'p.parquet', format: 'parquet', tmpDir },
        { ...parseLimits(), maxParquetCells: 1999 },
      ),
    );
    expect(cells.message).toMatch(/declares 2\.00e\+3 values/);
    const bytes = await codeOf(
      parseUntrusted(
        { path, fileName: 'p.parquet', format: 'parquet', tmpDir },
        { ...parseLimits(), maxParquetUncompressedBytes: 100 },
      ),
    );
    expect(bytes.message).toMatch(/MiB uncompressed; the limit is 0 MiB/);
    const ok = await parseUntrusted({ path, fileName: 'p.parquet', format: 'parquet', tmpDir });
    expect(ok.nRows).toBe(1000);
    await ok.discard();
  });

  it('runs at most maxParallel children at once; the others wait their turn and all finish', async () => {
    const { tmpDir, path } = setup('q.csv', 'a,b\n1,2\n3,4\n');
    const limits = { ...parseLimits(), maxParallel: 2 };
    const before = new Set(await childPids());
    let peak = 0;
    const watch = setInterval(async () => {
      const now = (await childPids()).filter((pid) => !before.has(pid));
      peak = Math.max(peak, now.length);
    }, 20);
    try {
      const all = await Promise.all(
        Array.from({ length: 6 }, () =>
          parseUntrusted({ path, fileName: 'q.csv', format: 'csv', tmpDir }, limits),
        ),
      );
      expect(all.map((p) => p.nRows)).toEqual([2, 2, 2, 2, 2, 2]);
      await Promise.all(all.map((p) => p.discard()));
    } finally {
      clearInterval(watch);
    }
    // Two parsing plus, at most, the spare started after one finished.
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(3);
  });

  it('kills a child that runs out of time: 422 FILE_PARSE_TIMEOUT, nothing left behind', async () => {
    const { tmpDir, path } = setup('t.csv', 'a\n1\n');
    const limits = { ...parseLimits(), timeoutMs: 1 };
    const err = await codeOf(parseUntrusted({ path, fileName: 't.csv', format: 'csv', tmpDir }, limits));
    expect(err.code).toBe('FILE_PARSE_TIMEOUT');
    expect(readdirSync(tmpDir)).toEqual([]);
  });

  it('turns a child that dies of its heap cap into 422 FILE_UNREADABLE, and the caller lives on', async () => {
    // 300 000 distinct shared strings: exceljs caches them all, far past a 16 MB heap.
    const rows = [
      ['s'],
      ...Array.from({ length: 300_000 }, (_, i) => [`value number ${i} ${'x'.repeat(40)}`]),
    ];
    const { tmpDir, path } = setup('m.xlsx', zip(workbook(rows)));
    const limits = { ...parseLimits(), heapMb: 16 };
    const err = await codeOf(parseUntrusted({ path, fileName: 'm.xlsx', format: 'xlsx', tmpDir }, limits));
    expect(err.code).toBe('FILE_UNREADABLE');
    expect(err.message).toMatch(/'m.xlsx' could not be read safely: .*(memory|signal|exited)/);
    expect(readdirSync(tmpDir)).toEqual([]);
  }, 60_000);
});
