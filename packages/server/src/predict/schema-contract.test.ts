import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, TABULAR, testApp, upload, waitForJob } from '../../test/helpers';
import { sealModelFile } from '../models/canonical';
import type { ModelFile } from '../models/model-file';

/**
 * Issue [F]: every kind of schema fault, injected into a copy of the training data, is caught by
 * POST /models/:id/validate with a per-column finding (severity, count, examples, suggestion) — on that column
 * and no other — and errors block prediction while warnings let it go ahead.
 */
let app: FastifyInstance;
let modelId: string;
const csv = readFileSync(join(TABULAR, 'sacramento.csv'), 'utf8').trim().split('\n');
const header = csv[0].split(',').map((h) => h.replaceAll('"', ''));
const body = csv.slice(1, 201).map((line) => line.split(','));

/** The first 200 rows of sacramento with `change` applied to one column's cells (or the column dropped). */
function faulty(column: string, change: ((value: string, row: number) => string) | 'drop'): string {
  const k = header.indexOf(column);
  const keep = (cells: string[]) => (change === 'drop' ? cells.filter((_, j) => j !== k) : cells);
  const rows = body.map((cells, i) =>
    keep(change === 'drop' ? cells : cells.map((v, j) => (j === k ? change(v, i) : v))),
  );
  return [keep(header), ...rows].map((cells) => cells.join(',')).join('\n');
}

type Finding = {
  column: string;
  severity: string;
  code: string;
  count: number;
  examples: string[];
  message: string;
  suggestion: string;
};

