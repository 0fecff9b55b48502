import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, TABULAR, testApp, upload, waitForJob } from '../../test/helpers';

type Row = Record<string, string | number | null>;

/** attrition.csv as JSON rows (its quoted fields hold no commas); numbers as numbers. */
function parseCsv(text: string): Row[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header.split(',').map((h) => h.replaceAll('"', ''));
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(
      names.map((n, i) => {
        const c = cells[i];
        return [n, c.startsWith('"') ? c.slice(1, -1) : Number(c)];
      }),
    );
  });
}

let app: FastifyInstance;
let rows: Row[];
let csv: Buffer;
const ids: string[] = [];

async function train(model: string) {
  const dataset = (await upload(app, join(TABULAR, 'attrition.csv'))).json();
  const res = await app.inject({
    method: 'POST',
    url: '/api/jobs/train',
    payload: { datasetId: dataset.id, target: 'Attrition', model, name: 'attrition', seed: 1 },
  });
  const job = await waitForJob(app, res.json().id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  ids.push(job.result.modelId);
}

const predict = (url: string, body: object) => app.inject({ method: 'POST', url, payload: body });

beforeAll(async () => {
  app = await testApp();
  csv = await readFile(join(TABULAR, 'attrition.csv'));
  rows = parseCsv(csv.toString('utf8'));
  await train('tree');
  await train('linear');
}, 180_000);
afterAll(async () => {
  await app.close();
});

describe('REST serving per model version', () => {
  it('answers JSON rows with the same predictions as file prediction', async () => {
    const res = await predict('/api/models/attrition/versions/1/predict', { rows: rows.slice(0, 20) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.model).toEqual({ name: 'attrition', version: 1 });
    expect(body.predictions).toHaveLength(20);
    for (const p of body.predictions) {
      expect(['Yes', 'No']).toContain(p.prediction);
      expect(p.probabilities.Yes + p.probabilities.No).toBeCloseTo(1, 9);
      expect(p.rowId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const file = await app.inject({
      method: 'POST',
      url: `/api/models/${ids[0]}/predict`,
      ...multipart('attrition.csv', csv),
    });
    expect(file.statusCode, file.body).toBe(200);
    const { columns, rows: fileRows } = file.json();
    const at = columns.indexOf('predicted_Attrition');
    const probaYes = columns.indexOf('proba_Yes');
    expect(body.predictions.map((p: { prediction: string }) => p.prediction)).toEqual(
      fileRows.slice(0, 20).map((r: unknown[]) => r[at]),
    );
    expect(body.predictions[3].probabilities.Yes).toBeCloseTo(fileRows[3][probaYes], 12);
  });

  it('agrees with file prediction on every row, for the linear version too', async () => {
    const json = (await predict('/api/models/attrition/versions/2/predict', { rows })).json();
    const file = (
      await app.inject({
        method: 'POST',
        url: `/api/models/${ids[1]}/predict`,
        ...multipart('attrition.csv', csv),
      })
    ).json();
    // The file route answers its first 100 rows; the download has them all.
    const all = await app.inject({ url: `/api/predictions/${file.predictionId}/download?raw=true` });
    const lines = all.body.trim().split('\r\n');
    const unquote = (line: string) => line.split(',').map((c) => c.replaceAll('"', ''));
    const at = unquote(lines[0]).indexOf('predicted_Attrition');
    expect(at).toBeGreaterThan(0);
    expect(json.predictions.map((p: { prediction: string }) => p.prediction)).toEqual(
      lines.slice(1).map((l) => unquote(l)[at]),
    );
  });

  it('adds the 90% conformal set (classification) or interval (regression) saved with the model', async () => {
    const res = (
      await predict('/api/models/attrition/versions/1/predict', { rows: rows.slice(0, 5) })
    ).json();
    for (const p of res.predictions) {
      expect(p.set.level).toBe(0.9);
      for (const c of p.set.classes) expect(['Yes', 'No']).toContain(c);
    }
    const boston = (await upload(app, join(TABULAR, 'boston.csv'))).json();
    const job = await waitForJob(
      app,
      (
        await app.inject({
          method: 'POST',
          url: '/api/jobs/train',
          payload: { datasetId: boston.id, target: 'cmedv', model: 'linear', name: 'boston', seed: 1 },
        })
      ).json().id,
    );
    expect(job.status).toBe('succeeded');
    const bostonRows = parseCsv((await readFile(join(TABULAR, 'boston.csv'))).toString('utf8')).slice(0, 5);
    const reg = (await predict('/api/models/boston/versions/1/predict', { rows: bostonRows })).json();
    for (const p of reg.predictions) {
      expect(p.interval.level).toBe(0.9);
      expect(p.interval.lower).toBeLessThan(p.prediction);
      expect(p.interval.upper).toBeGreaterThan(p.prediction);
      expect(p.probabilities).toBeUndefined();
    }

    // A deleted version is no longer served, though it was cached.
    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/models/${job.result.modelId}?confirm=boston-v1`,
    });
    expect(deleted.statusCode, deleted.body).toBeLessThan(300);
    const gone = await predict('/api/models/boston/versions/1/predict', { rows: bostonRows });
    expect(gone.json().code).toBe('MODEL_VERSION_NOT_FOUND');
  });

  it('refuses rows that do not fit the schema, with a reason per column', async () => {
    const { Age: _, ...noAge } = rows[0];
    const missing = await predict('/api/models/attrition/versions/1/predict', { rows: [noAge] });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('SCHEMA_MISMATCH');
    expect(missing.json().details.issues).toEqual([
      expect.objectContaining({ column: 'Age', kind: 'missing_column' }),
    ]);
    const text = await predict('/api/models/attrition/versions/1/predict', {
      rows: [{ ...rows[0], DailyRate: 'lots' }],
    });
    expect(text.statusCode).toBe(422);
    expect(text.json().details.issues[0]).toMatchObject({ column: 'DailyRate', kind: 'wrong_type' });
    const empty = await predict('/api/models/attrition/versions/1/predict', { rows: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('VALIDATION_FAILED');
    const nested = await predict('/api/models/attrition/versions/1/predict', { rows: [{ Age: { x: 1 } }] });
    expect(nested.statusCode).toBe(400);
    const unknown = await predict('/api/models/attrition/versions/9/predict', { rows: [rows[0]] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('MODEL_VERSION_NOT_FOUND');
  });

  it('serves the production version once one is promoted', async () => {
    const before = await predict('/api/models/attrition/production/predict', { rows: [rows[0]] });
    expect(before.statusCode).toBe(409);
    expect(before.json().code).toBe('NO_PRODUCTION_VERSION');
    const promoted = await app.inject({
      method: 'PATCH',
      url: `/api/models/${ids[0]}`,
      payload: { stage: 'production' },
    });
    expect(promoted.statusCode).toBe(200);
    const after = await predict('/api/models/attrition/production/predict', { rows: [rows[0]] });
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json().model).toEqual({ name: 'attrition', version: 1 });
  });

  it('scores a CSV file into a CSV with row ids', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/models/attrition/versions/2/predict/batch',
      ...multipart('attrition.csv', csv),
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines).toHaveLength(rows.length + 1);
    const header = lines[0].split(',');
    expect(header.slice(0, 2)).toEqual(['"row_id"', '"Age"']);
    expect(header).toEqual(expect.arrayContaining(['"predicted_Attrition"', '"proba_No"', '"proba_Yes"']));
    expect(lines[1]).toMatch(/^"[0-9a-f-]{36}",41,/);
    // Every row scores exactly as the JSON route scores it (labels quoted, probabilities as numbers).
    const json = (await predict('/api/models/attrition/versions/2/predict', { rows })).json();
    const at = header.indexOf('"predicted_Attrition"');
    const yes = header.indexOf('"proba_Yes"');
    const cells = lines.slice(1).map((l) => l.split(','));
    expect(cells.map((c) => c[at])).toEqual(
      json.predictions.map((p: { prediction: string }) => `"${p.prediction}"`),
    );
    expect(cells.map((c) => Number(c[yes]))).toEqual(
      json.predictions.map((p: { probabilities: { Yes: number } }) => p.probabilities.Yes),
    );
  });

  it("answers 413 naming the route's own body limit: 16 MiB for predict, 1 MiB elsewhere", async () => {
    const big = JSON.stringify({ rows: [{ Age: 'x'.repeat(17 * 1024 * 1024) }] });
    const res = await app.inject({
      method: 'POST',
      url: '/api/models/attrition/versions/1/predict',
      headers: { 'content-type': 'application/json' },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('BODY_TOO_LARGE');
    expect(res.json().message).toContain('16 MiB (16777216 bytes)');
    expect(res.json().message).toContain('at most 10000 rows per call');
    const other = await app.inject({
      method: 'PUT',
      url: '/api/models/attrition/challenger',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ challenger: null, pad: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(other.statusCode).toBe(413);
    expect(other.json().message).toContain('1 MiB (1048576 bytes)');
    expect(other.json().message).not.toContain('rows per call');
  });

  it('documents the serving routes in the OpenAPI document, with examples', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/models/{name}/versions/{version}/predict'].post;
    expect(JSON.stringify(op.requestBody)).toContain('MonthlyIncome');
    expect(doc.paths['/api/tokens'].post).toBeDefined();
    expect(doc.paths['/api/predictions/outcomes'].post).toBeDefined();
  });
});

describe('champion / challenger', () => {
  it('routes a share to the challenger by input, the same way every time, and compares both arms', async () => {
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/models/attrition/challenger',
      payload: { challenger: { version: 7, mode: 'split', share: 0.3 } },
    });
    expect(bad.statusCode).toBe(404);
    const set = await app.inject({
      method: 'PUT',
      url: '/api/models/attrition/challenger',
      payload: { challenger: { version: 2, mode: 'split', share: 0.3 } },
    });
    expect(set.statusCode, set.body).toBe(200);
    const batch = rows.slice(0, 400);
    const first = (await predict('/api/models/attrition/production/predict', { rows: batch })).json();
    const again = (await predict('/api/models/attrition/production/predict', { rows: batch })).json();
    expect(first.challenger.version).toBe(2);
    expect(first.challenger.rows).toEqual(again.challenger.rows);
    const share = first.challenger.rows.length / batch.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);

    const outcomes = first.predictions.map((p: { rowId: string }, i: number) => ({
      rowId: p.rowId,
      outcome: batch[i].Attrition,
    }));
    const recorded = await predict('/api/predictions/outcomes', { outcomes });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toEqual({ recorded: 400, unknownRowIds: 0 });
    const compare = (await app.inject({ url: '/api/models/attrition/challenger/compare' })).json();
    const arms = Object.fromEntries(compare.arms.map((a: { arm: string }) => [a.arm, a]));
    expect(arms.champion).toMatchObject({ version: 1, n: 400 - first.challenger.rows.length });
    expect(arms.challenger).toMatchObject({ version: 2, n: first.challenger.rows.length });
    expect(arms.challenger.accuracy).toBeGreaterThan(0.5);
  });

  it('in shadow mode answers with the champion and logs the challenger beside it', async () => {
    await app.inject({
      method: 'PUT',
      url: '/api/models/attrition/challenger',
      payload: { challenger: { version: 2, mode: 'shadow' } },
    });
    const res = (
      await predict('/api/models/attrition/production/predict', { rows: rows.slice(0, 50) })
    ).json();
    expect(res.challenger).toBeUndefined();
    const outcomes = res.predictions.map((p: { rowId: string }, i: number) => ({
      rowId: p.rowId,
      outcome: rows[i].Attrition,
    }));
    await predict('/api/predictions/outcomes', { outcomes });
    const compare = (await app.inject({ url: '/api/models/attrition/challenger/compare' })).json();
    const shadow = compare.arms.find((a: { arm: string }) => a.arm === 'shadow');
    expect(shadow).toMatchObject({ version: 2, n: 50 });
    await app.inject({
      method: 'PUT',
      url: '/api/models/attrition/challenger',
      payload: { challenger: null },
    });
  });
});

describe('drift monitoring', () => {
  it('flags exactly the shifted numeric column and the category whose frequency changed', async () => {
    // Version 2 has seen undrifted rows in earlier tests: look only at what is logged from now on.
    const since = new Date().toISOString();
    const drifted = rows.map((r, i) => ({
      ...r,
      MonthlyIncome: Number(r.MonthlyIncome) + 4000,
      OverTime: i % 2 === 0 ? 'Yes' : r.OverTime,
    }));
    for (let i = 0; i < drifted.length; i += 500) {
      const res = await predict('/api/models/attrition/versions/2/predict', {
        rows: drifted.slice(i, i + 500),
      });
      expect(res.statusCode).toBe(200);
    }
    const report = (
      await app.inject({
        url: `/api/models/attrition/versions/2/monitoring?since=${encodeURIComponent(since)}`,
      })
    ).json();
    expect(report.nLogged).toBe(rows.length);
    const flagged = report.drift.filter((d: { status: string }) => d.status === 'drift');
    expect(flagged.map((d: { feature: string }) => d.feature).sort()).toEqual(['MonthlyIncome', 'OverTime']);
    expect(
      report.attention
        .slice(0, 2)
        .map((a: { subject: string }) => a.subject)
        .sort(),
    ).toEqual(['MonthlyIncome', 'OverTime']);
    const income = report.drift.find((d: { feature: string }) => d.feature === 'MonthlyIncome');
    expect(income.ks.pValue).toBeLessThan(0.01);
    const overtime = report.drift.find((d: { feature: string }) => d.feature === 'OverTime');
    expect(overtime.chiSquare.pValue).toBeLessThan(0.01);
  });

  it('raises nothing on undrifted traffic, and shows performance once outcomes exist', async () => {
    // Version 1 has seen the undrifted rows (earlier tests); send it the rest of the data set as is.
    const res = await predict('/api/models/attrition/versions/1/predict', { rows: rows.slice(400) });
    expect(res.statusCode).toBe(200);
    const outcomes = res.json().predictions.map((p: { rowId: string }, i: number) => ({
      rowId: p.rowId,
      outcome: rows[400 + i].Attrition,
    }));
    await predict('/api/predictions/outcomes', { outcomes });
    const report = (await app.inject({ url: '/api/models/attrition/versions/1/monitoring' })).json();
    expect(report.drift.filter((d: { status: string }) => d.status !== 'ok')).toEqual([]);
    expect(report.performance.overTime).toHaveLength(1);
    expect(report.performance.overTime[0].n).toBeGreaterThan(1000);
    expect(report.performance.overTime[0].accuracy).toBeGreaterThan(0.7);
  });

  it('takes configurable thresholds', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/models/attrition/monitoring/thresholds',
      payload: { psi: 10, pValue: 1e-300 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = (await app.inject({ url: '/api/models/attrition/versions/2/monitoring' })).json();
    expect(report.drift.filter((d: { status: string }) => d.status === 'drift')).toEqual([]);
    const bad = await app.inject({ url: '/api/models/attrition/versions/2/monitoring?since=yesterday' });
    expect(bad.statusCode).toBe(400);
    const invalid = await app.inject({
      method: 'PUT',
      url: '/api/models/attrition/monitoring/thresholds',
      payload: { psi: -1 },
    });
    expect(invalid.statusCode).toBe(400);
  });
});
