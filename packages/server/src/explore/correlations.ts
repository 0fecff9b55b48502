import type { DuckDBConnection } from '@duckdb/node-api';
import { mapEntries } from '../datasets/profile-scan';
import type { AnalysisTable, Feature } from './analysis-table';
import { steady } from './steady';

export const MAX_COLUMNS = 50;
/** Cramér's V is skipped for categories with more levels than this (the table of counts gets too sparse). */
const MAX_LEVELS = 100;

export interface Correlations {
  rowsUsed: number;
  numeric: string[];
  categorical: string[];
  numericPairs: { a: string; b: string; n: number; pearson: number | null; spearman: number | null }[];
  categoricalPairs: { a: string; b: string; n: number; cramersV: number | null }[];
  excluded: { name: string; reason: string }[];
}

const num = (v: unknown) => (v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v));
const pairs = <T>(list: T[]) => list.flatMap((a, i) => list.slice(i + 1).map((b) => [a, b] as const));

/**
 * Pearson and Spearman correlation of every pair of numeric columns, and Cramér's V of every pair of categorical
 * columns, over the analysis table, for `chosen` (at most 50 features, most relevant first — the caller ranks).
 *
 * Numbers: one query ranks every column (average ranks, in long form), pivots back, and computes every corr().
 * Categories: each column becomes small integer codes, and `histogram(a·128 + b)` gives each pair's table of
 * counts in one aggregate query; χ² = N·(Σ n_ab² / (n_a·n_b) − 1) and V = √(χ² / N / min(r − 1, c − 1)).
 */
export async function correlations(
  c: DuckDBConnection,
  t: AnalysisTable,
  chosen: Feature[],
  excluded: { name: string; reason: string }[],
): Promise<Correlations> {
  const numeric = chosen.filter((f) => f.kind === 'numeric');
  const levelCounts = await countLevels(
    c,
    t,
    chosen.filter((f) => f.kind === 'categorical'),
  );
  const categorical = chosen.filter(
    (f) => f.kind === 'categorical' && (levelCounts.get(f.slot) ?? 0) <= MAX_LEVELS,
  );
  for (const f of chosen) {
    if (f.kind === 'categorical' && !categorical.includes(f)) {
      excluded.push({ name: f.name, reason: `more than ${MAX_LEVELS} levels: Cramér's V is not computed` });
    }
  }
  return {
    rowsUsed: t.rows,
    numeric: numeric.map((f) => f.name),
    categorical: categorical.map((f) => f.name),
    numericPairs: await numericPairs(c, t, numeric),
    categoricalPairs: await categoricalPairs(c, t, categorical),
    excluded,
  };
}

async function countLevels(c: DuckDBConnection, t: AnalysisTable, features: Feature[]) {
  const out = new Map<string, number>();
  if (features.length === 0) return out;
  const sql = `SELECT ${features.map((f) => `count(DISTINCT ${f.slot}) AS ${f.slot}`).join(', ')} FROM ${t.name}`;
  const row = (await c.runAndReadAll(sql)).getRowObjectsJS()[0];
  for (const f of features) out.set(f.slot, Number(row[f.slot]));
  return out;
}

async function numericPairs(c: DuckDBConnection, t: AnalysisTable, features: Feature[]) {
  if (features.length < 2) return [];
  const keys = features.map((_, k) => k);
  const all = pairs(keys);
  // Ranks in long form (one window partitioned by column: a window per column costs a sort each), pivoted back.
  const col = (k: number, what: 'x' | 'r') => `"${k}_${what}"`;
  const aggregates = all.map(
    ([a, b], p) =>
      `regr_count(${col(a, 'x')}, ${col(b, 'x')}) AS n${p}, corr(${col(a, 'x')}, ${col(b, 'x')}) AS p${p}, corr(${col(a, 'r')}, ${col(b, 'r')}) AS s${p}`,
  );
  const sql = `WITH l AS (
      SELECT rid, unnest([${keys.join(', ')}]) AS i, unnest([${features.map((f) => f.slot).join(', ')}]) AS x
      FROM (SELECT rowid AS rid, * FROM ${t.name})),
    r AS (SELECT rid, i, x,
            CASE WHEN x IS NOT NULL THEN rank() OVER (PARTITION BY i ORDER BY x) + (count(*) OVER (PARTITION BY i, x) - 1) / 2.0 END AS r
          FROM l),
    w AS (PIVOT r ON i IN (${keys.join(', ')}) USING first(x) AS x, first(r) AS r GROUP BY rid)
    SELECT ${aggregates.join(', ')} FROM w`;
  const row = (await c.runAndReadAll(sql)).getRowObjectsJS()[0];
  return all.map(([a, b], p) => ({
    a: features[a].name,
    b: features[b].name,
    n: Number(row[`n${p}`]),
    pearson: steady(num(row[`p${p}`])),
    spearman: steady(num(row[`s${p}`])),
  }));
}

async function categoricalPairs(c: DuckDBConnection, t: AnalysisTable, features: Feature[]) {
  if (features.length < 2) return [];
  const keys = features.map((_, k) => k);
  const all = pairs(keys);
  const col = (k: number) => `"${k}"`;
  const aggregates = all.map(
    ([a, b], p) =>
      `histogram(${col(a)} * 128 + ${col(b)}) FILTER (WHERE ${col(a)} IS NOT NULL AND ${col(b)} IS NOT NULL) AS h${p}`,
  );
  // Codes 0..k-1 per column in long form (one window for all columns), pivoted back to one column each.
  const sql = `WITH l AS (
      SELECT rid, unnest([${keys.join(', ')}]) AS i, unnest([${features.map((f) => f.slot).join(', ')}]) AS v
      FROM (SELECT rowid AS rid, * FROM ${t.name})),
    k AS (SELECT rid, i, CASE WHEN v IS NOT NULL THEN dense_rank() OVER (PARTITION BY i ORDER BY v) - 1 END AS code FROM l),
    w AS (PIVOT k ON i IN (${keys.join(', ')}) USING first(code) GROUP BY rid)
    SELECT ${aggregates.join(', ')} FROM w`;
  const row = (await c.runAndReadAll(sql)).getRowObjectsJS()[0];
  return all.map(([a, b], p) => {
    const cells = mapEntries(row[`h${p}`]).map(([key, n]) => [Number(key), Number(n)] as const);
    const v = cramersV(cells);
    return { a: features[a].name, b: features[b].name, n: v.n, cramersV: steady(v.cramersV) };
  });
}

/** Cramér's V from the non-empty cells of a table of counts, keyed a·128 + b. */
export function cramersV(cells: readonly (readonly [number, number])[]): {
  n: number;
  cramersV: number | null;
} {
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  let n = 0;
  for (const [key, count] of cells) {
    const a = Math.floor(key / 128);
    const b = key % 128;
    rows.set(a, (rows.get(a) ?? 0) + count);
    cols.set(b, (cols.get(b) ?? 0) + count);
    n += count;
  }
  const k = Math.min(rows.size, cols.size) - 1;
  if (n === 0 || k < 1) return { n, cramersV: null };
  let sum = 0;
  for (const [key, count] of cells) {
    sum += (count * count) / ((rows.get(Math.floor(key / 128)) as number) * (cols.get(key % 128) as number));
  }
  const chi2 = n * (sum - 1);
  return { n, cramersV: Math.sqrt(Math.max(0, chi2) / n / k) };
}
