/**
 * `npm run bench:m4` — Quarry's classical forecasters on M4 Hourly (414 series, season 24, horizon 48), scored as
 * the M4 organisers do (sMAPE, MASE with the in-sample seasonal scale, OWA against the official Naive2), with
 * seconds per model; R's `forecast` package (`ets`, `thetaf`, `auto.arima`) runs on the same series at the same
 * time when it is installed. Writes the table between the bench:m4 markers of docs/benchmarks.md.
 *
 * Options: --limit N (first N series), --models A,B (subset), --no-r, --reuse-r (score R forecasts saved by an
 * earlier run in bench/results/m4 instead of running R again), --reuse-quarry (likewise for Quarry's point
 * forecasts and seconds; coverage is then not recomputed), --no-write.
 *
 * This file only wires the parts: args.ts (options), models.ts (the forecasters), quarry-runs.ts (running and
 * scoring them), combinations.ts, r-reference.ts (R's side), score.ts and report.ts (the Markdown).
 */
import { mkdirSync } from 'node:fs';
import { flag, option } from './args';
import { addCombinationRows } from './combinations';
import { loadM4Hourly, OUT_DIR } from './m4-data';
import { modelRuns } from './models';
import { runQuarryModels } from './quarry-runs';
import { addRRows, rAvailable, startR } from './r-reference';
import { renderReport, writeSection } from './report';

async function main() {
  const data = loadM4Hourly();
  const n = Math.min(data.ids.length, Number(option('--limit') ?? data.ids.length));
  const wanted = option('--models')?.split(',');
  mkdirSync(OUT_DIR, { recursive: true });
  const runR = !flag('--no-r') && !flag('--reuse-r') && n === data.ids.length && rAvailable();
  const started = new Date();
  const rDone: Promise<void> = runR ? startR() : Promise.resolve();
  const selections = new Map<string, string>();
  const { rows, forecasts } = await runQuarryModels(modelRuns(selections), data, n, wanted, selections);
  addCombinationRows(rows, forecasts, data, n);
  await rDone;
  const missingR =
    (runR || flag('--reuse-r')) && n === data.ids.length ? addRRows(rows, data, n) : ([] as string[]);
  const table = renderReport({ rows, selections, missingR, n, total: data.ids.length, started });
  console.log(`\n${table}`);
  if (!flag('--no-write') && n === data.ids.length) writeSection(table);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
