import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Rng } from '@quarry/ml';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, TABULAR, testApp, upload } from '../../test/helpers';

// scikit-learn's PCA of the same standardised vehicle columns (packages/ml/test/fixtures/structure).
const reference = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../ml/test/fixtures/structure/structure.json'), 'utf8'),
).datasets.vehicle;

let app: FastifyInstance;
let vehicle: string;
let blobs: string;

/** 300 rows in three seeded blobs over (a, b, z) with gaps in z, a constant and a text column. */
function blobsCsv(): string {
  const rng = new Rng(5);
  const lines = ['a,b,z,flat,name'];
  for (let i = 0; i < 300; i++) {
    const c = i % 3;
    const a = [0, 8, 0][c] + rng.nextFloat();
    const b = [0, 0, 8][c] + rng.nextFloat();
    // Gaps only in the middle blob, whose z is the median, so imputed rows stay in their blob.
    const z = i % 15 === 1 ? '' : ([0, 5, 10][c] + rng.nextFloat()).toFixed(4);
    lines.push(`${a.toFixed(4)},${b.toFixed(4)},${z},1,row${i}`);
  }
  return lines.join('\n');
}

beforeAll(async () => {
  app = await testApp();
  vehicle = (await upload(app, join(TABULAR, 'vehicle.csv'))).json().id;
  blobs = (
    await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('blobs.csv', blobsCsv()) })
  ).json().id;
});
afterAll(async () => {
  await app.close();
});

const post = (id: string, payload: unknown) =>
  app.inject({ method: 'POST', url: `/api/datasets/${id}/structure`, payload: payload as object });

describe('POST /api/datasets/:id/structure', () => {
  it('vehicle: PCA equals scikit-learn, elbow and silhouettes for k = 1..10, points coloured by the target', async () => {
    const response = await post(vehicle, { target: 'Class' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // Ingest renames the columns that differ only in case (Skew.Maxis, Skew.maxis → Skew.maxis_2).
    expect(body.columns.map((c: string) => c.replace(/_2$/, ''))).toEqual(reference.columns);
    expect(body.sampledRows).toBe(846);
    expect(body.nRows).toBe(846);
    const ratios: number[] = body.pca.explainedVarianceRatio;
    ratios.forEach((r, k) => {
      expect(Math.abs(r - reference.pca.plain.explainedVarianceRatio[k])).toBeLessThan(1e-6);
    });
    expect(body.kmeans.elbow.map((p: { k: number }) => p.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const inertia = body.kmeans.elbow.map((p: { inertia: number }) => p.inertia);
    // k = 1 is the total sum of squares of standardised data: rows × columns.
    expect(inertia[0]).toBeCloseTo(846 * 18, 6);
    for (let k = 1; k < inertia.length; k++) expect(inertia[k]).toBeLessThan(inertia[k - 1]);
    expect(body.kmeans.silhouette).toHaveLength(9);
    const best = body.kmeans.silhouette.reduce((a: { score: number }, b: { score: number }) =>
      b.score > a.score ? b : a,
    );
    expect(body.kmeans.bestK).toBe(best.k);
    expect(body.kmeans.k).toBe(best.k);
    expect(body.kmeans.sizes.reduce((s: number, v: number) => s + v, 0)).toBe(846);
    expect(body.points.pc1).toHaveLength(846);
    expect(new Set(body.points.colour)).toEqual(new Set(['bus', 'opel', 'saab', 'van']));
    expect(body.colourBy).toEqual({ name: 'Class', task: 'classification' });
  });

  it('the same request gives the same answer', async () => {
    const a = (await post(vehicle, { k: 4, kMax: 5 })).json();
    const b = (await post(vehicle, { k: 4, kMax: 5 })).json();
    expect(a).toEqual(b);
    expect(a.kmeans.k).toBe(4);
    expect(a.kmeans.sizes).toHaveLength(4);
    expect(a.points.colour).toBeNull();
  });

  it('samples rows (seeded), imputes gaps by the median, leaves out constant and non-numeric columns', async () => {
    const response = await post(blobs, { maxRows: 120, seed: 3 });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.nRows).toBe(300);
    expect(body.sampledRows).toBe(120);
    expect(body.columns).toEqual(['a', 'b', 'z']);
    expect(body.excluded).toEqual([{ name: 'flat', reason: 'constant in the sample' }]);
    expect(body.imputed).toHaveLength(1);
    expect(body.imputed[0].name).toBe('z');
    expect(body.imputed[0].missing).toBeGreaterThan(0);
    // Three blobs: the silhouette picks k = 3 and the three clusters are about equal.
    expect(body.kmeans.bestK).toBe(3);
    for (const size of body.kmeans.sizes) expect(size).toBeGreaterThan(25);
    const again = (await post(blobs, { maxRows: 120, seed: 3 })).json();
    expect(again.points).toEqual(body.points);
    const other = (await post(blobs, { maxRows: 120, seed: 4 })).json();
    expect(other.points.pc1).not.toEqual(body.points.pc1);
  });

  it('rejects bad columns with stable codes and a message saying what to do', async () => {
    const missing = await post(vehicle, { columns: ['Comp', 'Nope'] });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('COLUMN_NOT_FOUND');
    expect(missing.json().message).toMatch(/Pick one of its columns/);
    const text = await post(vehicle, { columns: ['Comp', 'Class'] });
    expect(text.statusCode).toBe(422);
    expect(text.json().code).toBe('COLUMN_NOT_NUMERIC');
    expect(text.json().message).toMatch(/set its type to numeric/);
    const flat = await post(blobs, { columns: ['a', 'flat'] });
    expect(flat.statusCode).toBe(422);
    expect(flat.json().code).toBe('BAD_PARAMETER');
    expect(flat.json().message).toMatch(/'flat' \(constant in the sample\)/);
    const target = await post(vehicle, { target: 'Nope' });
    expect(target.json().code).toBe('TARGET_NOT_FOUND');
    expect((await post(vehicle, { kMax: 99 })).statusCode).toBe(400);
    expect((await post(vehicle, { surprise: 1 })).statusCode).toBe(400);
    expect((await post('no-such-id', {})).statusCode).toBe(404);
  });
});
