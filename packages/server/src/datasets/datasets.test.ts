import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, TABULAR, tempDir, testApp, upload } from '../../test/helpers';

const EXPECTED: Record<string, [number, number]> = {
  attrition: [1470, 31],
  stackoverflow: [5594, 21],
  cells: [2019, 57],
  sonar: [208, 61],
  vehicle: [846, 19],
  sacramento: [932, 9],
  boston: [506, 18],
  ozone: [361, 13],
};

let app: FastifyInstance;
beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

const typeOf = (dataset: { columns: { name: string; type: string }[] }, name: string) =>
  dataset.columns.find((c) => c.name === name)?.type;

describe('upload of the reference data sets', () => {
  it.each(Object.entries(EXPECTED))(
    '%s has the right shape and sensible types',
    async (name, [rows, cols]) => {
      const res = await upload(app, join(TABULAR, `${name}.csv`));
      expect(res.statusCode, res.body).toBe(201);
      const ds = res.json();
      expect(ds.nRows).toBe(rows);
      expect(ds.nCols).toBe(cols);
      expect(ds.format).toBe('csv');
    },
  );

  it('infers the types a person would expect', async () => {
    const list = (await app.inject({ url: '/api/datasets' })).json().datasets;
    const byName = (n: string) => list.find((d: { name: string }) => d.name === n);
    expect(typeOf(byName('attrition'), 'Age')).toBe('numeric');
    expect(typeOf(byName('attrition'), 'Attrition')).toBe('boolean');
    expect(typeOf(byName('attrition'), 'BusinessTravel')).toBe('categorical');
    expect(typeOf(byName('sacramento'), 'city')).toBe('categorical');
    expect(typeOf(byName('sacramento'), 'price')).toBe('numeric');
    expect(typeOf(byName('boston'), 'town')).toBe('categorical');
    expect(typeOf(byName('vehicle'), 'Class')).toBe('categorical');
    const ozone = byName('ozone');
    expect(typeOf(ozone, 'V9')).toBe('numeric');
    expect(ozone.columns.find((c: { name: string }) => c.name === 'V9').missing).toBeGreaterThan(0);
  });
});

describe('other formats', () => {
  it('reads an XLSX copy of sacramento with the same shape and types', async () => {
    const csv = (await readFile(join(TABULAR, 'sacramento.csv'), 'utf8')).trim().split('\n');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('data');
    for (const line of csv) {
      sheet.addRow(line.split(',').map((v) => (v.startsWith('"') ? v.slice(1, -1) : Number(v))));
    }
    const path = join(tempDir(), 'sacramento.xlsx');
    await workbook.xlsx.writeFile(path);
    const res = await upload(app, path);
    expect(res.statusCode, res.body).toBe(201);
    const ds = res.json();
    expect([ds.nRows, ds.nCols, ds.format]).toEqual([932, 9, 'xlsx']);
    expect(typeOf(ds, 'price')).toBe('numeric');
    expect(typeOf(ds, 'type')).toBe('categorical');
  });

  it('reads a Parquet copy of boston with the same shape', async () => {
    const path = join(tempDir(), 'boston.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT * FROM read_csv('${join(TABULAR, 'boston.csv')}')) TO '${path}' (FORMAT parquet)`,
    );
    c.closeSync();
    const res = await upload(app, path);
    expect(res.statusCode, res.body).toBe(201);
    const ds = res.json();
    expect([ds.nRows, ds.nCols, ds.format]).toEqual([506, 18, 'parquet']);
    expect(typeOf(ds, 'cmedv')).toBe('numeric');
  });

  it('reads JSON arrays and NDJSON, nested values as JSON text', async () => {
    const json = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart(
        'people.json',
        JSON.stringify([
          { a: 1, b: 'x', c: { z: 1 } },
          { a: 2, b: null, c: null },
        ]),
      ),
    });
    expect(json.statusCode, json.body).toBe(201);
    expect([json.json().nRows, json.json().nCols]).toEqual([2, 3]);
    const nd = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart('rows.ndjson', '{"a":1}\n{"a":2,"b":"q"}\n'),
    });
    expect(nd.statusCode, nd.body).toBe(201);
    expect([nd.json().nRows, nd.json().nCols]).toEqual([2, 2]);
  });

  it('reads TSV by its extension', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      ...multipart('t.tsv', 'a\tb\n1\tx\n2\ty\n'),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().columns.map((c: { name: string }) => c.name)).toEqual(['a', 'b']);
  });
});

