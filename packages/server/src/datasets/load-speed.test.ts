import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { ident, Store } from '../store/db';
import { columnStats } from './column-stats';
import { castTrimmed } from './column-types';
import { DatasetService } from './service';

/**
 * The shortcuts taken for the speed of upload and profile (docs/decisions.md, "Upload and profile speed") give the same answers as the
 * plain forms they replace.
 */
describe('castTrimmed', () => {
  it('equals TRY_CAST(trim(x)) on padded numbers, dates and text', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    const blanks = ['', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u2009', ' \t', '\u00a0 ', '\v'];
    const cores = [
      '42',
      '-1.5',
      '1e3',
      '.5',
      '+7',
      '1_000',
      'nan',
      'inf',
      '0x10',
      '2024-01-02',
      '2024-01-02 03:04:05',
      '2024-01-02T03:04:05Z',
      '2024-01-02 03:04:05.123',
      '03:04:05',
      'infinity',
      '1 2',
      'abc',
      '',
      'yes',
    ];
    const values = blanks.flatMap((a) => blanks.flatMap((b) => cores.map((core) => a + core + b)));
    await c.run('CREATE TABLE v (x VARCHAR)');
    const appender = await c.createAppender('v');
    for (const v of values) {
      appender.appendVarchar(v);
      appender.endRow();
    }
    appender.closeSync();
    for (const type of ['DOUBLE', 'TIMESTAMP'] as const) {
      const row = (
        await c.runAndReadAll(
          `SELECT count(*) AS n, count(TRY_CAST(trim(x) AS ${type})) AS parsed,
             count(*) FILTER (WHERE TRY_CAST(trim(x) AS ${type}) IS DISTINCT FROM ${castTrimmed('x', type)}) AS differ
           FROM v`,
        )
      ).getRowObjectsJS()[0];
      expect(Number(row.n)).toBe(values.length);
      expect(Number(row.parsed)).toBeGreaterThan(500); // the check covers values that parse, padded ones too
      expect(Number(row.differ)).toBe(0);
    }
    instance.closeSync();
  });
});

