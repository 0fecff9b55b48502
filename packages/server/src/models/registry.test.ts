import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, TABULAR, testApp, upload, waitForJob } from '../../test/helpers';
import { sealModelFile } from './canonical';
import type { ModelFile } from './model-file';

let app: FastifyInstance;
let sonar: { id: string };
let leaderboardId: string;
let csv: Buffer;
beforeAll(async () => {
  app = await testApp();
  sonar = (await upload(app, join(TABULAR, 'sonar.csv'))).json();
  csv = await readFile(join(TABULAR, 'sonar.csv'));
  const res = await app.inject({
    method: 'POST',
    url: '/api/jobs/leaderboard',
    payload: { datasetId: sonar.id, target: 'Class', families: ['linear', 'tree'], seed: 3 },
  });
  leaderboardId = (await waitForJob(app, res.json().id)).result.leaderboardId;
});
afterAll(async () => {
  await app.close();
});

async function save(body: object) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/leaderboards/${leaderboardId}/save`,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(202);
  const job = await waitForJob(app, res.json().id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  expect(job.kind).toBe('save');
  return (await app.inject({ url: `/api/models/${job.result.modelId}` })).json();
}

async function predict(modelId: string) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/models/${modelId}/predict`,
    ...multipart('sonar.csv', csv),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const importFile = (content: string) =>
  app.inject({ method: 'POST', url: '/api/models/import', ...multipart('model.quarry.json', content) });

/** The first `coef_` array found anywhere in a serialized pipeline. */
function firstCoefficients(node: unknown): number[] | null {
  if (node === null || typeof node !== 'object') return null;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'coef_') return (value as { $matrix: { data: { values: number[] } } }).$matrix.data.values;
    const found = firstCoefficients(value);
    if (found !== null) return found;
  }
  return null;
}

// biome-ignore lint/suspicious/noExplicitAny: a JSON answer read field by field in assertions
type Detail = Record<string, any>;

