import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp } from '../../test/helpers';
import { csvField } from './result-csv';
import { mentionedNames, safeIdentifier } from './tables';

let app: FastifyInstance;
let datasetId: string;

beforeAll(async () => {
  app = await testApp({ sqlTimeoutSeconds: 1 });
  const csv =
    'name,age,city,joined\nann,31,Paris,2020-01-05 10:00:00\nbob,,Lyon,2021-03-04 08:30:00\ncid,45,"Paris, FR",2019-12-31\n';
  datasetId = (
    await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('My People.csv', csv) })
  ).json().id;
});
afterAll(async () => {
  await app.close();
});

const sql = (query: string, limit?: number) =>
  app.inject({ method: 'POST', url: '/api/sql', payload: { query, ...(limit ? { limit } : {}) } });

describe('the SQL view', () => {
  it('lists each data set as a table named after it, and every version', async () => {
    const { tables } = (await app.inject({ url: '/api/sql/tables' })).json();
    expect(tables.map((t: { name: string }) => t.name)).toEqual(['my_people', 'my_people_v1']);
    expect(tables[0].columns).toEqual([
      { name: 'name', type: 'VARCHAR' },
      { name: 'age', type: 'DOUBLE' },
      { name: 'city', type: 'VARCHAR' },
      { name: 'joined', type: 'TIMESTAMP' },
    ]);
  });

  it('answers a read-only query over the typed data, with types and a row limit', async () => {
    const res = await sql(
      'WITH p AS (SELECT * FROM my_people) SELECT city, count(*) AS n, avg(age) AS age, max(joined) AS last FROM p GROUP BY city ORDER BY city',
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.columns.map((c: { type: string }) => c.type)).toEqual([
      'VARCHAR',
      'BIGINT',
      'DOUBLE',
      'TIMESTAMP',
    ]);
    expect(body.rows).toEqual([
      ['Lyon', 1, null, '2021-03-04 08:30:00'],
      ['Paris', 1, 31, '2020-01-05 10:00:00'],
      ['Paris, FR', 1, 45, '2019-12-31 00:00:00'],
    ]);
    expect(body.truncated).toBe(false);
    expect(typeof body.elapsedMs).toBe('number');
    const many = (await sql('SELECT * FROM range(20000)', 10)).json();
    expect([many.rows.length, many.truncated]).toEqual([10, true]);
    expect((await sql('SELECT * FROM range(20000)')).json().rows.length).toBe(1000);
  });

  it.each([
    ["SELECT * FROM read_csv('/etc/passwd')", 'SQL_REFUSED'],
    ["SELECT * FROM read_text('/etc/passwd')", 'SQL_REFUSED'],
    ["SELECT * FROM glob('/*')", 'SQL_REFUSED'],
    ["COPY (SELECT * FROM my_people) TO '/tmp/quarry-leak.csv'", 'SQL_REFUSED'],
    ["ATTACH '/tmp/quarry-evil.duckdb' AS evil", 'SQL_REFUSED'],
    ['INSTALL httpfs', 'SQL_REFUSED'],
    ['LOAD httpfs', 'SQL_REFUSED'],
    ['SET enable_external_access = true', 'SQL_REFUSED'],
    ['SET lock_configuration = false', 'SQL_REFUSED'],
    ["SELECT * FROM my_people; SELECT * FROM read_text('/etc/passwd')", 'SQL_REFUSED'],
    ['CREATE TABLE t AS SELECT 1', 'SQL_REFUSED'],
    ['SELECT count(*) FROM range(100000000) a, range(100000000) b', 'SQL_TIMEOUT'],
    ['SELECT * FROM no_such_table', 'SQL_ERROR'],
    ['SELEC 1', 'SQL_ERROR'],
  ])('refuses %s with %s, and the server stays up', async (query, code) => {
    const res = await sql(query);
    expect(res.json().code, res.body).toBe(code);
    expect(res.statusCode).toBe(code === 'SQL_REFUSED' ? 403 : 422);
    expect(res.json().message.length).toBeGreaterThan(30);
    expect(existsSync('/tmp/quarry-leak.csv')).toBe(false);
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await sql('SELECT count(*) AS n FROM my_people')).json().rows).toEqual([[3]]);
  });

  it('cannot read the database file or another directory even by its path', async () => {
    const db = join(app.config.dataDir, 'quarry.duckdb');
    for (const query of [
      `SELECT * FROM read_text('${db}')`,
      `SELECT * FROM read_parquet('${app.config.dataDir}/sql/exports/*.parquet')`,
    ]) {
      expect((await sql(query)).json().code).toBe('SQL_REFUSED');
    }
  });

  it('saves a result as a new data set with inferred types, and leaves no temp files', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/sql/save',
      payload: {
        query: 'SELECT city, age * 2 AS double_age, joined FROM my_people WHERE age IS NOT NULL',
        name: 'doubled',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const ds = res.json();
    expect([ds.name, ds.nRows]).toEqual(['doubled', 2]);
    expect(ds.columns.map((c: { type: string }) => c.type)).toEqual(['categorical', 'numeric', 'datetime']);
    const rows = (await app.inject({ url: `/api/datasets/${ds.id}/rows` })).json().rows;
    expect(rows).toEqual([
      ['Paris', 62, '2020-01-05 10:00:00'],
      ['Paris, FR', 90, '2019-12-31 00:00:00'],
    ]);
    expect(readdirSync(join(app.config.dataDir, 'tmp'))).toEqual([]);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/sql/save',
      payload: { query: "SELECT * FROM read_csv('/etc/passwd')", name: 'x' },
    });
    expect(refused.json().code).toBe('SQL_REFUSED');
  });

  it('keeps a table for a data set until it is deleted', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart('temp.csv', 'a\n1\n2\n'),
    });
    expect((await sql('SELECT sum(a) AS s FROM temp')).json().rows).toEqual([[3]]);
    await app.inject({ method: 'DELETE', url: `/api/datasets/${res.json().id}` });
    expect((await sql('SELECT sum(a) AS s FROM temp')).json().code).toBe('SQL_ERROR');
    expect(datasetId).toBeTruthy();
  });
});

describe('helpers', () => {
  it('makes safe identifiers', () => {
    expect(safeIdentifier('My People (2024).csv')).toBe('my_people_2024_csv');
    expect(safeIdentifier('2024 sales')).toBe('t_2024_sales');
    expect(safeIdentifier('Ünïcode ½')).toBe('unicode_1_2');
    expect(safeIdentifier('!!!')).toBe('data');
  });

  it('finds the names a query mentions, quoted or not', () => {
    expect([...mentionedNames('SELECT "My_Table".x FROM my_table JOIN other USING (id)')]).toEqual(
      expect.arrayContaining(['my_table', 'other', 'x', 'id']),
    );
  });

  it('quotes CSV fields that need it', () => {
    expect(['a', 'b,c', 'd"e', null, 3, 'x\ny'].map(csvField)).toEqual([
      'a',
      '"b,c"',
      '"d""e"',
      '',
      '3',
      '"x\ny"',
    ]);
  });
});
