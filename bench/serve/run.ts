/**
 * `npm run bench:serve`: REST serving throughput of a 100-tree gradient-boosting model (scikit-learn's
 * HistGradientBoosting defaults: max_iter 100, no early stopping under 10 000 rows) trained on attrition.csv,
 * beside scikit-learn's HistGradientBoostingClassifier of the same size behind FastAPI + uvicorn.
 * Starts `quarry start` and bench/serve/reference_app.py under uvicorn (1 worker, 2 workers) as child processes
 * and drives each from this process over keep-alive HTTP, one at a time: single-row requests at concurrency 1, 16
 * and 64 (req/s, p50, p99), then batch scoring (rows/s) of 10 000 rows as JSON and as a CSV file; then Quarry's
 * in-process scoring (predict_proba on encoded columns, and the batch route's CSV-to-CSV work) beside
 * scikit-learn's predict_proba (reference.py), both on one thread. The load generator shares the machine's cores with the
 * server, so the numbers are a floor. Results go to bench/results/serve-<time>.json
 * and the serving section of docs/benchmarks.md.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fromJSON } from '@quarry/ml';
import type { ModelFile } from '../../packages/server/src/models/model-file';
import type { PredictionLog } from '../../packages/server/src/monitoring/prediction-log';
import { planCsvBatch, scoreCsvBatch } from '../../packages/server/src/serving/csv-batch';
import { encodeRows, type JsonRow } from '../../packages/server/src/serving/encode-rows';
import { type LoadedModel, scoreRows } from '../../packages/server/src/serving/model-cache';
import { startChildServer } from '../../packages/server/test/child-server';
import { type LoadResult, load, medianCpuMs, medianMs } from './load';
import { inProcessReference, referenceMissing, startReference } from './reference';
import { type ReferenceHttp, type ServeResult, tables, writeSection } from './report';

const DATA = resolve(import.meta.dirname, '../../../shared/data/tabular/attrition.csv');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LEVELS = [1, 16, 64];
const WORKERS = (process.env.BENCH_REF_WORKERS ?? '1,2').split(',').map(Number);

type Row = Record<string, string | number>;

function parseCsv(text: string): Row[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header.split(',').map((h) => h.replaceAll('"', ''));
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(
      names.map((n, i) => [n, cells[i].startsWith('"') ? cells[i].slice(1, -1) : Number(cells[i])]),
    );
  });
}

async function api(base: string, path: string, init?: RequestInit) {
  const res = await fetch(base + path, init);
  const body = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
  return body.startsWith('{') ? JSON.parse(body) : body;
}

const rows = parseCsv(readFileSync(DATA, 'utf8'));
/** Single-row request bodies (the first 200 rows), the same for both servers. */
const single = rows.slice(0, 200).map((r) => JSON.stringify({ rows: [r] }));
/** Batch: 10 000 rows per call (attrition's rows repeated), as JSON rows and as CSV. */
const big = Array.from({ length: 10_000 }, (_, i) => rows[i % rows.length]);
const bigBody = JSON.stringify({ rows: big });
const bigCsv = [Object.keys(big[0]).join(','), ...big.map((r) => Object.values(r).join(','))].join('\n');
const json = { method: 'POST', headers: { 'content-type': 'application/json' }, body: bigBody };

