import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnalysisTable } from './analysis-table';

/** Pseudo-count pulling a category's mean towards the overall mean (out-of-fold mean encoding). */
const ALPHA = 2;

export interface R2Result {
  n: number;
  /** Numbers only: Pearson r and Spearman ρ (average ranks, over the rows where both values are present). */
  pearson: number | null;
  spearman: number | null;
  /** Numbers: r². Categories: R² of predicting each row by its category's mean on the other folds. */
  r2: number | null;
}

const num = (v: unknown) => (v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v));

/**
 * How much of a numeric target each feature explains on its own, in two queries over the analysis table. A
 * category's R² is measured out of fold (its mean on the other folds predicts a row), so that an identifier-like
 * column (one row per category) cannot explain everything by memorising. With cell counts n, sums s and sums of
 * squares q of the target, and p the out-of-fold prediction for the cell: SSE = Σ q − 2·p·s + n·p².
 */
export async function univariateR2(
  c: DuckDBConnection,
  t: AnalysisTable,
  options: { categories: boolean } = { categories: true },
): Promise<Map<number, R2Result>> {
  const out = new Map<number, R2Result>();
  const numeric = t.features.flatMap((f, k) => (f.kind === 'numeric' ? [k] : []));
  const categorical = options.categories
    ? t.features.flatMap((f, k) => (f.kind === 'categorical' ? [k] : []))
    : [];
  const slots = (ks: number[]) => ks.map((k) => t.features[k].slot).join(', ');
  if (t.rows === 0) return out;
  if (numeric.length > 0) {
    const sql = `WITH p AS (
        SELECT i, x, y FROM (SELECT unnest([${numeric.join(', ')}]) AS i, unnest([${slots(numeric)}]) AS x, y FROM ${t.name})
        WHERE x IS NOT NULL AND y IS NOT NULL),
      rk AS (SELECT i, x, y,
          rank() OVER (PARTITION BY i ORDER BY x) + (count(*) OVER (PARTITION BY i, x) - 1) / 2.0 AS rx,
          rank() OVER (PARTITION BY i ORDER BY y) + (count(*) OVER (PARTITION BY i, y) - 1) / 2.0 AS ry
        FROM p)
      SELECT i, count(*) AS n, corr(x, y) AS pearson, corr(rx, ry) AS spearman FROM rk GROUP BY i ORDER BY i`;
    for (const row of (await c.runAndReadAll(sql)).getRowObjectsJS()) {
      const pearson = num(row.pearson);
      out.set(Number(row.i), {
        n: Number(row.n),
        pearson,
        spearman: num(row.spearman),
        r2: pearson === null ? null : pearson * pearson,
      });
    }
  }
  if (categorical.length > 0) {
    const sql = `WITH l AS (
        SELECT unnest([${categorical.join(', ')}]) AS i, unnest([${slots(categorical)}]) AS v, y, fold
        FROM ${t.name} WHERE y IS NOT NULL),
      cells AS (SELECT i, coalesce(v, chr(0) || 'missing') AS v, fold, count(*) AS n, sum(y) AS s, sum(y * y) AS q
                FROM l GROUP BY ALL),
      g AS (SELECT avg(y) AS mean, var_pop(y) * count(y) AS sst FROM ${t.name}),
      pred AS (SELECT i, n, s, q, sst, (sum(s) OVER w - s + ${ALPHA} * mean) / (sum(n) OVER w - n + ${ALPHA}) AS p
               FROM cells, g WINDOW w AS (PARTITION BY i, v))
      SELECT i, sum(n) AS n, sum(q - 2 * p * s + n * p * p) AS sse, max(sst) AS sst FROM pred GROUP BY i ORDER BY i`;
    for (const row of (await c.runAndReadAll(sql)).getRowObjectsJS()) {
      const sst = Number(row.sst);
      out.set(Number(row.i), {
        n: Number(row.n),
        pearson: null,
        spearman: null,
        r2: sst > 0 ? 1 - Number(row.sse) / sst : null,
      });
    }
  }
  return out;
}
