import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { sniff } from '../datasets/formats';
import { sourceSelect } from '../datasets/ingest';
import { type CsvCaps, defaultCaps, openCsv } from './strict-csv';

const dir = tempDir('quarry-strict-csv-');
let k = 0;
function file(text: string | Buffer): string {
  const path = join(dir, `f${k++}.csv`);
  writeFileSync(path, text);
  return path;
}

async function readAll(path: string, caps?: CsvCaps) {
  const csv = await openCsv(path, 'f.csv', undefined, caps);
  const rows: (string | null)[][] = [];
  for await (const { nRows, cells } of csv.batches(1000)) {
    const p = csv.names.length;
    for (let i = 0; i < nRows; i++) rows.push(cells.slice(i * p, (i + 1) * p));
  }
  return { names: csv.names, rows };
}

/** The same file through DuckDB's read_csv with the data-set loader's options (datasets/ingest.ts). */
async function duckdb(path: string) {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const c = await instance.connect();
    const head = await sniff(path, 'f.csv', 'csv');
    const { select, names } = await sourceSelect(c, {
      path,
      fileName: 'f.csv',
      format: 'csv',
      head,
      maxLineBytes: 8 * 1024 * 1024,
    });
    const rows = (await c.runAndReadAll(select)).getRowsJS() as (string | null)[][];
    return { names, rows };
  } finally {
    instance.closeSync();
  }
}

const code = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (err: { code?: string }) => err.code,
  );

describe('strict CSV reader', () => {
  it('reads every cell as DuckDB does, across read-buffer boundaries (a 3 MB file)', async () => {
    const values = [
      'plain',
      '"a, b"',
      '"two\nlines"',
      '"say ""hi"""',
      'NA',
      '""',
      ' padded ',
      '"NULL"',
      '#N/A',
      '1e5',
    ];
    const lines = ['id,"name, quoted",note,n'];
    for (let i = 0, size = 0; size < 3 * 1024 * 1024; i++, size += lines[lines.length - 1].length)
      lines.push(
        `${i},${values[i % values.length]},${values[(i * 7) % values.length]},${i % 13 === 0 ? '' : i / 8}`,
      );
    const path = file(`\ufeff${lines.join('\r\n')}\r\n`);
    const ours = await readAll(path);
    const theirs = await duckdb(path);
    expect(ours.names).toEqual(theirs.names);
    expect(ours.rows.length).toBe(lines.length - 1);
    expect(ours.rows).toEqual(theirs.rows);
  });

  it('skips blank lines, keeps a last line without a line break, and reads TSV with the tab given', async () => {
    expect((await readAll(file('a,b\n1,2\n\n3,4'))).rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    const tsv = await openCsv(file('a\tb\nx y\t"q"\n'), 'f.tsv', '\t');
    expect(tsv.names).toEqual(['a', 'b']);
    for await (const batch of tsv.batches(10)) expect(batch.cells).toEqual(['x y', 'q']);
  });

  it('refuses what the loader refuses, with its error codes', async () => {
    expect(await code(readAll(file('a,b\n1,2,3\n')))).toBe('RAGGED_ROWS');
    expect(await code(readAll(file('a,b\n1\n')))).toBe('RAGGED_ROWS');
    expect(await code(readAll(file('a,b\n1,"x"y\n')))).toBe('UNREADABLE_FILE');
    expect(await code(readAll(file('a,b\n1,"open\n')))).toBe('UNREADABLE_FILE');
    expect(await code(readAll(file('a,b\n1,\u0000\n')))).toBe('UNREADABLE_FILE');
    expect(await code(readAll(file(Buffer.from([0x61, 0x0a, 0xff, 0x0a]))))).toBe('UNREADABLE_FILE');
    expect(await code(readAll(file('')))).toBe('EMPTY_FILE');
  });

  it('bounds every record, value and column count (the caps of the child-process parser)', async () => {
    const caps = { ...defaultCaps(), maxLineChars: 100, maxCellChars: 40, maxColumns: 5 };
    expect(await code(readAll(file(`a,b\n1,${'x'.repeat(50)}\n`), caps))).toBe('CELL_TOO_LONG');
    const wide = { ...caps, maxCellChars: 1000 };
    expect(await code(readAll(file(`a,b\n1,"${'x,'.repeat(60)}"\n`), wide))).toBe('LINE_TOO_LONG');
    // An unclosed quote cannot make the reader hold the rest of a large file: the record cap ends it.
    expect(await code(readAll(file(`a,b\n1,"${'x\n'.repeat(1_100_000)}`), wide))).toBe('LINE_TOO_LONG');
    expect(await code(readAll(file('a,b,c,d,e,f\n1,2,3,4,5,6\n'), caps))).toBe('TOO_MANY_COLUMNS');
    expect(defaultCaps()).toMatchObject({
      maxLineChars: 8 * 1024 * 1024,
      maxCellChars: 1024 * 1024,
      maxColumns: 2000,
    });
  });
});
