/** M4 Hourly for the benchmark: `shared/data/m4` beside the project root (override with QUARRY_M4_DIR). */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWideSeries } from '@quarry/ml';

const HERE = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(HERE, '..', '..');
export const M4_DIR = process.env.QUARRY_M4_DIR ?? resolve(PROJECT_ROOT, '..', 'shared', 'data', 'm4');
/** Where bench:m4 saves Quarry's forecasts (for `--reuse-quarry`) and R's (reference.R's output). */
export const OUT_DIR = resolve(PROJECT_ROOT, 'bench', 'results', 'm4');
export const SEASON = 24;
export const HORIZON = 48;
/** The official Naive2 results on M4 Hourly, the denominators of the OWA. */
export const NAIVE2_SMAPE = 18.383;
export const NAIVE2_MASE = 2.395;

export interface M4Hourly {
  ids: string[];
  train: Float64Array[];
  test: Float64Array[];
}

export function loadM4Hourly(): M4Hourly {
  const train = parseWideSeries(readFileSync(resolve(M4_DIR, 'Hourly-train.csv'), 'utf8'));
  const test = parseWideSeries(readFileSync(resolve(M4_DIR, 'Hourly-test.csv'), 'utf8'));
  return { ids: train.ids, train: train.series, test: test.series };
}

/** Reads an `id,F1,…,FH` forecast file (R's side of the benchmark) in the order of `ids`. */
export function readForecastCsv(path: string, ids: string[]): Float64Array[] {
  const rows = new Map<string, Float64Array>();
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/).slice(1);
  for (const line of lines) {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    rows.set(cells[0], Float64Array.from(cells.slice(1), Number));
  }
  return ids.map((id) => {
    const row = rows.get(id);
    if (row === undefined) throw new Error(`${path} has no forecast for ${id}.`);
    return row;
  });
}
