import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp, waitForJob } from '../../test/helpers';

/**
 * The `combine` recipe step: 2–10 columns' text joined into one new column (product × store → one series key),
 * missing where any part is missing (pandas' and SQL's NULL semantics), named `<a><sep><b>` unless named; 422
 * BAD_STEP where it cannot apply; replayed on other data; and the combined column works as the Forecast page's
 * series id.
 */
let app: FastifyInstance;
let shops: { id: string; columns: { type: string }[] };

// store codes are numbers with leading zeros: the key keeps them as written ("007"), not as parsed (7).
const SHOPS = 'product,store,units\nA,007,3\nB,007,\nA,012,5\n,012,2\nB,012,1.50\n';

const post = (url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as object });
const uploadCsv = async (name: string, text: string) => {
  const res = await app.inject({ method: 'POST', url: '/api/datasets', ...multipart(name, text) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const rowsOf = async (id: string) =>
  (await app.inject({ url: `/api/datasets/${id}/rows?limit=1000` })).json() as {
    columns: string[];
    rows: unknown[][];
  };

/** Daily sales of 2 products in 3 stores over 40 days, long format, with a weekly cycle per pair. */
function salesCsv(): string {
  const lines = ['date,product,store,sales'];
  for (let d = 0; d < 40; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    for (const [p, product] of ['widget', 'gadget'].entries()) {
      for (const [s, store] of ['north', 'south', 'east'].entries()) {
        lines.push(`${date},${product},${store},${10 * (p + 1) + 3 * s + (d % 7)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  app = await testApp();
  shops = await uploadCsv('shops.csv', SHOPS);
});
afterAll(async () => {
  await app.close();
});

describe('combine step', () => {
  it('adds a key column at the end, joined with "_" by default, missing where any part is missing', async () => {
    expect(shops.columns.map((c) => c.type)).toEqual(['categorical', 'numeric', 'numeric']);
    const res = await post(`/api/datasets/${shops.id}/steps`, {
      step: { op: 'combine', columns: ['product', 'store'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const version = res.json();
    expect(version.columns.map((c: { name: string }) => c.name)).toEqual([
      'product',
      'store',
      'units',
      'product_store',
    ]);
    expect(version.columns[3]).toMatchObject({ type: 'categorical', missing: 1 });
    expect(version.columns[3].reason).toMatch(/missing where any of them is missing/);
    // The name and separator are recorded, so the recipe replays the same whatever the defaults.
    expect(version.steps).toEqual([
      { op: 'combine', columns: ['product', 'store'], separator: '_', newColumn: 'product_store' },
    ]);
    const rows = await rowsOf(version.id);
    expect(rows.rows.map((r) => r[3])).toEqual(['A_007', 'B_007', 'A_012', null, 'B_012']);
    // The sources are kept as they were.
    expect(rows.rows.map((r) => r[0])).toEqual(['A', 'B', 'A', null, 'B']);
  });

  it('takes a separator (empty too) and a name, and joins numbers as written in the file', async () => {
    const res = await post(`/api/datasets/${shops.id}/steps`, {
      step: { op: 'combine', columns: ['store', 'units', 'product'], separator: ' | ', newColumn: 'key' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = await rowsOf(res.json().id);
    // A missing unit (row 2) or product (row 4) makes the key missing, never "B_007_".
    expect(rows.rows.map((r) => r[3])).toEqual(['007 | 3 | A', null, '012 | 5 | A', null, '012 | 1.50 | B']);
    const glued = await post(`/api/datasets/${shops.id}/steps`, {
      step: { op: 'combine', columns: ['product', 'store'], separator: '' },
    });
    expect(glued.statusCode, glued.body).toBe(201);
    expect(glued.json().columns[3].name).toBe('productstore');
    expect((await rowsOf(glued.json().id)).rows[0][3]).toBe('A007');
  });

  it('binds the separator and quotes the names: SQL in them is just text', async () => {
    const nasty = await uploadCsv('nasty.csv', `"a""b",c\nx,y\n`);
    const res = await post(`/api/datasets/${nasty.id}/steps`, {
      step: { op: 'combine', columns: ['a"b', 'c'], separator: "');--" },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().columns[2].name).toBe(`a"b');--c`);
    expect((await rowsOf(res.json().id)).rows[0][2]).toBe("x');--y");
  });

  it.each([
    [{ columns: ['product'] }, /at least two columns/],
    [{ columns: [] }, /at least two columns/],
    [{ columns: ['product', 'product'] }, /'product' is listed twice/],
    [{ columns: ['product', 'shelf'] }, /no column 'shelf'/],
    [{ columns: ['product', 'store'], newColumn: 'units' }, /'units' already exists/],
  ])('refuses %o with 422 BAD_STEP and says why', async (fields, why) => {
    const res = await post(`/api/datasets/${shops.id}/steps`, { step: { op: 'combine', ...fields } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('BAD_STEP');
    expect(res.json().message).toMatch(why);
  });

  it('refuses a default name that is taken, and a separator over 10 characters or over 10 columns with 400', async () => {
    const taken = await uploadCsv('taken.csv', 'a,b,a_b\n1,2,3\n');
    const res = await post(`/api/datasets/${taken.id}/steps`, {
      step: { op: 'combine', columns: ['a', 'b'] },
    });
    expect([res.statusCode, res.json().code]).toEqual([422, 'BAD_STEP']);
    expect(res.json().message).toMatch(/'a_b' already exists; choose another name/);
    const long = await post(`/api/datasets/${shops.id}/steps`, {
      step: { op: 'combine', columns: ['product', 'store'], separator: '12345678901' },
    });
    expect([long.statusCode, long.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const many = await post(`/api/datasets/${shops.id}/steps`, {
      step: { op: 'combine', columns: Array.from({ length: 11 }, (_, i) => `c${i}`) },
    });
    expect([many.statusCode, many.json().code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('replays on another upload with the recorded name and separator', async () => {
    const first = (
      await post(`/api/datasets/${shops.id}/steps`, {
        step: { op: 'combine', columns: ['store', 'product'], separator: '/' },
      })
    ).json();
    const other = await uploadCsv('more.csv', 'product,store,units\nC,099,4\nD,,1\n');
    const res = await post('/api/recipes/replay', { datasetId: other.id, steps: first.steps });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rootId: other.id, version: 2, steps: first.steps });
    expect(res.json().columns[3].name).toBe('store/product');
    expect((await rowsOf(res.json().id)).rows.map((r) => r[3])).toEqual(['099/C', null]);
  });
});

describe('combine for forecasting', () => {
  it('forecasts one series per product × store pair with the combined column as the series id', async () => {
    const sales = await uploadCsv('sales.csv', salesCsv());
    const combined = await post(`/api/datasets/${sales.id}/steps`, {
      step: { op: 'combine', columns: ['product', 'store'] },
    });
    expect(combined.statusCode, combined.body).toBe(201);
    const datasetId = combined.json().id;
    const res = await post('/api/forecasts', {
      datasetId,
      idColumn: 'product_store',
      timeColumn: 'date',
      valueColumn: 'sales',
      horizon: 7,
      models: ['naive', 'snaive'],
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(app, res.json().id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const run = (await app.inject({ url: `/api/forecasts/${job.result.forecastId}` })).json();
    expect(run.columns).toMatchObject({ id: 'product_store', time: 'date', value: 'sales' });
    expect(run.series.map((s: { id: string }) => s.id)).toEqual([
      'widget_north',
      'widget_south',
      'widget_east',
      'gadget_north',
      'gadget_south',
      'gadget_east',
    ]);
    for (const s of run.series) {
      expect(s.error).toBeNull();
      expect(s.n).toBe(40);
      expect(s.forecast.mean).toHaveLength(7);
    }
    // A weekly cycle with no noise: the seasonal naive forecast repeats the last week of that pair exactly.
    const widgetSouth = run.series[1];
    expect(widgetSouth.forecast.mean[0]).toBeCloseTo(10 + 3 + (40 % 7), 9);
  });

  it('travels with a model trained on the combined version and is replayed on prediction files', async () => {
    const sales = await uploadCsv('train.csv', salesCsv());
    const combined = (
      await post(`/api/datasets/${sales.id}/steps`, {
        step: { op: 'combine', columns: ['product', 'store'] },
      })
    ).json();
    const res = await post('/api/jobs/train', {
      datasetId: combined.id,
      target: 'sales',
      model: 'linear',
      seed: 1,
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(app, res.json().id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const model = (await app.inject({ url: `/api/models/${job.result.modelId}` })).json();
    expect(model.recipe.steps).toEqual(combined.steps);
    expect(model.schema.columns.map((c: { name: string }) => c.name)).toContain('product_store');
    const validate = async (csv: string) =>
      (
        await app.inject({
          method: 'POST',
          url: `/api/models/${job.result.modelId}/validate`,
          ...multipart('check.csv', csv),
        })
      ).json() as { issues: { column: string; code: string }[]; canPredict: boolean };
    const missingColumns = (r: Awaited<ReturnType<typeof validate>>) =>
      r.issues.filter((i) => i.code === 'MISSING_COLUMN').map((i) => i.column);
    // The new file has product and store only: the recipe derives product_store before the model reads it …
    const derived = await validate('date,product,store\n2024-02-10,widget,east\n');
    expect([derived.canPredict, missingColumns(derived)]).toEqual([true, []]);
    // … and without store the step is skipped at prediction, so the key is missing too, named in the check.
    const noStore = await validate('date,product\n2024-02-10,widget\n');
    expect(noStore.canPredict).toBe(false);
    expect(missingColumns(noStore).sort()).toEqual(['product_store', 'store']);
    const predict = await app.inject({
      method: 'POST',
      url: `/api/models/${job.result.modelId}/predict`,
      ...multipart('new.csv', 'date,product,store\n2024-02-10,widget,east\n2024-02-10,gadget,north\n'),
    });
    expect(predict.statusCode, predict.body).toBe(200);
    expect(predict.json().nRows).toBe(2);
  });
});
