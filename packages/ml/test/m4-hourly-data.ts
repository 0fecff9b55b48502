/**
 * Loads the M4 Hourly training and test series from `shared/data/m4` (beside the project root, or
 * QUARRY_M4_DIR) for the M4 check and the benchmark.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWideSeries } from '../src/forecasting/wide-format';

const HERE = dirname(fileURLToPath(import.meta.url));
export const M4_DIR =
  process.env.QUARRY_M4_DIR ?? resolve(HERE, '..', '..', '..', '..', 'shared', 'data', 'm4');

export interface M4Hourly {
  ids: string[];
  train: Float64Array[];
  test: Float64Array[];
}

export function m4HourlyAvailable(): boolean {
  return existsSync(resolve(M4_DIR, 'Hourly-train.csv')) && existsSync(resolve(M4_DIR, 'Hourly-test.csv'));
}

export function loadM4Hourly(): M4Hourly {
  const train = parseWideSeries(readFileSync(resolve(M4_DIR, 'Hourly-train.csv'), 'utf8'));
  const test = parseWideSeries(readFileSync(resolve(M4_DIR, 'Hourly-test.csv'), 'utf8'));
  if (train.ids.join() !== test.ids.join()) throw new Error('M4 Hourly train and test ids differ.');
  return { ids: train.ids, train: train.series, test: test.series };
}
