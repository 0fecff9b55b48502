/**
 * Profiles batch scoring in-process (`tsx bench/serve/profile-batch.ts`): trains the bench model (gbdt, 100 trees,
 * attrition.csv) in a real app, then scores 10 000 rows through `POST /api/models/bench/versions/1/predict/batch`
 * (a CSV file) or, with ROUTE=json, through `POST /api/models/bench/versions/1/predict` (JSON rows), and prints
 * the median wall-clock and CPU time (request and prediction log). Run under `node --cpu-prof --import tsx` to see where the time goes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { multipart, testApp, upload, waitForJob } from '../../packages/server/test/helpers';

const DATA = resolve(import.meta.dirname, '../../../shared/data/tabular/attrition.csv');
const N = Number(process.env.ROWS ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 7);

const app = await testApp();
try {
  const dataset = (await upload(app, DATA)).json();
  const res = await app.inject({
    method: 'POST',
    url: '/api/jobs/train',
    payload: { datasetId: dataset.id, target: 'Attrition', model: 'gbdt', name: 'bench', seed: 1 },
  });
  const job = await waitForJob(app, res.json().id);
  if (job.status !== 'succeeded') throw new Error(JSON.stringify(job.error));
  const [header, ...lines] = readFileSync(DATA, 'utf8').trim().split(/\r?\n/);
  const csv = [header, ...Array.from({ length: N }, (_, i) => lines[i % lines.length])].join('\n');
  const json = process.env.ROUTE === 'json';
  const names = header.split(',').map((h) => h.replaceAll('"', ''));
  const rows = csv
    .split('\n')
    .slice(1)
    .map((line) =>
      Object.fromEntries(
        line.split(',').map((c, j) => [names[j], c.startsWith('"') ? c.slice(1, -1) : Number(c)]),
      ),
    );
  const body = json
    ? { payload: JSON.stringify({ rows }), headers: { 'content-type': 'application/json' } }
    : multipart('batch.csv', csv);
  const url = `/api/models/bench/versions/1/predict${json ? '' : '/batch'}`;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const r = await app.inject({ method: 'POST', url, ...body });
    if (r.statusCode !== 200) throw new Error(r.body.slice(0, 300));
    // The log is written after the answer: wait for it, so its CPU time counts too.
    await app.serving.log.flush();
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  // CPU time of the whole process (this thread, the worker pool, DuckDB's threads): on a loaded machine the
  // wall clock swings with other work, the CPU time much less.
  console.log({
    rows: N,
    medianMs: Math.round(median(times)),
    rowsPerSec: Math.round(N / (median(times) / 1000)),
    medianCpuMs: Math.round(median(cpu)),
    rowsPerCpuSec: Math.round(N / (median(cpu) / 1000)),
    times: times.map(Math.round),
  });
} finally {
  await app.close();
}
