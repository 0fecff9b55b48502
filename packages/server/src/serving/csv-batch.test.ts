import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, TABULAR, tempDir, testApp, upload, waitForJob } from '../../test/helpers';
import { batchCsv } from './batch';
import { planCsvBatch } from './csv-batch';

let app: FastifyInstance;
const scratch = tempDir('quarry-csv-batch-');

async function train(file: string, target: string, model: string, name: string) {
  const dataset = (await upload(app, join(TABULAR, file))).json();
  const res = await app.inject({
    method: 'POST',
    url: '/api/jobs/train',
    payload: { datasetId: dataset.id, target, model, name, seed: 1 },
  });
  const job = await waitForJob(app, res.json().id);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
}

/** The batch route's answer with every row id replaced by a placeholder (they are fresh UUIDs). */
async function route(name: string, csv: string, fileName = 'batch.csv') {
  const res = await app.inject({
    method: 'POST',
    url: `/api/models/${name}/versions/1/predict/batch`,
    ...multipart(fileName, csv),
  });
  return { res, text: res.body.replace(/^"[0-9a-f-]{36}"/gm, '"id"') };
}

/** Whether the in-process path takes the file (null: it is left to the general path). */
async function takes(name: string, csv: string): Promise<boolean> {
  const model = await app.serving.cache.version(name, 1);
  const path = join(scratch, `${name}-plan.csv`);
  writeFileSync(path, csv);
  return (await planCsvBatch(model, { path, fileName: 'batch.csv' })) !== null;
}

/** The general path's answer for the same file: child-process parse, DuckDB, schema check, worker pool. */
async function general(name: string, csv: string): Promise<string> {
  const model = await app.serving.cache.version(name, 1);
  const path = join(scratch, `${name}.csv`);
  writeFileSync(path, csv);
  const result = await app.predictions.predict(model.file, { path, fileName: 'batch.csv' }, null, {
    keep: false,
  });
  return batchCsv(
    result,
    result.rows.map(() => 'id'),
  );
}

const attrition = readFileSync(join(TABULAR, 'attrition.csv'), 'utf8');
const sacramento = readFileSync(join(TABULAR, 'sacramento.csv'), 'utf8');

beforeAll(async () => {
  app = await testApp();
  await train('attrition.csv', 'Attrition', 'gbdt', 'attrition');
  await train('sacramento.csv', 'price', 'gbdt', 'houses');
}, 240_000);
afterAll(async () => {
  await app.close();
});