describe('columnStats reading values as stored', () => {
  it('gives the stats of the trimmed values, whatever blanks pad them', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    // Every blank that trim removes (Unicode Zs) and some it keeps (tab, newline), at either end, in a few rows of
    // columns that are otherwise plain: yes/no words, numbers, dates, categories, text with non-ASCII letters.
    const blanks = [
      ' ',
      '\u00a0',
      '\u1680',
      '\u2000',
      '\u2009',
      '\u200a',
      '\u202f',
      '\u205f',
      '\u3000',
      '\t',
      '\n',
    ];
    const cores = (i: number) => [
      i % 2 ? 'yes' : 'no',
      String((i % 97) / 4),
      `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      `city_${i % 30}`,
      `café crème ${i % 7} au lait et sucre, très chaud`,
      String(i + 1),
    ];
    const columns = ['yes_no', 'num', 'day', 'city', 'text', 'id'];
    await c.run(`CREATE TABLE raw (${columns.map((n) => `${n} VARCHAR`).join(', ')})`);
    const appender = await c.createAppender('raw');
    for (let i = 0; i < 3000; i++) {
      cores(i).forEach((core, j) => {
        const blank = blanks[(i + j) % blanks.length];
        // one column per row at most: each column still has unpadded values, and some padded ones at each end
        const value = i % 50 === j ? (i % 100 < 50 ? blank + core : core + blank) : core;
        appender.appendVarchar(value);
      });
      appender.endRow();
    }
    appender.closeSync();
    await c.run(
      `CREATE TABLE trimmed AS SELECT ${columns.map((n) => `trim(${n}) AS ${n}`).join(', ')} FROM raw`,
    );
    const padded = await columnStats(c, 'raw', columns, 3000);
    const reference = await columnStats(c, 'trimmed', columns, 3000);
    expect(padded).toEqual(reference);
    // Read untrimmed, the padded values would be values of their own: a missed padded value fails the check.
    const raw = await c.runAndReadAll('SELECT count(DISTINCT yes_no) AS n FROM raw');
    const yesNo = reference.find((s) => s.name === 'yes_no');
    expect(yesNo?.distinct).toBeLessThan(Number(raw.getRowObjectsJS()[0].n) - 10);
    instance.closeSync();
  });
});

describe('columnStats counting words by splitting', () => {
  it('gives the average of spaces + 1 that the replace form gives', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    const shapes = ['a  b', ' lead', 'trail ', 'é b c', `x\u00a0y z`, '日本 語', 'one', '  ', 'a b c d e f'];
    await c.run('CREATE TABLE t (words VARCHAR, padded VARCHAR)');
    const appender = await c.createAppender('t');
    for (let i = 0; i < 3000; i++) {
      // Inner blanks of every kind, none at an end: this column is read as stored, the other one trimmed.
      const value = `${i} ${shapes[i % shapes.length]}${' x'.repeat(i % 5)} .`;
      appender.appendVarchar(value);
      appender.appendVarchar(i % 3 ? value : ` ${value} `);
      appender.endRow();
    }
    appender.closeSync();
    const stats = await columnStats(c, 't', ['words', 'padded'], 3000);
    const reference = (
      await c.runAndReadAll(
        `SELECT avg(length(words) - length(replace(words, ' ', '')) + 1) AS words,
                avg(length(trim(padded)) - length(replace(trim(padded), ' ', '')) + 1) AS padded FROM t`,
      )
    ).getRowObjectsJS()[0];
    expect(stats.map((s) => s.avgWords)).toEqual([Number(reference.words), Number(reference.padded)]);
    expect(stats[0].avgWords).toBeGreaterThan(3); // measured, not left at 0
    instance.closeSync();
  });
});

/** A CSV whose first 2048 rows mislead the probe of column-stats.ts in every way it can be misled. */
function misleadingCsv(rows: number): string {
  const lines = ['id,late_text,pad_num,pad_yes,when,code,near'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        i + 1,
        i < 2500 || i % 7 ? String(i % 50) : 'n/a-ish', // numbers first, some text later
        ` ${(i % 97) / 4} `,
        i % 2 ? ' yes' : 'no ',
        `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
        i < 2100 ? 'a' : ['a', 'b', 'c', 'd'][i % 4], // one value first, four later
        i % 40 === 0 ? 'dup' : `k${i}`, // repeats early, near-unique overall
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('type inference of a table whose first rows mislead', () => {
  let store: Store;
  let service: DatasetService;
  const dir = tempDir();
  beforeAll(async () => {
    store = await Store.open(dir);
    service = new DatasetService(store, dir);
  });
  afterAll(() => store.close());

  it('infers what every row says', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = `${dir}/misleading.csv`;
    writeFileSync(path, misleadingCsv(5000));
    const ds = await service.createFromFile({ path, fileName: 'misleading.csv', sizeBytes: 1 });
    const col = (name: string) => ds.columns.find((c) => c.name === name);
    expect(col('id')?.type).toBe('identifier');
    expect(col('late_text')?.type).toBe('categorical');
    expect(col('late_text')?.reason).toMatch(/\(\d+ are not numbers\)/);
    expect(col('pad_num')?.type).toBe('numeric');
    expect(col('pad_yes')?.type).toBe('boolean');
    expect(col('pad_yes')?.reason).toBe('Only the values no / yes: a yes/no column.');
    expect(col('when')?.type).toBe('datetime');
    expect(col('code')?.type).toBe('categorical');
    expect(col('code')?.reason).toBe('4 distinct text values: a category.');
    expect(col('near')?.type).toBe('categorical');
    expect(col('near')?.reason).toBe('4876 distinct text values: a category.');
  });

  it('drops a data-set table no data set names (an upload cut short by a crash), and only that', async () => {
    const kept = (await service.list())[0];
    const orphan = `ds_${'0'.repeat(32)}`;
    await store.run(`CREATE TABLE ${ident(orphan)} (x VARCHAR)`);
    await store.run('CREATE TABLE ds_notes (x VARCHAR)');
    await service.dropOrphanTables();
    const tables = (await store.all<{ t: string }>('SELECT table_name AS t FROM duckdb_tables()')).map(
      (r) => r.t,
    );
    expect(tables).not.toContain(orphan);
    expect(tables).toContain('ds_notes');
    expect(tables).toContain((await service.source(kept.id)).table);
    expect((await service.rows(kept.id, 0, 2)).rows).toHaveLength(2);
  });
});
