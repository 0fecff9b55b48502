/**
 * Profile at scale: Quarry's upload + type inference + profile of a seeded 1 000 000 × 20 CSV, through the real
 * server over HTTP, against DuckDB's own path on the same file in the same run — `read_csv` (auto-detected types)
 * into a table, then `SUMMARIZE` of that table. Target (issue [E]): at most 2× DuckDB.
 *
 *   npm run bench:profile                 # 1 000 000 rows, 3 runs, fastest of each
 *   npm run bench:profile -- --rows 200000 --runs 1
 *   npm run bench:profile -- --rows 200000 --runs 1 --no-write   # print only, leave docs/benchmarks.md alone
 *
 * The result goes between the `<!-- bench:profile:start -->` and `<!-- bench:profile:end -->` markers of
 * docs/benchmarks.md (the rest of the file belongs to other benchmarks).
 */
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { buildApp } from '../../packages/server/src/app';
import { defaults } from '../../packages/server/src/config/config';
import { generateProfileCsv } from './generate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = option('rows', 1_000_000);
const RUNS = option('runs', 3);

interface Timing {
  load: number;
  profile: number;
}

/** POSTs a file as multipart/form-data, streaming it from disk (no copy in memory). */
function uploadFile(port: number, path: string): Promise<{ status: number; body: string }> {
  const boundary = `----quarrybench${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(path)}"\r\nContent-Type: text/csv\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/datasets',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': Buffer.byteLength(head) + statSync(path).size + Buffer.byteLength(tail),
        },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', fail);
    req.write(head);
    const file = createReadStream(path);
    file.on('error', fail);
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
}

async function quarry(path: string): Promise<Timing> {
  const dataDir = mkdtempSync(join(tmpdir(), 'quarry-bench-'));
  const app = await buildApp({
    ...defaults,
    dataDir,
    logLevel: 'silent',
    threads: 1,
    maxUploadBytes: 4 * 1024 ** 3,
  });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as { port: number }).port;
    let t = performance.now();
    const up = await uploadFile(port, path);
    const load = performance.now() - t;
    if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${up.body.slice(0, 300)}`);
    const id = JSON.parse(up.body).id;
    t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/datasets/${id}/profile`);
    const profile = performance.now() - t;
    if (res.status !== 200) throw new Error(`profile failed: ${res.status} ${await res.text()}`);
    await res.json();
    return { load, profile };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function duckdb(path: string): Promise<Timing> {
  const dir = mkdtempSync(join(tmpdir(), 'duckdb-bench-'));
  const instance = await DuckDBInstance.create(join(dir, 'reference.duckdb'));
  try {
    const c = await instance.connect();
    let t = performance.now();
    await c.run(`CREATE TABLE t AS FROM read_csv('${path.replaceAll("'", "''")}')`);
    const load = performance.now() - t;
    t = performance.now();
    await c.runAndReadAll('SUMMARIZE t');
    return { load, profile: performance.now() - t };
  } finally {
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The fastest run of each side: on a shared machine other work only ever adds time, so the minimum is the best
 * estimate of each side's own cost (the reasoning of Python's timeit).
 */
const best = (xs: number[]) => Math.min(...xs);
const s = (ms: number) => (ms / 1000).toFixed(2);

