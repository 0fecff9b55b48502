/**
 * Profiles batch scoring in-process (`tsx bench/serve/profile-batch.ts`): trains the bench model (gbdt, 100 trees,
 * attrition.csv) in a real app, then scores 10 000 rows through `POST /api/models/bench/versions/1/predict/batch`
 * (a CSV file) or, with ROUTE=json, through `POST /api/models/bench/versions/1/predict` (JSON rows), and prints
 * the median time. Run under `node --cpu-prof --import tsx` to see where the time goes.
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
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    const r = await app.inject({ method: 'POST', url, ...body });
    if (r.statusCode !== 200) throw new Error(r.body.slice(0, 300));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  console.log({
    rows: N,
    medianMs: Math.round(median),
    rowsPerSec: Math.round(N / (median / 1000)),
    times: times.map(Math.round),
  });
} finally {
  await app.close();
}