async function validate(content: string) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/models/${modelId}/validate`,
    ...multipart('new.csv', content),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { nRows: number; issues: Finding[]; canPredict: boolean };
}

/** The warnings and errors (notes aside, e.g. the target being present). */
const serious = (issues: Finding[]) => issues.filter((i) => i.severity !== 'info');

beforeAll(async () => {
  app = await testApp();
  const dataset = (await upload(app, join(TABULAR, 'sacramento.csv'))).json();
  const res = await app.inject({
    method: 'POST',
    url: '/api/jobs/train',
    payload: { datasetId: dataset.id, target: 'price', model: 'linear', seed: 3 },
  });
  const job = await waitForJob(app, res.json().id);
  expect(job.status, JSON.stringify(job)).toBe('succeeded');
  modelId = job.result.modelId;
}, 120_000);
afterAll(async () => {
  await app.close();
});

describe('the schema contract', () => {
  it('is saved with the model: types, categories, ranges, quantiles and missing share', async () => {
    const model = (await app.inject({ url: `/api/models/${modelId}` })).json();
    const byName = Object.fromEntries(model.schema.columns.map((c: { name: string }) => [c.name, c]));
    expect(byName.type.categories).toEqual(['Condo', 'Multi_Family', 'Residential']);
    expect(byName.sqft).toMatchObject({ type: 'numeric', min: 484, max: 4878, missingShare: 0 });
    expect(byName.sqft.quantiles.p01).toBeLessThanOrEqual(byName.sqft.quantiles.p50);
    expect(byName.sqft.quantiles.p50).toBeLessThanOrEqual(byName.sqft.quantiles.p99);
  });

  it('finds nothing serious in a clean file', async () => {
    const result = await validate(faulty('beds', (v) => v));
    expect(serious(result.issues)).toEqual([]);
    expect(result).toMatchObject({ nRows: 200, canPredict: true });
    expect(result.issues).toContainEqual(
      expect.objectContaining({ column: 'price', code: 'TARGET_PRESENT' }),
    );
  });

  it('blocks a missing required column, naming it', async () => {
    const result = await validate(faulty('baths', 'drop'));
    expect(result.canPredict).toBe(false);
    expect(serious(result.issues)).toEqual([
      expect.objectContaining({ column: 'baths', severity: 'error', code: 'MISSING_COLUMN', count: 200 }),
    ]);
    expect(result.issues[0].suggestion).toMatch(/Add a column named 'baths'/);
  });

  it('blocks text in a numeric column, with examples', async () => {
    const result = await validate(faulty('beds', (v, i) => (i % 10 === 0 ? 'three' : v)));
    expect(result.canPredict).toBe(false);
    const [issue] = serious(result.issues);
    expect(issue).toMatchObject({ column: 'beds', severity: 'error', code: 'TYPE_MISMATCH', count: 20 });
    expect(issue.examples).toEqual(['three']);
    expect(issue.message).toMatch(/20 values of 'beds' are not numbers/);
  });

  it('warns about an unseen category, and lets the prediction proceed', async () => {
    const content = faulty('type', (v, i) => (i < 7 ? '"Castle"' : v));
    const result = await validate(content);
    expect(result.canPredict).toBe(true);
    const [issue] = serious(result.issues);
    expect(issue).toMatchObject({ column: 'type', severity: 'warning', code: 'UNSEEN_CATEGORY', count: 7 });
    expect(issue.examples).toEqual(['Castle']);
    expect(issue.suggestion).toMatch(/spelling and case/);
    const predicted = await app.inject({
      method: 'POST',
      url: `/api/models/${modelId}/predict`,
      ...multipart('new.csv', content),
    });
    expect(predicted.statusCode, predicted.body).toBe(200);
  });

  it('warns about values outside the training range, the most extreme first', async () => {
    const result = await validate(faulty('sqft', (v, i) => (i === 4 ? '99999' : i === 5 ? '50000' : v)));
    const [issue] = serious(result.issues);
    expect(issue).toMatchObject({ column: 'sqft', severity: 'warning', code: 'OUT_OF_RANGE', count: 2 });
    expect(issue.examples).toEqual(['99999', '50000']);
    expect(issue.message).toMatch(/outside the training range \[484, 4878\]/);
  });

  it('warns when far more values are missing than in training', async () => {
    const result = await validate(faulty('latitude', (v, i) => (i % 5 === 0 ? v : '')));
    const [issue] = serious(result.issues);
    expect(issue).toMatchObject({
      column: 'latitude',
      severity: 'warning',
      code: 'TOO_MANY_MISSING',
      count: 160,
    });
    expect(issue.message).toMatch(/80% of 'latitude' is missing \(160 of 200 rows\); in training it was 0%/);
  });

  it('notes values shifted out of the training 1st–99th percentiles', async () => {
    const result = await validate(faulty('longitude', (v) => String(Number(v) + 2)));
    const shifted = result.issues.find((i) => i.code === 'SHIFTED_VALUES');
    expect(shifted).toMatchObject({ column: 'longitude', severity: 'info' });
    expect(shifted?.count).toBeGreaterThan(100);
  });
});

describe('intervals at prediction', () => {
  it('adds lower/upper columns at the chosen level, around the prediction', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/models/${modelId}/predict?level=0.8`,
      ...multipart(
        'new.csv',
        faulty('beds', (v) => v),
      ),
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.uncertainty).toMatchObject({
      level: 0.8,
      method: 'normalized-cross-conformal',
      columns: ['lower_price_80', 'upper_price_80'],
    });
    expect(result.uncertainty.holdoutCoverage).toBeGreaterThan(0.7);
    const at = (name: string) => result.columns.indexOf(name);
    for (const row of result.rows) {
      expect(row[at('lower_price_80')]).toBeLessThan(row[at('predicted_price')]);
      expect(row[at('upper_price_80')]).toBeGreaterThan(row[at('predicted_price')]);
    }
    const model = (await app.inject({ url: `/api/models/${modelId}` })).json();
    expect(model.uncertainty.levels.map((l: { level: number }) => l.level)).toEqual([0.8, 0.9, 0.95]);
  });

  it('refuses a level the model was not calibrated for, listing the ones it was', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/models/${modelId}/predict?level=0.5`,
      ...multipart(
        'new.csv',
        faulty('beds', (v) => v),
      ),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/use one of 0.8, 0.9, 0.95/);
  });
});

describe('a model file with intervals', () => {
  it('round-trips through download and import, intervals included', async () => {
    const saved = (await app.inject({ url: `/api/models/${modelId}/download` })).body;
    const imported = await app.inject({
      method: 'POST',
      url: '/api/models/import',
      ...multipart('model.quarry.json', saved),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const predicted = await app.inject({
      method: 'POST',
      url: `/api/models/${imported.json().id}/predict?level=0.95`,
      ...multipart(
        'new.csv',
        faulty('beds', (v) => v),
      ),
    });
    expect(predicted.json().uncertainty.columns).toEqual(['lower_price_95', 'upper_price_95']);
  });
});

describe('a model file saved before the contract and intervals', () => {
  it('still imports, validates with what it has, and predicts without interval columns', async () => {
    const saved = (await app.inject({ url: `/api/models/${modelId}/download` })).json() as ModelFile;
    // What an older file looked like: no uncertainty, schema columns without missingShare / quantiles.
    const { uncertainty: _, sha256: __, ...rest } = saved;
    const old = sealModelFile({
      ...rest,
      schema: {
        columns: saved.schema.columns.map(({ missingShare: _m, quantiles: _q, ...column }) => column),
      },
    });
    const imported = await app.inject({
      method: 'POST',
      url: '/api/models/import',
      ...multipart('old.quarry.json', JSON.stringify(old)),
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const id = imported.json().id as string;
    const checked = await app.inject({
      method: 'POST',
      url: `/api/models/${id}/validate`,
      ...multipart(
        'new.csv',
        faulty('latitude', (v, i) => (i % 5 === 0 ? v : '')),
      ),
    });
    expect(checked.json().issues).toContainEqual(
      expect.objectContaining({ column: 'latitude', code: 'TOO_MANY_MISSING' }),
    );
    const predicted = await app.inject({
      method: 'POST',
      url: `/api/models/${id}/predict`,
      ...multipart(
        'new.csv',
        faulty('beds', (v) => v),
      ),
    });
    expect(predicted.statusCode, predicted.body).toBe(200);
    expect(predicted.json().uncertainty).toBeNull();
    expect(predicted.json().predictionColumns).toEqual(['predicted_price']);
    expect((await app.inject({ url: `/api/models/${id}` })).json().uncertainty).toBeNull();
  });
});
