import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp } from '../../test/helpers';

/**
 * The `standardize` recipe step: a z-score with the mean and SD of the whole version, recorded in the step so it
 * replays identically (on other data and at prediction), with 422 BAD_STEP where it cannot apply.
 */
let app: FastifyInstance;
let dataset: { id: string };

const CSV = 'size,colour\n10,red\n20,blue\n30,red\n,blue\n40,green\n';
const post = (url: string, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as object });

beforeAll(async () => {
  app = await testApp();
  dataset = (
    await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('sizes.csv', CSV) })
  ).json();
});
afterAll(async () => {
  await app.close();
});

describe('standardize step', () => {
  it('z-scores a numeric column with the whole data’s mean and sample SD, and records them', async () => {
    const res = await post(`/api/datasets/${dataset.id}/steps`, {
      step: { op: 'standardize', column: 'size' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const version = res.json();
    const sd = Math.sqrt(((10 - 25) ** 2 + (20 - 25) ** 2 + (30 - 25) ** 2 + (40 - 25) ** 2) / 3);
    expect(version.steps[0].op).toBe('standardize');
    expect(version.steps[0].mean).toBeCloseTo(25, 12);
    expect(version.steps[0].sd).toBeCloseTo(sd, 12);
    const rows = (await app.inject({ url: `/api/datasets/${version.id}/rows?limit=10` })).json();
    const sizes = rows.rows.map((r: unknown[]) => (r[0] === null ? null : Number(r[0])));
    expect(sizes[0]).toBeCloseTo(-15 / sd, 10);
    expect(sizes[2]).toBeCloseTo(5 / sd, 10);
    expect(sizes[3]).toBeNull(); // missing stays missing
    expect(rows.rows.map((r: unknown[]) => r[1])).toEqual(['red', 'blue', 'red', 'blue', 'green']);
    expect(version.columns.find((c: { name: string }) => c.name === 'size').type).toBe('numeric');
  });

  it('replays with the recorded numbers, not the new data’s', async () => {
    const other = (
      await app.inject({
        method: 'POST',
        url: '/api/datasets',
        ...multipart('more.csv', 'size,colour\n25,red\n'),
      })
    ).json();
    const res = await post('/api/recipes/replay', {
      datasetId: other.id,
      steps: [{ op: 'standardize', column: 'size', mean: 20, sd: 5 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const rows = (await app.inject({ url: `/api/datasets/${res.json().id}/rows?limit=10` })).json();
    expect(Number(rows.rows[0][0])).toBe(1);
  });

  it('refuses a non-numeric or constant column with 422 BAD_STEP, and a bad SD with 400', async () => {
    const text = await post(`/api/datasets/${dataset.id}/steps`, {
      step: { op: 'standardize', column: 'colour' },
    });
    expect(text.statusCode).toBe(422);
    expect(text.json().code).toBe('BAD_STEP');
    expect(text.json().message).toMatch(/numeric/);
    const flat = (
      await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('flat.csv', 'v\n3\n3\n3\n') })
    ).json();
    const constant = await post(`/api/datasets/${flat.id}/steps`, {
      step: { op: 'standardize', column: 'v' },
    });
    expect(constant.statusCode).toBe(422);
    expect(constant.json().message).toMatch(/two different numbers/);
    const zero = await post(`/api/datasets/${dataset.id}/steps`, {
      step: { op: 'standardize', column: 'size', mean: 1, sd: 0 },
    });
    expect(zero.statusCode).toBe(400);
  });
});