describe('in-process CSV batch scoring', () => {
  it('answers byte for byte what the general file path answers: classification with conformal sets', async () => {
    const { res, text } = await route('attrition', attrition);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(text).toContain('"set_Attrition_90"');
    expect(await takes('attrition', attrition)).toBe(true);
    expect(text).toBe(await general('attrition', attrition));
  });

  it('reads what DuckDB reads: NULL strings, quotes, padding, unseen categories, CRLF, formula triggers', async () => {
    const [header, ...lines] = attrition.trim().split('\n');
    const names = header.split(',');
    const age = names.indexOf('"Age"');
    const travel = names.indexOf('"BusinessTravel"');
    const income = names.indexOf('"MonthlyIncome"');
    const odd = lines.slice(0, 60).map((line, i) => {
      const cells = line.split(',');
      if (i % 5 === 0) cells[age] = 'NA';
      if (i % 5 === 1) cells[age] = ` +${cells[age]}.0 `;
      if (i % 5 === 2) cells[travel] = '"=cmd|x"';
      if (i % 5 === 3) cells[travel] = '"Travel ""Often"""';
      if (i % 7 === 0) cells[income] = '""';
      if (i % 11 === 0) cells[travel] = ' "Travel_Rarely" ';
      return cells.join(',');
    });
    const csv = `${[header, ...odd].join('\r\n')}\r\n\r\n`;
    const { res, text } = await route('attrition', csv);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(text.trim().split('\r\n')).toHaveLength(61);
    expect(text).toContain(`"'=cmd|x"`);
    expect(await takes('attrition', csv)).toBe(true);
    expect(text).toBe(await general('attrition', csv));
  });

  it('answers byte for byte what the general path answers: regression with conformal intervals', async () => {
    const { res, text } = await route('houses', sacramento);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(text).toContain('"lower_price_90","upper_price_90"');
    expect(await takes('houses', sacramento)).toBe(true);
    expect(text).toBe(await general('houses', sacramento));
  });

  it('streams a large file batch by batch, read twice rather than kept, with the same answer', async () => {
    const [header, ...lines] = attrition.trim().split('\n');
    // 40 000 rows × 31 columns: over the cells kept from the check, so scoring reads the file again, in 5 batches.
    const big = [header, ...Array.from({ length: 40_000 }, (_, i) => lines[i % lines.length])].join('\n');
    const model = await app.serving.cache.version('attrition', 1);
    const path = join(scratch, 'big-plan.csv');
    writeFileSync(path, big);
    const plan = await planCsvBatch(model, { path, fileName: 'big.csv' });
    expect(plan?.kept).toBeNull();
    expect(plan?.nRows).toBe(40_000);
    const { res, text } = await route('attrition', big);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(text).toBe(await general('attrition', big));
  }, 120_000);

  it('logs every row for monitoring, the features as the JSON route logs them', async () => {
    await app.serving.log.flush();
    const count = async () =>
      Number(
        (
          await app.store.one<{ n: bigint }>(
            "SELECT count(*) AS n FROM prediction_log WHERE model_name = 'houses'",
          )
        )?.n ?? 0,
      );
    const before = await count();
    const { res } = await route('houses', sacramento);
    expect(res.statusCode).toBe(200);
    await app.serving.log.flush();
    expect((await count()) - before).toBe(sacramento.trim().split('\n').length - 1);
    const firstId = res.body.split('\r\n')[1].split(',')[0].replaceAll('"', '');
    const logged = await app.store.one<{ inputs: string; prediction: string }>(
      'SELECT inputs, prediction FROM prediction_log WHERE row_id = $1',
      [firstId],
    );
    expect(JSON.parse(logged!.inputs)).toContain('SACRAMENTO');
    expect(Number(logged!.prediction)).toBeGreaterThan(0);
  });

  it('leaves files with schema errors to the general path: the same 422 with per-column issues', async () => {
    const bad = attrition.replace(/\n(\d+),/, '\nforty,');
    expect(await takes('attrition', bad)).toBe(false);
    const { res } = await route('attrition', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SCHEMA_MISMATCH');
    expect(res.json().details.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: 'Age', code: 'TYPE_MISMATCH' })]),
    );
    const missing = attrition.replace('"Age",', '"Years",');
    const gone = await route('attrition', missing);
    expect(gone.res.statusCode).toBe(422);
    expect(gone.res.json().details.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ column: 'Age', code: 'MISSING_COLUMN' })]),
    );
  });

  it('refuses malformed CSV with the stable codes, without a child process', async () => {
    const header = attrition.split('\n')[0];
    const cases: [string, number, string][] = [
      [`${header}\n41,"Yes"\n`, 422, 'RAGGED_ROWS'],
      [`${header}\n41,"Yes\n`, 422, 'UNREADABLE_FILE'],
      [`${attrition}41,\u0000\n`, 422, 'UNREADABLE_FILE'],
      ['', 422, 'EMPTY_FILE'],
    ];
    for (const [csv, status, code] of cases) {
      const { res } = await route('attrition', csv);
      expect(res.statusCode, csv.slice(-30)).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message.length).toBeGreaterThan(20);
    }
    const latin1 = Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0x41, 0xe9, 0x0a])]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/models/attrition/versions/1/predict/batch',
      ...multipart('batch.csv', latin1),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toContain('UTF-8');
  });
});
