/**
 * `npm run bench:serve`: REST serving throughput of a 100-tree gradient-boosting model (scikit-learn's
 * HistGradientBoosting defaults: max_iter 100, no early stopping under 10 000 rows) trained on attrition.csv.
 * Starts `quarry start` as a child process, then drives it from this process over keep-alive HTTP:
 * single-row requests at concurrency 1, 16 and 64 (req/s, p50, p99), then batch scoring (rows/s) through the
 * JSON route and the CSV batch-file route. The load generator shares the machine's cores with the server,
 * so the numbers are a floor. Results go to bench/results/serve-<time>.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fromJSON } from '@quarry/ml';
import type { ModelFile } from '../../packages/server/src/models/model-file';
import { encodeRows, type JsonRow } from '../../packages/server/src/serving/encode-rows';
import { type LoadedModel, scoreRows } from '../../packages/server/src/serving/model-cache';
import { startChildServer } from '../../packages/server/test/child-server';

const DATA = resolve(import.meta.dirname, '../../../shared/data/tabular/attrition.csv');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LEVELS = [1, 16, 64];

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

/** Closed-loop load: `concurrency` clients each send the next request when the last one is answered. */
async function load(url: URL, bodies: string[], concurrency: number, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let stop = false;
  const one = (body: string) =>
    new Promise<number>((done, fail) => {
      const start = performance.now();
      const req = request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? done(performance.now() - start) : fail(new Error(`${res.statusCode}`)),
          );
        },
      );
      req.on('error', fail);
      req.end(body);
    });
  const client = async (k: number) => {
    let i = k;
    while (!stop) {
      try {
        latencies.push(await one(bodies[i++ % bodies.length]));
      } catch {
        errors++;
      }
    }
  };
  // One second of warm-up (connections, JIT), then the measured window.
  let clients = Array.from({ length: concurrency }, (_, k) => client(k));
  await new Promise((r) => setTimeout(r, 1000));
  stop = true;
  await Promise.all(clients);
  latencies.length = 0;
  stop = false;
  const start = performance.now();
  clients = Array.from({ length: concurrency }, (_, k) => client(k));
  await new Promise((r) => setTimeout(r, seconds * 1000));
  stop = true;
  await Promise.all(clients);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return {
    concurrency,
    requests: latencies.length,
    errors,
    reqPerSec: Math.round(latencies.length / elapsed),
    p50Ms: Number(q(0.5).toFixed(2)),
    p99Ms: Number(q(0.99).toFixed(2)),
  };
}

/** scikit-learn's HistGradientBoosting of the same size, in-process (bench/serve/reference.py), if installed. */
function sklearnReference(): Record<string, unknown> | null {
  const python = '/usr/bin/python3';
  if (!existsSync(python)) return null;
  const run = spawnSync(python, [resolve(import.meta.dirname, 'reference.py'), DATA], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.warn(`scikit-learn reference skipped: ${run.stderr.trim().split('\n').at(-1)}`);
    return null;
  }
  return JSON.parse(run.stdout);
}

const START = '<!-- bench:serve:start -->';
const END = '<!-- bench:serve:end -->';

