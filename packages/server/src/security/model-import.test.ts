import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp, waitForJob } from '../../test/helpers';
import { sealModelFile } from '../models/canonical';
import type { ModelFile } from '../models/model-file';

// SECURITY-TESTS row H: hostile model files are refused with 422, nothing is executed, nothing is polluted.
let app: FastifyInstance;
let exported: string;

/** A small, seeded two-class data set: y is 1 when x1 + x2 > 1. */
function csv(): string {
  const lines = ['x1,x2,y'];
  for (let i = 0; i < 80; i++) {
    const a = ((i * 37) % 100) / 100;
    const b = ((i * 61) % 100) / 100;
    lines.push(`${a},${b},${a + b > 1 ? 'yes' : 'no'}`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  app = await testApp();
  const dataset = (
    await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('xy.csv', csv()) })
  ).json();
  const res = await app.inject({
    method: 'POST',
    url: '/api/jobs/train',
    payload: { datasetId: dataset.id, target: 'y', model: 'linear', seed: 1 },
  });
  const job = await waitForJob(app, res.json().id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  exported = (await app.inject({ url: `/api/models/${job.result.modelId}/download` })).body;
});
afterAll(async () => app.close());

const importText = (text: string) =>
  app.inject({ method: 'POST', url: '/api/models/import', ...multipart('m.quarry.json', text) });

/** The first `{ "$matrix": … }` node in a pipeline, to change its declared shape. */
function firstMatrix(node: unknown): { nRows: number; nCols: number } | null {
  if (node === null || typeof node !== 'object') return null;
  for (const [key, value] of Object.entries(node)) {
    if (key === '$matrix') return value as { nRows: number; nCols: number };
    const found = firstMatrix(value);
    if (found !== null) return found;
  }
  return null;
}

const file = (): ModelFile => JSON.parse(exported) as ModelFile;
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('model import refuses hostile files', () => {
  it('imports the untouched export (the baseline the cases below change)', async () => {
    expect((await importText(exported)).statusCode).toBe(201);
  });

  const cases: [string, () => string, string][] = [
    [
      '__proto__ at the top (unsealed)',
      () => exported.replace('{', '{"__proto__":{"polluted":"yes"},'),
      'MODEL_FILE_INVALID',
    ],
    [
      '__proto__ in the pipeline params (correctly hashed)',
      () => {
        const f = file();
        const params = JSON.parse(`{"__proto__":{"polluted":"yes"},"C":1}`);
        return JSON.stringify(
          sealModelFile({ ...f, pipeline: { ...(f.pipeline as object), params } } as ModelFile),
        );
      },
      'MODEL_FILE_INVALID',
    ],
    [
      'constructor.prototype (correctly hashed)',
      () => {
        const f = file();
        const params = { constructor: { prototype: { polluted: 'yes' } } };
        return JSON.stringify(
          sealModelFile({ ...f, pipeline: { ...(f.pipeline as object), params } } as ModelFile),
        );
      },
      'MODEL_FILE_INVALID',
    ],
    ['nesting 1e5 deep', () => exported.replace('{', `{"deep":${nested(100_000)},`), 'MODEL_FILE_INVALID'],
    [
      'a weights matrix declaring 1e9 rows (correctly hashed)',
      () => {
        const f = file();
        const m = firstMatrix(f.pipeline);
        if (m === null) throw new Error('the linear model has no matrix');
        m.nRows = 1e9;
        return JSON.stringify(sealModelFile(f));
      },
      'MODEL_FILE_INVALID',
    ],
    ['format version 999', () => JSON.stringify({ ...file(), version: 999 }), 'MODEL_FILE_UNSUPPORTED'],
    [
      'a tampered checksum',
      () => JSON.stringify({ ...file(), sha256: 'f'.repeat(64) }),
      'MODEL_FILE_TAMPERED',
    ],
  ];

  it.each(cases)('%s → 422', async (_name, make, code) => {
    const res = await importText(make());
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe(code);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('stays up and keeps only the baseline import', async () => {
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    const models = (await app.inject({ url: '/api/models' })).json().models;
    expect(models).toHaveLength(2); // the trained one and the untouched import
  });
});
