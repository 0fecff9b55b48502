import { Rng, rocAucScore } from '@quarry/ml';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, testApp } from '../../test/helpers';
import { cramersV } from './correlations';

/**
 * Correlations, target relations and the extended profile, checked against the same statistics computed in
 * JavaScript on the generated rows (tolerance 1e-6: DuckDB sums in parallel, answers are rounded to 6 digits).
 */
let app: FastifyInstance;
let id: string;
const N = 600;
const rows: { x: number; y: number | null; noise: number; c: string; d: string; label: string }[] = [];

beforeAll(async () => {
  const rng = new Rng(11);
  for (let i = 0; i < N; i++) {
    const x = Math.round(rng.nextFloat() * 1000) / 10;
    const label = rng.nextFloat() < 1 / (1 + Math.exp(-(x - 50) / 15)) ? 'yes' : 'no';
    const c = ['red', 'green', 'blue'][rng.nextInt(3)];
    rows.push({
      x,
      y: i % 10 === 0 ? null : 2 * x + 10 * rng.nextFloat() + (i === 7 ? 900 : 0),
      noise: rng.nextFloat(),
      c,
      d: c === 'red' ? (rng.nextFloat() < 0.8 ? 'hot' : 'cold') : ['hot', 'cold', 'mild'][rng.nextInt(3)],
      label,
    });
  }
  rows.push({ ...rows[0] }, { ...rows[1] }); // two exact duplicates
  const csv = [
    'x,y,noise,c,d,label',
    ...rows.map((r) => [r.x, r.y ?? '', r.noise, r.c, r.d, r.label].join(',')),
  ].join('\n');
  app = await testApp();
  id = (await app.inject({ method: 'POST', url: '/api/datasets', ...multipart('stats.csv', csv) })).json().id;
});
afterAll(async () => {
  await app.close();
});

function pearson(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Average ranks (ties share the mean of their positions), 1-based. */
function ranks(v: number[]): number[] {
  const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
  const out = new Array<number>(v.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** numpy's default (linear) quantile, like DuckDB's quantile_cont. */
function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

describe('correlations', () => {
  it('match Pearson, Spearman (average ranks, complete pairs) and Cramér’s V computed here', async () => {
    const res = await app.inject({ url: `/api/datasets/${id}/correlations` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const pair = body.numericPairs.find((p: { a: string; b: string }) => p.a === 'x' && p.b === 'y');
    const complete = rows.filter((r) => r.y !== null);
    const xs = complete.map((r) => r.x);
    const ys = complete.map((r) => r.y as number);
    expect(pair.n).toBe(complete.length);
    expect(pair.pearson).toBeCloseTo(pearson(xs, ys), 5);
    // Ranks are taken per column over its own non-missing values: here y's missing rows drop x ranks too.
    const rx = ranks(rows.map((r) => r.x)).filter((_, i) => rows[i].y !== null);
    expect(pair.spearman).toBeCloseTo(pearson(rx, ranks(ys)), 5);
    const cd = body.categoricalPairs.find((p: { a: string; b: string }) => p.a === 'c' && p.b === 'd');
    const levels = (k: 'c' | 'd') => [...new Set(rows.map((r) => r[k]))].sort();
    const cells = new Map<number, number>();
    for (const r of rows) {
      const key = levels('c').indexOf(r.c) * 128 + levels('d').indexOf(r.d);
      cells.set(key, (cells.get(key) ?? 0) + 1);
    }
    expect(cd.cramersV).toBeCloseTo(cramersV([...cells]).cramersV as number, 5);
    expect(cd.cramersV).toBeGreaterThan(0.1);
  });

  it('computes Cramér’s V of a perfect association as 1 and of independence as 0', () => {
    expect(
      cramersV([
        [0, 50],
        [129, 50],
      ]).cramersV,
    ).toBeCloseTo(1, 12);
    expect(
      cramersV([
        [0, 25],
        [1, 25],
        [128, 25],
        [129, 25],
      ]).cramersV,
    ).toBeCloseTo(0, 12);
  });
});

describe('target relations', () => {
  it('gives each feature the ROC AUC of a binary target, matching the ML library', async () => {
    const res = await app.inject({ url: `/api/datasets/${id}/target-relations?target=label` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.task).toBe('classification');
    expect(body.positiveClass).toBe('yes');
    const x = body.features.find((f: { name: string }) => f.name === 'x');
    const expected = rocAucScore(
      Int32Array.from(rows, (r) => (r.label === 'yes' ? 1 : 0)),
      Float64Array.from(rows, (r) => r.x),
    );
    expect(x.auc).toBeCloseTo(expected, 5);
    expect(body.features[0].name).toBe('x'); // strongest first
    const noise = body.features.find((f: { name: string }) => f.name === 'noise');
    expect(Math.abs(noise.auc - 0.5)).toBeLessThan(0.1);
    expect(noise.mutualInformation).toBeLessThan(x.mutualInformation);
  });

  it('gives R² for a regression target', async () => {
    const body = (await app.inject({ url: `/api/datasets/${id}/target-relations?target=y` })).json();
    expect(body.task).toBe('regression');
    const complete = rows.filter((r) => r.y !== null);
    const x = body.features.find((f: { name: string }) => f.name === 'x');
    expect(x.r2).toBeCloseTo(
      pearson(
        complete.map((r) => r.x),
        complete.map((r) => r.y as number),
      ) ** 2,
      5,
    );
    expect(x.auc).toBeNull();
  });

  it('refuses an unknown target with its code', async () => {
    const res = await app.inject({ url: `/api/datasets/${id}/target-relations?target=nope` });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('TARGET_NOT_FOUND');
  });
});

describe('profile', () => {
  it('adds outliers, duplicate rows and missingness patterns, keeping the old fields', async () => {
    const body = (await app.inject({ url: `/api/datasets/${id}/profile` })).json();
    expect(body.nRows).toBe(rows.length);
    expect(body.duplicateRows).toBe(2);
    expect(body.missingPatterns).toEqual([
      { columns: ['y'], count: rows.filter((r) => r.y === null).length },
    ]);
    const y = body.columns.find((c: { name: string }) => c.name === 'y');
    const values = rows.flatMap((r) => (r.y === null ? [] : [r.y])).sort((a, b) => a - b);
    const [q1, med, q3] = [0.25, 0.5, 0.75].map((p) => quantile(values, p));
    expect(y.quantiles.p25).toBeCloseTo(q1, 9);
    expect(y.outliers.iqrCount).toBe(
      values.filter((v) => v < q1 - 1.5 * (q3 - q1) || v > q3 + 1.5 * (q3 - q1)).length,
    );
    const mad = quantile(
      values.map((v) => Math.abs(v - med)).sort((a, b) => a - b),
      0.5,
    );
    expect(y.outliers.mad).toBeCloseTo(mad, 9);
    expect(y.outliers.madCount).toBe(values.filter((v) => (0.6745 * Math.abs(v - med)) / mad > 3.5).length);
    expect(y.outliers.madCount).toBeGreaterThanOrEqual(1); // the seeded 900
    expect(y.histogram.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(values.length);
    expect(y.distinctApprox).toBe(false);
    const c = body.columns.find((col: { name: string }) => col.name === 'c');
    expect(c.topValues.map((t: { value: string }) => t.value).sort()).toEqual(['blue', 'green', 'red']);
  });
});
