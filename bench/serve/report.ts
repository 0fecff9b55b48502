/** The results of `npm run bench:serve`: one console table, and its section of docs/benchmarks.md. */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { LoadResult } from './load';
import type { InProcessReference } from './reference';

export interface BatchTimes {
  rows: number;
  /** Median ms of each way of scoring the batch. The engine alone: encoded columns → probabilities and sets. */
  engine: number;
  /** JSON rows → encode → probabilities and sets. */
  inProcess: number;
  /** The batch route's work in-process: CSV file → strict reader → encode → score → CSV answer (no HTTP, no log). */
  inProcessCsv: number;
  /** Median CPU ms of the two in-process measurements (steadier than the wall clock on a loaded machine). */
  cpu: { engine: number; predict: number; csv: number };
  json: number;
  csvFile: number;
}

export interface ReferenceHttp {
  workers: number;
  levels: LoadResult[];
  batch: { json: number; csv: number };
}

export interface ServeResult {
  seconds: number;
  load: number;
  levels: LoadResult[];
  batch: BatchTimes;
  /** FastAPI + uvicorn runs (1 worker, 2 workers), or why there are none. */
  http: ReferenceHttp[] | { missing: string };
  inProcess: InProcessReference[];
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '');

/** Markdown lines: single-row table (Quarry beside each uvicorn run) and batch table. */
export function tables(r: ServeResult): string[] {
  const http = Array.isArray(r.http) ? r.http : [];
  const head = [
    '| Concurrency | Quarry req/s | p50 ms | p99 ms | errors |',
    ...http.map((h) => ` FastAPI ${h.workers}w req/s | p50 ms | p99 ms | Quarry ÷ ${h.workers}w |`),
  ].join('');
  const rule = [
    '| ---: | ---: | ---: | ---: | ---: |',
    ...http.map(() => ' ---: | ---: | ---: | ---: |'),
  ].join('');
  const single = r.levels.map((q, i) =>
    [
      `| ${q.concurrency} | ${q.reqPerSec} | ${q.p50Ms} | ${q.p99Ms} | ${q.errors} |`,
      ...http.map((h) => {
        const f = h.levels[i];
        return ` ${f.reqPerSec}${f.errors > 0 ? ` (${f.errors} errors)` : ''} | ${f.p50Ms} | ${f.p99Ms} | ${ratio(q.reqPerSec, f.reqPerSec)} |`;
      }),
    ].join(''),
  );
  const n = r.batch.rows;
  const sk = (t: string) => r.inProcess.find((x) => x.threads === t);
  // The like-for-like reference: scikit-learn's predict_proba on one thread, as Quarry scores on one thread.
  const base = sk('1')?.batchRowsPerSec ?? 0;
  const row = (label: string, ms: number) =>
    `| ${label} | ${rate(n, ms)} | ${Math.round(ms)} | ${ratio(rate(n, ms), base)} |`;
  const batch = [
    `| Batch of ${n} rows (median of 5 after a warm-up) | Rows/s | ms | Quarry batch rows/s ÷ scikit-learn predict rows/s (both 1 thread) |`,
    '| --- | ---: | ---: | ---: |',
    row(
      '**Quarry `predict_proba`, in-process, 1 thread** (columns already encoded, as scikit-learn gets its array: probabilities, conformal sets)',
      r.batch.engine,
    ),
    row(
      'Quarry `predict_proba`, in-process, 1 thread, from JSON row objects (encode the rows, probabilities, conformal sets)',
      r.batch.inProcess,
    ),
    row(
      '**Quarry batch scoring, in-process, 1 thread** (CSV file → strict reader → encode → score → CSV answer; no HTTP, no log)',
      r.batch.inProcessCsv,
    ),
    row('Quarry, JSON route (HTTP, parse, score, log)', r.batch.json),
    row(
      'Quarry, CSV batch-file route (multipart upload, in-process CSV reader, score, log, CSV streamed out)',
      r.batch.csvFile,
    ),
    ...http.flatMap((h) => [
      row(`FastAPI ${h.workers}w, JSON rows (\`POST /predict\`)`, h.batch.json),
      row(
        `FastAPI ${h.workers}w, CSV body (\`POST /predict/batch\`: pandas read_csv, predict_proba, to_csv)`,
        h.batch.csv,
      ),
    ]),
    ...['1', 'default (all cores)'].flatMap((t) => {
      const x = sk(t);
      return x === undefined
        ? []
        : [
            `| scikit-learn ${x.sklearn} \`predict_proba\`, in-process, OpenMP threads: ${t} | ${x.batchRowsPerSec} | ${x.batchMs} | ${ratio(x.batchRowsPerSec, base)} |`,
          ];
    }),
  ];
  const sk1 = sk('1');
  const cpu =
    sk1 === undefined
      ? []
      : [
          '',
          `CPU time per batch of ${n} rows (median of 5; the wall clock above also counts waiting for a core on a shared machine): Quarry \`predict_proba\` on encoded columns ${Math.round(r.batch.cpu.engine)} ms, from JSON rows ${Math.round(r.batch.cpu.predict)} ms, Quarry batch scoring CSV → CSV ${Math.round(r.batch.cpu.csv)} ms, scikit-learn \`predict_proba\` (1 thread) ${Math.round(sk1.batchCpuMs)} ms — Quarry ÷ scikit-learn in rows per CPU second: ${ratio(sk1.batchCpuMs, r.batch.cpu.engine)}, ${ratio(sk1.batchCpuMs, r.batch.cpu.predict)} and ${ratio(sk1.batchCpuMs, r.batch.cpu.csv)}.`,
        ];
  return [head, rule, ...single, '', ...batch, ...cpu];
}

