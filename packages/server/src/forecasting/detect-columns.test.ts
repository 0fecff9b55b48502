import { generateRetailDemand, toCsv } from '@quarry/academy';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp, waitForJob } from '../../test/helpers';
import type { ColumnInfo } from '../datasets/column-types';
import { numericColumnStats } from './column-stats';
import { detectColumns } from './read-dataset';

let app: FastifyInstance;

beforeAll(async () => {
  app = await testApp();
});
afterAll(async () => {
  await app.close();
});

async function upload(name: string, text: string) {
  const res = await app.inject({ method: 'POST', url: '/api/datasets', ...multipart(name, text) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const detected = async (id: string) =>
  (await app.inject({ url: `/api/forecasts/columns/${id}` })).json().detected;

/** ISO date of day `d` after 2024-01-01 and its calendar parts, as a person adds them in a spreadsheet. */
function calendar(d: number) {
  const when = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000);
  const isoDow = ((when.getUTCDay() + 6) % 7) + 1;
  const dayOfYear = Math.round((when.getTime() - Date.UTC(when.getUTCFullYear(), 0, 1)) / 86_400_000);
  return {
    date: when.toISOString().slice(0, 10),
    year: when.getUTCFullYear(),
    month: when.getUTCMonth() + 1,
    week: Math.floor(dayOfYear / 7) + 1,
    isoDow,
  };
}

describe('the forecast columns a data set suggests', () => {
  it('takes the measure, not the calendar helpers or the row number, reading the values when names do not say', async () => {
    // footfall comes first and has no measure name; wd is an unnamed ISO weekday, n a row number with gaps (so
    // numeric, not an identifier).
    const lines = ['date,footfall,store_id,year,month,day_of_week,wd,n'];
    let n = 0;
    for (let s = 1; s <= 3; s++)
      for (let d = 0; d < 60; d++) {
        const c = calendar(d);
        const footfall = 200 + 40 * s + 30 * Math.sin((2 * Math.PI * d) / 7) + ((d * 37 + s * 11) % 17) / 3;
        lines.push(
          [c.date, footfall.toFixed(2), s, c.year, c.month, c.isoDow - 1, c.isoDow, 1000 + 3 * ++n].join(','),
        );
      }
    const dataset = await upload('footfall.csv', `${lines.join('\n')}\n`);
    expect(await detected(dataset.id)).toEqual({ time: 'date', value: 'footfall', id: 'store_id' });
    const numeric = dataset.columns.filter((c: ColumnInfo) => c.type === 'numeric');
    const time = dataset.columns.find((c: ColumnInfo) => c.name === 'date');
    const stats = await numericColumnStats(app.datasets, dataset.id, numeric, time);
    expect(stats.get('wd')).toEqual({ count: 180, distinct: 7, integer: true, datePart: 'isodow' });
    expect(stats.get('day_of_week')?.datePart).toBe('isodow'); // Monday = 0: the same part, another constant
    expect(stats.get('month')?.datePart).toBe('month');
    expect(stats.get('n')).toEqual({ count: 180, distinct: 180, integer: true, datePart: null });
    expect(stats.get('footfall')).toMatchObject({ integer: false, datePart: null });
    // By the names alone the row number would win: the values are what rule it out.
    expect(detectColumns(dataset.columns, dataset.nRows).value).toBe('n');

    // A run that names no value column forecasts the same guess.
    const res = await app.inject({
      method: 'POST',
      url: '/api/forecasts',
      payload: { datasetId: dataset.id, horizon: 7, models: ['naive'] },
    });
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(app, res.json().id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const run = (await app.inject({ url: `/api/forecasts/${job.result.forecastId}` })).json();
    expect(run.columns).toEqual({ id: 'store_id', time: 'date', value: 'footfall' });
  }, 60_000);

  it('keeps units sold for the retail lab, with date parts added to it', async () => {
    const retail = generateRetailDemand(7, { rows: 1 });
    const plain = await upload('retail.csv', toCsv(retail));
    // One store here (rows: 1), five products: the product names the series, one row per date each.
    expect(await detected(plain.id)).toEqual({ time: 'date', value: 'units_sold', id: 'product_id' });

    const parts = ['year', 'month', 'week', 'day_of_week'];
    const rows = retail.rows.map((row) => {
      const c = calendar(
        Math.round((Date.parse(`${row.date}T00:00:00Z`) - Date.UTC(2024, 0, 1)) / 86_400_000),
      );
      return { ...row, year: c.year, month: c.month, week: c.week, day_of_week: c.isoDow };
    });
    const columns = [
      ...retail.columns,
      ...parts.map((name) => ({ name, type: 'numeric' as const, description: '' })),
    ];
    const withParts = await upload('retail-parts.csv', toCsv({ columns, rows }));
    expect(await detected(withParts.id)).toEqual({ time: 'date', value: 'units_sold', id: 'product_id' });
  }, 60_000);

  it('takes as the series id a column with one row per time: the combined product × store key, not store', async () => {
    const lines = ['date,product,store,sales'];
    for (const product of ['widget', 'gadget'])
      for (const store of ['north', 'south', 'east'])
        for (let d = 0; d < 30; d++)
          lines.push([calendar(d).date, product, store, 10 + ((d * 7 + store.length) % 5)].join(','));
    const sales = await upload('pairs.csv', `${lines.join('\n')}\n`);
    // No column alone names the series: the guess stays the key-like name (the forecast then says what to do).
    expect(await detected(sales.id)).toEqual({ time: 'date', value: 'sales', id: 'store' });
    const combined = await app.inject({
      method: 'POST',
      url: `/api/datasets/${sales.id}/steps`,
      payload: { step: { op: 'combine', columns: ['product', 'store'] } },
    });
    expect(combined.statusCode, combined.body).toBe(201);
    expect(await detected(combined.json().id)).toEqual({ time: 'date', value: 'sales', id: 'product_store' });
    // A row key is unique per time too, but names no series: one series then.
    const numbered = await upload(
      'numbered.csv',
      `${['date,row_key,sales', ...Array.from({ length: 40 }, (_, d) => `${calendar(d).date},r${d},${d % 7}`)].join('\n')}\n`,
    );
    expect((await detected(numbered.id)).id).toBeNull();
  }, 60_000);
});