async function main(): Promise<void> {
  const started = new Date();
  const load = loadavg()[0];
  const path = generateProfileCsv(ROWS);
  const mb = statSync(path).size / 1024 ** 2;
  console.log(`data: ${path} (${mb.toFixed(0)} MB)`);
  const q: Timing[] = [];
  const d: Timing[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternate the order, so neither side always runs on a warmer page cache.
    const pair =
      run % 2 === 0
        ? [await duckdb(path), await quarry(path)]
        : [await quarry(path), await duckdb(path)].reverse();
    d.push(pair[0]);
    q.push(pair[1]);
    const [dd, qq] = pair;
    console.log(
      `run ${run + 1}: Quarry upload+infer ${s(qq.load)} s, profile ${s(qq.profile)} s | DuckDB read_csv ${s(dd.load)} s, SUMMARIZE ${s(dd.profile)} s`,
    );
  }
  const Q = { load: best(q.map((t) => t.load)), profile: best(q.map((t) => t.profile)) };
  const D = { load: best(d.map((t) => t.load)), profile: best(d.map((t) => t.profile)) };
  const total = best(q.map((t) => t.load + t.profile)) / best(d.map((t) => t.load + t.profile));
  const profileOnly = Q.profile / D.profile;
  console.log(
    `best-run ratio, upload+infer+profile ÷ read_csv+SUMMARIZE: ${total.toFixed(2)}× (target ≤ 2×)`,
  );
  console.log(`best-run ratio, profile ÷ SUMMARIZE: ${profileOnly.toFixed(2)}×`);
  const perRun = q.map((t, k) => ((t.load + t.profile) / (d[k].load + d[k].profile)).toFixed(2));
  if (args.includes('--no-write')) return;
  writeSection({
    perRun,
    started,
    load,
    mb,
    Q,
    D,
    total,
    profileOnly,
    qTotal: best(q.map((t) => t.load + t.profile)),
    dTotal: best(d.map((t) => t.load + t.profile)),
  });
}

function writeSection(r: {
  perRun: string[];
  started: Date;
  load: number;
  mb: number;
  Q: Timing;
  D: Timing;
  total: number;
  profileOnly: number;
  qTotal: number;
  dTotal: number;
}): void {
  const START = '<!-- bench:profile:start -->';
  const END = '<!-- bench:profile:end -->';
  const args = process.argv.slice(2).join(' ');
  const date = `${r.started.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const section = `${START}
## Profile at scale: upload, type inference and profile against DuckDB's SUMMARIZE

Command: \`npm run bench:profile${args ? ` -- ${args}` : ''}\` — run ${date}; ${cpus().length} cores, Node ${process.version}, DuckDB 1.5.6 (\`@duckdb/node-api\`); load average ${r.load.toFixed(2)} at the start; fastest of ${RUNS} run(s) for each step and side.

Data: a seeded ${ROWS.toLocaleString('en-US')} × 20 CSV (${r.mb.toFixed(0)} MB: integers, floats with missing values and outliers, categories of 3–500 levels, yes/no, dates, timestamps, short text). Quarry: the real server over HTTP — the upload streams to disk, loads as text and infers the column types, then \`GET /api/datasets/:id/profile\` (missing, distinct, min/max/mean/std, quantiles, histograms, top values, IQR and MAD outliers, duplicate rows, missingness patterns). DuckDB: \`CREATE TABLE t AS FROM read_csv(file)\` (its own type detection), then \`SUMMARIZE t\`, in the same process.

| step | Quarry s | DuckDB s | ratio |
|---|---:|---:|---:|
| load (upload + type inference / read_csv) | ${s(r.Q.load)} | ${s(r.D.load)} | ${(r.Q.load / r.D.load).toFixed(2)}× |
| profile / SUMMARIZE | ${s(r.Q.profile)} | ${s(r.D.profile)} | ${r.profileOnly.toFixed(2)}× |
| **total** | ${s(r.qTotal)} | ${s(r.dTotal)} | **${r.total.toFixed(2)}×** (target ≤ 2×) |

Total ratio per run: ${r.perRun.map((x) => `${x}×`).join(', ')}. The machine is shared with other work; at a high load average the two sides are slowed unevenly, so compare runs made at a low one. Where Quarry is slower is the load: it keeps every value as text (docs/decisions.md, 3), which DuckDB writes and compresses more slowly than typed columns, and it infers the types in one more scan of the table (a second only for what a probe of the first rows failed to foresee).
${END}`;
  const path = join(ROOT, 'docs', 'benchmarks.md');
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  text =
    a >= 0 && b > a
      ? `${text.slice(0, a)}${section}${text.slice(b + END.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}

await main();