describe('models saved from a leaderboard', () => {
  let v1: Detail;
  let v2: Detail;

  it('refit with the tuned threshold, full lineage and charts', async () => {
    v1 = await save({ family: 'linear', name: 'sonar-model', threshold: 'tuned' });
    expect(v1).toMatchObject({
      name: 'sonar-model',
      version: 1,
      stage: 'draft',
      source: 'leaderboard',
      calibration: null,
    });
    const lb = (await app.inject({ url: `/api/leaderboards/${leaderboardId}` })).json();
    const row = lb.rows.find((r: { family: string }) => r.family === 'linear');
    expect(v1.threshold).toMatchObject({
      value: row.threshold.threshold,
      positiveClass: 'R',
      goal: { metric: 'f1' },
    });
    expect(v1.leaderboardId).toBe(leaderboardId);
    expect(v1.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Prediction sets calibrated out of fold on the run's folds, coverage measured on the untouched holdout.
    expect(v1.uncertainty.method).toBe('lac-cross-conformal');
    expect(v1.uncertainty.nHoldout).toBe(v1.split.nTest);
    const at90 = v1.uncertainty.levels.find((l: { level: number }) => l.level === 0.9);
    expect(at90.holdoutCoverage).toBeGreaterThan(0.75);
    expect(at90.meanSize).toBeGreaterThanOrEqual(1);
    const { lineage } = v1;
    expect(lineage.dataset).toMatchObject({ id: sonar.id, version: 1, nRows: 208 });
    expect(lineage.dataset.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lineage.cv).toMatchObject({ strategy: 'stratified', k: 5 });
    expect(lineage.cv.foldSizes.reduce((a: number, b: number) => a + b, 0)).toBe(v1.split.nTrain);
    expect(lineage.pipeline.steps[0]).toMatch(
      /^prep: ColumnTransformer\(num: Pipeline\(impute: SimpleImputer/,
    );
    expect(lineage.pipeline.steps[1]).toBe('model: LogisticRegression');
    expect(lineage.seed).toBe(3);
    expect(lineage.codeVersion).toBeTypeOf('string');
    expect(v1.metrics).toHaveProperty('f1');
    const charts = (await app.inject({ url: `/api/models/${v1.id}/charts` })).json();
    expect(charts.roc[0].label).toBe('R');
    expect(charts.roc[0].x.length).toBeLessThanOrEqual(200);
    expect(charts.pr[0].auc).toBeGreaterThan(0.5);
    expect(charts.calibration[0].brier).toBeGreaterThan(0);
    expect(charts.lift[0].gain.at(-1)).toBeCloseTo(1, 10);
    expect(charts.importance.features.length).toBe(15);
    expect(charts.partialDependence).toHaveLength(3);
    expect(charts.confusionMatrix.matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(
      v1.split.nTest,
    );
  });

  it('applies the saved threshold at prediction', async () => {
    const t = v1.threshold.value as number;
    const body = await predict(v1.id);
    const columns = body.columns as string[];
    const [pred, probaR] = [columns.indexOf('predicted_Class'), columns.indexOf('proba_R')];
    for (const row of body.rows) expect(row[pred]).toBe(row[probaR] >= t ? 'R' : 'M');
    expect(
      body.rows.some((row: unknown[]) => (row[probaR] as number) >= t && (row[probaR] as number) < 0.5) ||
        t >= 0.5,
    ).toBe(true);
  });

  it('groups versions by name, keeps one production version, compares two versions', async () => {
    v2 = await save({ family: 'linear', name: 'sonar-model', calibration: 'sigmoid' });
    expect(v2.version).toBe(2);
    expect(v2.threshold).toBeNull();
    expect(v2.calibration).toBe('sigmoid');
    expect(v2.lineage.pipeline.steps[0]).toMatch(
      /^CalibratedClassifierCV\[sigmoid\]\(Pipeline\(prep: ColumnTransformer/,
    );
    const groups = (await app.inject({ url: '/api/model-groups' })).json().groups;
    const group = groups.find((g: { name: string }) => g.name === 'sonar-model');
    expect(group.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(group.production).toBeNull();
    const patch = (id: string, stage: string) =>
      app.inject({ method: 'PATCH', url: `/api/models/${id}`, payload: { stage } });
    expect((await patch(v1.id, 'production')).json().stage).toBe('production');
    expect((await patch(v2.id, 'production')).json().stage).toBe('production');
    expect((await app.inject({ url: `/api/models/${v1.id}` })).json().stage).toBe('archived');
    expect((await patch(v2.id, 'live')).json().code).toBe('VALIDATION_FAILED');
    const after = (await app.inject({ url: '/api/model-groups' })).json().groups;
    expect(after.find((g: { name: string }) => g.name === 'sonar-model').production).toEqual({
      id: v2.id,
      version: 2,
    });
    const cmp = (await app.inject({ url: `/api/models/compare?a=${v1.id}&b=${v2.id}` })).json();
    expect(cmp.a.version).toBe(1);
    expect(cmp.b.version).toBe(2);
    const fields = cmp.differences.map((d: { field: string }) => d.field);
    expect(fields).toContain('threshold');
    expect(fields).toContain('calibration');
    expect(fields).toContain('lineage.pipeline.steps');
    expect(fields).not.toContain('lineage.dataset.contentSha256');
    const auc = cmp.metrics.find((m: { name: string }) => m.name === 'roc_auc');
    expect(auc.difference).toBeCloseTo(auc.b - auc.a, 12);
  });

  it('refuses bounds, families and settings that do not apply', async () => {
    const bad = async (body: object, code: string) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/leaderboards/${leaderboardId}/save`,
        payload: body,
      });
      expect(res.json().code, res.body).toBe(code);
    };
    await bad({ family: 'linear', params: { C: 1e9 } }, 'BAD_SEARCH_SPACE');
    await bad({ family: 'linear', params: { maxIter: 5 } }, 'BAD_SEARCH_SPACE');
    await bad({ family: 'forest' }, 'FAMILY_NOT_IN_LEADERBOARD');
    await bad({ family: 'linear', threshold: 2 }, 'VALIDATION_FAILED');
    await bad({ family: 'linear', threshold: 'tuned', calibration: 'isotonic' }, 'BAD_IMBALANCE');
    const missing = await app.inject({
      method: 'POST',
      url: '/api/leaderboards/nope/save',
      payload: { family: 'linear' },
    });
    expect(missing.json().code).toBe('LEADERBOARD_NOT_FOUND');
    const goal = await app.inject({
      url: `/api/leaderboards/${leaderboardId}/threshold?family=linear&metric=recall_at_precision&minPrecision=0.9`,
    });
    const tuning = goal.json();
    const chosen = tuning.curve.find((p: { threshold: number }) => p.threshold === tuning.threshold);
    if (tuning.value !== null) expect(chosen.precision).toBeGreaterThanOrEqual(0.9);
    expect(tuning.goal).toEqual({ metric: 'recall_at_precision', minPrecision: 0.9 });
  });

  it('imports an exported model that predicts identically; refuses tampered, unsupported and invalid files', async () => {
    const download = await app.inject({ url: `/api/models/${v1.id}/download` });
    expect(download.headers['content-disposition']).toMatch(
      /attachment; filename="sonar-model-v1\.quarry\.json"/,
    );
    const text = download.body;
    const imported = await importFile(text);
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json()).toMatchObject({
      name: 'sonar-model',
      version: 3,
      source: 'import',
      stage: 'draft',
    });
    const [a, b] = await Promise.all([predict(v1.id), predict(imported.json().id)]);
    expect(b.rows).toEqual(a.rows);
    expect(b.columns).toEqual(a.columns);
    expect((await app.inject({ url: `/api/models/${imported.json().id}/charts` })).json().code).toBe(
      'CHARTS_NOT_AVAILABLE',
    );

    const file = JSON.parse(text) as ModelFile;
    const changed = structuredClone(file);
    const coef = firstCoefficients(changed.pipeline) as number[];
    coef[0] += 0.001;
    const tampered = await importFile(JSON.stringify(changed));
    expect(tampered.statusCode).toBe(422);
    expect(tampered.json().code).toBe('MODEL_FILE_TAMPERED');
    expect(tampered.json().message).toMatch(/SHA-256 does not match/);
    const rehashed = await importFile(JSON.stringify({ ...file, sha256: 'a'.repeat(64) }));
    expect(rehashed.json().code).toBe('MODEL_FILE_TAMPERED');
    const metric = await importFile(
      JSON.stringify({ ...file, model: { ...file.model, metrics: { roc_auc: 0.99 } } }),
    );
    expect(metric.json().code).toBe('MODEL_FILE_TAMPERED');
    expect((await importFile(JSON.stringify({ ...file, version: 2 }))).json().code).toBe(
      'MODEL_FILE_UNSUPPORTED',
    );
    expect((await importFile('{"format": "pickle"}')).json().code).toBe('MODEL_FILE_UNSUPPORTED');
    expect((await importFile('not json')).json().code).toBe('MODEL_FILE_INVALID');
    const noSchema = await importFile(JSON.stringify(sealModelFile({ ...file, schema: undefined } as never)));
    expect(noSchema.json().code).toBe('MODEL_FILE_INVALID');
    expect(noSchema.json().details.issues[0].path).toBe('schema');
    // A correctly hashed file naming a kind the ML registry does not know is refused when loading, not run.
    const unknownKind = sealModelFile({
      ...file,
      pipeline: { ...(file.pipeline as object), kind: 'Function' },
    });
    const refused = await importFile(JSON.stringify(unknownKind));
    expect(refused.json().code).toBe('MODEL_FILE_INVALID');
    expect(refused.json().message).toMatch(/cannot be loaded/);
    const list = (await app.inject({ url: '/api/models' })).json().models;
    expect(list).toHaveLength(3);
  });

  it('deletes a version only with the confirmation <name>-v<version>', async () => {
    const del = (query: string) => app.inject({ method: 'DELETE', url: `/api/models/${v2.id}${query}` });
    const missing = await del('');
    expect(missing.statusCode).toBe(409);
    expect(missing.json().code).toBe('CONFIRMATION_REQUIRED');
    expect(missing.json().message).toContain('?confirm=sonar-model-v2');
    expect((await del('?confirm=sonar-model-v1')).json().code).toBe('CONFIRMATION_REQUIRED');
    expect((await del('?confirm=sonar-model-v2')).statusCode).toBe(204);
    expect((await app.inject({ url: `/api/models/${v2.id}` })).json().code).toBe('MODEL_NOT_FOUND');
  });

  it('saves a threshold tuned for another goal with that goal, never with calibration', async () => {
    const goal = { metric: 'recall_at_precision', minPrecision: 0.8 };
    const expected = (
      await app.inject({
        url: `/api/leaderboards/${leaderboardId}/threshold?family=linear&metric=recall_at_precision&minPrecision=0.8`,
      })
    ).json();
    const model = await save({ family: 'linear', name: 'sonar-goal', threshold: goal });
    expect(model.threshold).toEqual({ value: expected.threshold, positiveClass: 'R', goal });
    const refused = await app.inject({
      method: 'POST',
      url: `/api/leaderboards/${leaderboardId}/save`,
      payload: { family: 'linear', threshold: goal, calibration: 'sigmoid' },
    });
    expect(refused.json().code).toBe('BAD_IMBALANCE');
  });
});