describe('data set operations', () => {
  it('pages rows, profiles columns, renames, overrides a type and deletes', async () => {
    const ds = (await upload(app, join(TABULAR, 'boston.csv'))).json();
    const page = (await app.inject({ url: `/api/datasets/${ds.id}/rows?offset=10&limit=5` })).json();
    expect(page.total).toBe(506);
    expect(page.rows).toHaveLength(5);
    expect(page.columns).toHaveLength(18);

    const profile = (await app.inject({ url: `/api/datasets/${ds.id}/profile` })).json();
    const cmedv = profile.columns.find((c: { name: string }) => c.name === 'cmedv');
    expect(cmedv.min).toBe(5);
    expect(cmedv.max).toBe(50);
    expect(cmedv.histogram.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(506);
    expect(cmedv.quantiles.p50).toBeCloseTo(21.2, 5);
    const town = profile.columns.find((c: { name: string }) => c.name === 'town');
    expect(town.topValues[0]).toEqual({ value: 'Cambridge', count: 30 });

    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/datasets/${ds.id}`,
      payload: { name: 'Boston housing' },
    });
    expect(renamed.json().name).toBe('Boston housing');

    const typed = await app.inject({
      method: 'PUT',
      url: `/api/datasets/${ds.id}/types`,
      payload: { types: { chas: 'categorical' } },
    });
    expect(typed.statusCode, typed.body).toBe(200);
    expect(typeOf(typed.json(), 'chas')).toBe('categorical');
    const refused = await app.inject({
      method: 'PUT',
      url: `/api/datasets/${ds.id}/types`,
      payload: { types: { town: 'numeric' } },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('BAD_TYPE_OVERRIDE');

    expect((await app.inject({ method: 'DELETE', url: `/api/datasets/${ds.id}` })).statusCode).toBe(204);
    expect((await app.inject({ url: `/api/datasets/${ds.id}` })).statusCode).toBe(404);
  });

  it('detects the task with a reason', async () => {
    const ds = (await upload(app, join(TABULAR, 'vehicle.csv'))).json();
    const task = (await app.inject({ url: `/api/datasets/${ds.id}/task?target=Class` })).json();
    expect(task.task).toBe('classification');
    expect(task.classes).toHaveLength(4);
    expect(task.reason).toMatch(/Class/);
  });
});

describe('bad input is answered clearly', () => {
  const expectError = (
    res: { statusCode: number; json: () => { code: string; message: string } },
    status: number,
    code: string,
  ) => {
    expect(res.statusCode).toBe(status);
    const body = res.json();
    expect(body.code).toBe(code);
    expect(body.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|node_modules/); // no stack trace
  };
  const post = (name: string, content: Buffer | string) =>
    app.inject({ method: 'POST', url: '/api/datasets', ...multipart(name, content) });

  it('empty file', async () => expectError(await post('empty.csv', ''), 422, 'EMPTY_FILE'));
  it('binary garbage named .csv', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expectError(await post('garbage.csv', garbage), 422, 'UNREADABLE_FILE');
  });
  it('ragged CSV', async () => {
    const res = await post('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n');
    expectError(res, 422, 'RAGGED_ROWS');
    expect(res.json().message).toMatch(/line 3 has 2 fields where the header has 3/);
  });
  it('header-only CSV', async () => expectError(await post('header.csv', 'a,b,c\n'), 422, 'NO_ROWS'));
  it('unsupported extension', async () =>
    expectError(await post('data.exe', 'x'), 415, 'UNSUPPORTED_FORMAT'));
  it('no file part', async () => {
    const boundary = 'b0';
    const res = await app.inject({
      method: 'POST',
      url: '/api/datasets',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--${boundary}--\r\n`,
    });
    expectError(res, 400, 'NO_FILE');
  });
  it('text/plain on a JSON route', async () => {
    const ds = (await post('ok.csv', 'a,b\n1,2\n')).json();
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/datasets/${ds.id}`,
      headers: { 'content-type': 'text/plain' },
      payload: '{"name":"x"}',
    });
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
  it.each([
    'application/x-www-form-urlencoded',
    'application/json;',
    'application/json garbage',
    'APPLICATION/JSON ;charset=utf-8',
    'application/json\t',
  ])('content type %j on a JSON route', async (contentType) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/jobs/train',
      headers: { 'content-type': contentType },
      payload: '{}',
    });
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
  it('unknown data-set id', async () =>
    expectError(await app.inject({ url: '/api/datasets/nope' }), 404, 'DATASET_NOT_FOUND'));
  it('the server is still up', async () => {
    expect((await app.inject({ url: '/api/health' })).json().status).toBe('ok');
  });
});

describe('upload limit', () => {
  it('answers 413 one byte over the limit, and keeps nothing', async () => {
    const limit = 1000;
    const small = await testApp({ maxUploadBytes: limit });
    try {
      const content = Buffer.alloc(limit + 1, 'a');
      content.write('a,b\n');
      const over = await small.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart('big.csv', content),
      });
      expect(over.statusCode).toBe(413);
      expect(over.json().code).toBe('UPLOAD_TOO_LARGE');
      const exact = Buffer.from(`a,b\n${'1,2\n'.repeat((limit - 4) / 4)}`);
      expect(exact.length).toBe(limit);
      const ok = await small.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart('fits.csv', exact),
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect((await small.inject({ url: '/api/datasets' })).json().datasets).toHaveLength(1);
    } finally {
      await small.close();
    }
  });
});

void writeFileSync;