async function trainQuarry(base: string): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(DATA)]), 'attrition.csv');
  const dataset = await api(base, '/api/datasets', { method: 'POST', body: form });
  const job = await api(base, '/api/jobs/train', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      datasetId: dataset.id,
      target: 'Attrition',
      model: 'gbdt',
      name: 'bench',
      seed: 1,
    }),
  });
  for (;;) {
    const j = await api(base, `/api/jobs/${job.id}`);
    if (j.status === 'succeeded') return;
    if (j.status !== 'queued' && j.status !== 'running') throw new Error(`training ${j.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** One server under test: where its single-row and batch routes are, and how to stop it. */
interface Side {
  label: string;
  predict: URL;
  batchJson: () => Promise<unknown>;
  batchCsv: () => Promise<unknown>;
  stop: () => Promise<void>;
}

async function startQuarry(): Promise<Side & { base: string }> {
  const server = await startChildServer(mkdtempSync(join(tmpdir(), 'quarry-bench-serve-')));
  const base = server.url.replace(/\/$/, '');
  await trainQuarry(base);
  const predict = `${base}/api/models/bench/versions/1/predict`;
  return {
    label: 'Quarry',
    base,
    predict: new URL(predict),
    batchJson: () => api(predict, '', json),
    batchCsv: () => {
      const f = new FormData();
      f.append('file', new Blob([bigCsv]), 'batch.csv');
      return api(`${predict}/batch`, '', { method: 'POST', body: f });
    },
    stop: () => server.stop(),
  };
}

async function startFastApi(workers: number): Promise<Side> {
  const server = await startReference(DATA, workers);
  return {
    label: `FastAPI ${workers}w`,
    predict: new URL(`${server.url}/predict`),
    batchJson: () => api(`${server.url}/predict`, '', json),
    batchCsv: () =>
      api(`${server.url}/predict/batch`, '', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: bigCsv,
      }),
    stop: () => server.stop(),
  };
}

/**
 * The same model scored in this process (encode + predict_proba + conformal sets, no HTTP, no log): the
 * like-for-like comparison with scikit-learn's in-process predict_proba.
 */
async function quarryInProcess(base: string): Promise<{
  engine: number;
  predict: number;
  csv: number;
  engineCpu: number;
  predictCpu: number;
  csvCpu: number;
}> {
  const models = await api(base, '/api/models');
  const modelFile = (await api(base, `/api/models/${models.models[0].id}/download`)) as ModelFile;
  const loaded = {
    id: '',
    name: 'bench',
    version: 1,
    file: modelFile,
    estimator: fromJSON(modelFile.pipeline as never),
    spread: null,
  } as unknown as LoadedModel;
  const scoreBig = async () => scoreRows(loaded, encodeRows(big as JsonRow[], modelFile.schema.columns));
  const predict = await medianMs(scoreBig);
  const predictCpu = await medianCpuMs(scoreBig);
  // The engine alone, as scikit-learn's side is timed: columns already encoded (its numeric array is built before
  // the clock starts), then probabilities and the conformal sets.
  const encoded = encodeRows(big as JsonRow[], modelFile.schema.columns);
  const scoreEncoded = async () => scoreRows(loaded, encoded);
  const engine = await medianMs(scoreEncoded);
  const engineCpu = await medianCpuMs(scoreEncoded);
  // The batch route's work without HTTP and the log: CSV file → strict reader → encode → score → CSV answer.
  const upload = {
    path: join(mkdtempSync(join(tmpdir(), 'quarry-bench-csv-')), 'batch.csv'),
    fileName: 'batch.csv',
  };
  writeFileSync(upload.path, bigCsv);
  const noLog = { add: () => undefined } as unknown as PredictionLog;
  const scoreCsv = async () => {
    const plan = await planCsvBatch(loaded, upload);
    if (plan === null) throw new Error('the bench CSV should take the in-process path');
    for await (const text of scoreCsvBatch(plan, loaded, noLog, async () => undefined)) void text;
  };
  const csv = await medianMs(scoreCsv);
  const csvCpu = await medianCpuMs(scoreCsv);
  return { engine, predict, csv, engineCpu, predictCpu, csvCpu };
}

/**
 * Every server is started first and idles while another is measured; each measurement (a concurrency level, a
 * batch route) then runs on every server back to back, so other load on the shared machine drifts over all of
 * them alike instead of over whichever server happened to run last.
 */
async function main() {
  const loadAverage = loadavg()[0];
  const missing = referenceMissing();
  if (missing !== null) console.warn(`No FastAPI reference: ${missing}`);
  const quarry = await startQuarry();
  const sides: Side[] = [quarry];
  try {
    if (missing === null) for (const w of WORKERS) sides.push(await startFastApi(w));
    const levels = sides.map((): LoadResult[] => []);
    for (const c of LEVELS)
      for (const [k, side] of sides.entries()) {
        levels[k].push(await load(side.predict, single, c, SECONDS));
        console.log(side.label, levels[k].at(-1));
      }
    const batchJson: number[] = [];
    const batchCsv: number[] = [];
    for (const side of sides) batchJson.push(await medianMs(side.batchJson));
    for (const side of sides) batchCsv.push(await medianMs(side.batchCsv));
    const inProcessMs = await quarryInProcess(quarry.base);
    const batch = {
      rows: big.length,
      engine: inProcessMs.engine,
      inProcess: inProcessMs.predict,
      inProcessCsv: inProcessMs.csv,
      cpu: { engine: inProcessMs.engineCpu, predict: inProcessMs.predictCpu, csv: inProcessMs.csvCpu },
      json: batchJson[0],
      csvFile: batchCsv[0],
    };
    console.log(batch);
    const http: ReferenceHttp[] = WORKERS.slice(0, sides.length - 1).map((workers, k) => ({
      workers,
      levels: levels[k + 1],
      batch: { json: batchJson[k + 1], csv: batchCsv[k + 1] },
    }));
    const inProcess = [1, null].flatMap((t) => inProcessReference(DATA, t) ?? []);
    const result: ServeResult = {
      seconds: SECONDS,
      load: loadAverage,
      levels: levels[0],
      batch,
      http: missing === null ? http : { missing },
      inProcess,
    };
    console.log(tables(result).join('\n'));
    const out = resolve(import.meta.dirname, '../results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `serve-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.json`);
    writeFileSync(file, JSON.stringify({ model: 'gbdt (100 trees), attrition.csv', ...result }, null, 2));
    if (process.env.BENCH_NO_DOC === undefined) writeSection(result);
    console.log(`wrote ${file}${process.env.BENCH_NO_DOC === undefined ? ' and docs/benchmarks.md' : ''}`);
  } finally {
    for (const side of sides) await side.stop();
  }
}

await main();