const START = '<!-- bench:serve:start -->';
const END = '<!-- bench:serve:end -->';

/** Rewrites the serving section of docs/benchmarks.md (between its markers; appended the first time). */
export function writeSection(r: ServeResult): void {
  const doc = resolve(import.meta.dirname, '../../docs/benchmarks.md');
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const single = r.inProcess
    .map((x) => `${x.singleRowCallsPerSec}/s at OpenMP threads ${x.threads}`)
    .join(', ');
  const lines = [
    START,
    '## Serving: single-row REST requests and batch scoring',
    '',
    `Command: \`npm run bench:serve\` (\`BENCH_SECONDS=${r.seconds}\`) — run ${when} UTC; ${cpus().length} cores, Node ${process.version}; load average ${r.load.toFixed(2)} at the start (other work was running).`,
    '',
    'Model: gradient boosting, 100 trees (scikit-learn defaults), trained on attrition.csv (1 470 rows, 30 features).',
    '`quarry start` runs as a child process (two worker threads; the event loop scores single rows itself); the load',
    'generator (bench/serve/load.ts: closed loop, keep-alive HTTP) shares the same 2 cores, so these are floors.',
    'Each request is one row to `POST /api/models/bench/versions/1/predict`, answered with class probabilities and',
    'a 90% conformal set, and logged to DuckDB (asynchronously, in batches). The reference is the same model family',
    '(HistGradientBoostingClassifier, 100 iterations) in bench/serve/reference_app.py: FastAPI 0.92 under uvicorn',
    '0.17.6 (Debian packages: asyncio and h11, no uvloop or httptools), one OpenMP thread per worker, *1w* = one',
    'uvicorn worker process, *2w* = two (one per core, as Quarry uses both cores; TCP_NODELAY set per connection, which',
    "uvicorn's --workers path leaves off, Kludex/uvicorn#3149); it answers probabilities only and logs nothing. Same",
    'load generator, same request bodies; all servers run together and each measurement goes to each server back to',
    'back (Quarry, 1w, 2w), so load from other work drifts over all of them alike. The bench process itself starts as',
    "the server does (bench/like-product.mjs: tsx's ESM loader only), so its in-process timings pay no cost the",
    'server does not pay (docs/decisions.md 41).',
    '',
    ...(Array.isArray(r.http) ? [] : [`No HTTP reference in this run: ${r.http.missing}`, '']),
    ...tables(r),
    '',
    r.inProcess.length === 0
      ? 'scikit-learn not installed: no in-process reference.'
      : `scikit-learn's single-row \`predict_proba\` call rate, in-process: ${single}. With its default threads on a shared 2-core machine, scikit-learn's OpenMP threads spin against each other and other load, so its default-thread numbers swing widely between runs; one thread is its steady figure.`,
    '',
    "The CSV batch-file route reads a CSV/TSV upload in the server process with a strict, bounded RFC 4180 reader (serving/strict-csv.ts; docs/decisions.md 36), checks it against the schema contract, scores it batch by batch on the event loop, logs every row and streams the answer out; a file it cannot answer exactly as the general path would (another format, a cleaning recipe, a schema error) goes through the child-process parser and DuckDB as before. The route's time beyond the in-process row is the multipart upload landing on disk, HTTP, and the prediction log (appended as DuckDB data chunks after the answer). bench/serve/profile-batch.ts profiles the route in-process.",
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
