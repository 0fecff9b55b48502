/**
 * R's side of bench:m4: `reference.R` runs the `forecast` package's ets, thetaf and auto.arima in a second
 * process while Quarry's models run, and writes its forecasts and timings to OUT_DIR for scoring here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { M4_DIR, type M4Hourly, OUT_DIR, PROJECT_ROOT, readForecastCsv } from './m4-data';
import { type Row, score } from './score';

export function rAvailable(): boolean {
  const probe = spawnSync('Rscript', ['-e', 'suppressMessages(library(forecast))'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** Starts reference.R in the background; resolves when it exits cleanly. */
export function startR(): Promise<void> {
  console.log('R forecast: running ets, thetaf and auto.arima in the background (one core)…');
  return new Promise((done, fail) => {
    const child = spawn('Rscript', [resolve(PROJECT_ROOT, 'bench/m4/reference.R'), M4_DIR, OUT_DIR], {
      stdio: 'inherit',
    });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`reference.R exited with ${code}`))));
  });
}

/** Appends a row per R method whose forecasts are in OUT_DIR; returns the methods that have none. */
export function addRRows(rows: Row[], data: M4Hourly, n: number): string[] {
  const missingR: string[] = [];
  const timingsPath = resolve(OUT_DIR, 'r-timings.csv');
  const timings = existsSync(timingsPath)
    ? new Map(
        readFileSync(timingsPath, 'utf8')
          .trim()
          .split(/\r?\n/)
          .slice(1)
          .map((line) => {
            const [method, seconds] = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
            return [method, Number(seconds)] as [string, number];
          }),
      )
    : new Map<string, number>();
  for (const method of ['ets', 'thetaf', 'auto.arima']) {
    const path = resolve(OUT_DIR, `r-${method}.csv`);
    if (!existsSync(path)) {
      missingR.push(method);
      continue;
    }
    const r = readForecastCsv(path, data.ids);
    rows.push({
      ...score(`R ${method}`, r, data, n),
      seconds: timings.get(method) ?? null,
      source: 'R forecast',
    });
  }
  return missingR;
}