/** Rewrites the serving section of docs/benchmarks.md (between its markers; appended the first time). */
function writeSection(r: {
  seconds: number;
  load: number;
  levels: Awaited<ReturnType<typeof load>>[];
  batch: Record<string, number>;
  reference: Record<string, unknown> | null;
}) {
  const doc = resolve(import.meta.dirname, '../../docs/benchmarks.md');
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const ref = r.reference;
  const lines = [
    START,
    '## Serving: single-row REST requests and batch scoring',
    '',
    `Command: \`npm run bench:serve\` (\`BENCH_SECONDS=${r.seconds}\`) — run ${when} UTC; ${cpus().length} cores, Node ${process.version}; load average ${r.load.toFixed(2)} at the start (other work was running).`,
    '',
    'Model: gradient boosting, 100 trees (scikit-learn defaults), trained on attrition.csv (1 470 rows, 30 features).',
    '`quarry start` runs as a child process; the load generator (bench/serve/run.ts: closed loop, keep-alive HTTP)',
    'shares the same 2 cores, so these are floors. Each request is one row to',
    '`POST /api/models/bench/versions/1/predict`, answered with class probabilities and a 90% conformal set, and',
    'logged to DuckDB (asynchronously, in batches).',
    '',
    '| Concurrency | Requests/s | p50 ms | p99 ms | Errors |',
    '| ---: | ---: | ---: | ---: | ---: |',
    ...r.levels.map((l) => `| ${l.concurrency} | ${l.reqPerSec} | ${l.p50Ms} | ${l.p99Ms} | ${l.errors} |`),
    '',
    '| Batch of 10 000 rows (median of 5) | Rows/s | ms |',
    '| --- | ---: | ---: |',
    `| Quarry, in-process (encode, predict_proba, conformal sets; no HTTP) | ${r.batch.inProcessRowsPerSec} | ${r.batch.inProcessMs} |`,
    `| Quarry, JSON route (HTTP, parse, score, log) | ${r.batch.jsonRowsPerSec} | ${r.batch.jsonMs} |`,
    `| Quarry, CSV batch-file route (upload, DuckDB, schema check, worker pool) | ${r.batch.csvFileRowsPerSec} | ${r.batch.csvFileMs} |`,
    ref === null
      ? '| scikit-learn: not installed, not measured | | |'
      : `| scikit-learn ${ref.sklearn} \`predict_proba\`, in-process (no HTTP) | ${ref.batchRowsPerSec} | ${ref.batchMs} |`,
    '',
    ref === null
      ? ''
      : `scikit-learn's single-row \`predict_proba\` call rate, in-process: ${ref.singleRowCallsPerSec}/s. FastAPI and uvicorn are not installed on this machine, so there is no HTTP reference; the in-process numbers bound what it could do. scikit-learn predicts on OpenMP threads over both cores, which suffer most from other load: its batch time varied about 3× between runs on the shared machine, so compare on a quiet one.`,
    END,
  ];
  const text = readFileSync(doc, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const section = lines.join('\n');
  writeFileSync(
    doc,
    a >= 0 && b > a
      ? text.slice(0, a) + section + text.slice(b + END.length)
      : `${text.trimEnd()}\n\n${section}\n`,
  );
}

async function main() {
  const loadAverage = loadavg()[0];
  const dataDir = mkdtempSync(join(tmpdir(), 'quarry-bench-serve-'));
  const server = await startChildServer(dataDir);
  try {
    const base = server.url.replace(/\/$/, '');
    const csv = readFileSync(DATA);
    const form = new FormData();
    form.append('file', new Blob([csv]), 'attrition.csv');
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
      if (j.status === 'succeeded') break;
      if (j.status !== 'queued' && j.status !== 'running') throw new Error(`training ${j.status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const rows = parseCsv(csv.toString('utf8'));
    const url = new URL(`${base}/api/models/bench/versions/1/predict`);
    const single = rows.slice(0, 200).map((r) => JSON.stringify({ rows: [r] }));

    const levels = [];
    for (const c of LEVELS) {
      levels.push(await load(url, single, c, SECONDS));
      console.log(levels.at(-1));
    }

    // Batch: 10 000 rows per call (attrition's rows repeated), median of 5 calls.
    const big = Array.from({ length: 10_000 }, (_, i) => rows[i % rows.length]);
    const bigBody = JSON.stringify({ rows: big });
    const bigCsv = [Object.keys(big[0]).join(','), ...big.map((r) => Object.values(r).join(','))].join('\n');
    const time = async (fn: () => Promise<unknown>) => {
      const runs: number[] = [];
      for (let k = 0; k < 5; k++) {
        const t = performance.now();
        await fn();
        runs.push(performance.now() - t);
      }
      return runs.sort((a, b) => a - b)[2];
    };
    const jsonMs = await time(() =>
      api(base, '/api/models/bench/versions/1/predict', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bigBody,
      }),
    );
    const fileMs = await time(() => {
      const f = new FormData();
      f.append('file', new Blob([bigCsv]), 'batch.csv');
      return api(base, '/api/models/bench/versions/1/predict/batch', { method: 'POST', body: f });
    });
    // The same model scored in this process (encode + predict_proba + conformal sets, no HTTP, no log): the
    // like-for-like comparison with scikit-learn's in-process predict_proba.
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
    const inProcessMs = await time(async () =>
      scoreRows(loaded, encodeRows(big as JsonRow[], modelFile.schema.columns)),
    );
    const batch = {
      rows: big.length,
      inProcessRowsPerSec: Math.round(big.length / (inProcessMs / 1000)),
      inProcessMs: Math.round(inProcessMs),
      jsonRowsPerSec: Math.round(big.length / (jsonMs / 1000)),
      jsonMs: Math.round(jsonMs),
      csvFileRowsPerSec: Math.round(big.length / (fileMs / 1000)),
      csvFileMs: Math.round(fileMs),
    };
    console.log(batch);
    const reference = sklearnReference();
    console.log(reference);
    const out = resolve(import.meta.dirname, '../results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `serve-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.json`);
    const result = {
      model: 'gbdt (100 trees), attrition.csv',
      seconds: SECONDS,
      load: loadAverage,
      levels,
      batch,
      reference,
    };
    writeFileSync(file, JSON.stringify(result, null, 2));
    writeSection(result);
    console.log(`wrote ${file} and docs/benchmarks.md`);
  } finally {
    await server.stop();
  }
}

await main();
