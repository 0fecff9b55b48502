/**
 * The profile benchmark's table: a seeded 1 000 000 × 20 CSV of mixed types with missing values, written once to
 * `bench/results/data/` (git-ignored) and reused while its name (rows, seed) is unchanged.
 *
 * Columns: a consecutive id, integers, skewed and symmetric floats (some missing, a few outliers), categories of
 * 3 to 500 levels, yes/no, dates and timestamps, short free text, and a numeric code stored with a prefix.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '@quarry/ml';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = resolve(HERE, '..', 'results', 'data');

const HEADER = [
  'id',
  'age',
  'income',
  'score',
  'ratio',
  'visits',
  'balance',
  'temperature',
  'rating',
  'plan',
  'region',
  'city',
  'device',
  'churned',
  'signup_date',
  'last_seen',
  'comment',
  'zip',
  'tenure_months',
  'discount',
];

const PLANS = ['free', 'basic', 'pro'];
const REGIONS = Array.from({ length: 12 }, (_, i) => `region_${i + 1}`);
const DEVICES = ['ios', 'android', 'web', 'desktop', 'tv'];
const WORDS = ['good', 'slow', 'great', 'price', 'support', 'fast', 'bug', 'love', 'app', 'crash', 'easy'];

/** A standard normal draw (Box–Muller). */
function normal(rng: Rng): number {
  const u = 1 - rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
}

const pad = (n: number) => String(n).padStart(2, '0');

function row(i: number, rng: Rng): string {
  const miss = (p: number, v: string) => (rng.nextFloat() < p ? '' : v);
  const age = 18 + rng.nextInt(70);
  const income = Math.exp(10.5 + 0.6 * normal(rng));
  const score = 50 + 10 * normal(rng) + (rng.nextFloat() < 0.002 ? 200 : 0);
  const day = 1 + rng.nextInt(28);
  const month = 1 + rng.nextInt(12);
  const year = 2015 + rng.nextInt(9);
  const words = Array.from({ length: 2 + rng.nextInt(5) }, () => WORDS[rng.nextInt(WORDS.length)]);
  return [
    String(i + 1),
    miss(0.02, String(age)),
    miss(0.05, income.toFixed(2)),
    score.toFixed(3),
    rng.nextFloat().toFixed(4),
    String(Math.floor(-Math.log(1 - rng.nextFloat()) * 4)),
    (1000 * normal(rng)).toFixed(2),
    miss(0.1, (15 + 8 * normal(rng)).toFixed(1)),
    String(1 + rng.nextInt(5)),
    PLANS[rng.nextInt(3)],
    REGIONS[rng.nextInt(REGIONS.length)],
    `city_${rng.nextInt(500)}`,
    miss(0.01, DEVICES[rng.nextInt(DEVICES.length)]),
    rng.nextFloat() < 0.2 ? 'yes' : 'no',
    `${year}-${pad(month)}-${pad(day)}`,
    miss(0.03, `2024-${pad(month)}-${pad(day)} ${pad(rng.nextInt(24))}:${pad(rng.nextInt(60))}:00`),
    miss(0.2, words.join(' ')),
    `Z${String(10000 + rng.nextInt(89999))}`,
    String(rng.nextInt(120)),
    miss(0.3, (rng.nextInt(50) / 100).toFixed(2)),
  ].join(',');
}

/** Writes the CSV (once; an existing complete file is reused) and returns its path. */
export function generateProfileCsv(nRows = 1_000_000, seed = 7): string {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `profile-${nRows}-s${seed}.csv`);
  if (existsSync(path)) return path;
  const rng = new Rng(seed);
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  try {
    writeSync(fd, `${HEADER.join(',')}\n`);
    let buffer: string[] = [];
    for (let i = 0; i < nRows; i++) {
      buffer.push(row(i, rng));
      if (buffer.length === 10_000) {
        writeSync(fd, `${buffer.join('\n')}\n`);
        buffer = [];
      }
    }
    if (buffer.length > 0) writeSync(fd, `${buffer.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  return path;
}
