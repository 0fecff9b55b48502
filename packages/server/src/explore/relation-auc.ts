import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnalysisTable } from './analysis-table';

/** Pseudo-count pulling a category's positive rate towards the overall rate (out-of-fold target encoding). */
const ALPHA = 2;

export interface AucResult {
  n: number;
  auc: number | null;
}

/**
 * Univariate ROC AUC of every feature for a binary target, by the Mann–Whitney rank sum, in one query.
 *
 * The score of a number is the number. The score of a category is its positive rate measured on the other
 * folds (out-of-fold target encoding, 5 folds by row hash): scoring a row with its own label would give an
 * identifier-like column (every category one row) an AUC of 1 and tell nothing. Rows are grouped by (feature,
 * score) so ties get their average rank:
 *
 *   rank sum of positives R1 = Σ_groups n1 · (rows before the group + (n + 1) / 2)
 *   AUC = (R1 − n1(n1 + 1)/2) / (n1 · n0)
 */
export async function univariateAuc(c: DuckDBConnection, t: AnalysisTable): Promise<Map<number, AucResult>> {
  const out = new Map<number, AucResult>();
  const numeric = t.features.flatMap((f, k) => (f.kind === 'numeric' ? [k] : []));
  const categorical = t.features.flatMap((f, k) => (f.kind === 'categorical' ? [k] : []));
  if (t.rows === 0 || (numeric.length === 0 && categorical.length === 0)) return out;
  const slots = (ks: number[]) => ks.map((k) => t.features[k].slot).join(', ');
  const parts: string[] = [];
  if (numeric.length > 0) {
    parts.push(`SELECT i, x AS score, count(*) AS n, sum(y) AS n1
      FROM (SELECT unnest([${numeric.join(', ')}]) AS i, unnest([${slots(numeric)}]) AS x, y FROM ${t.name})
      WHERE x IS NOT NULL GROUP BY i, x`);
  }
  if (categorical.length > 0) {
    parts.push(`SELECT i, (sum(n1) OVER w - n1 + ${ALPHA} * p) / (sum(n) OVER w - n + ${ALPHA}) AS score, n, n1
      FROM (SELECT i, v, fold, count(*) AS n, sum(y) AS n1
            FROM (SELECT unnest([${categorical.join(', ')}]) AS i, unnest([${slots(categorical)}]) AS v, y, fold
                  FROM ${t.name})
            WHERE v IS NOT NULL GROUP BY i, v, fold),
           (SELECT avg(y) AS p FROM ${t.name})
      WINDOW w AS (PARTITION BY i, v)`);
  }
  const sql = `WITH s AS (${parts.join(' UNION ALL ')}),
    g AS (SELECT i, score, sum(n) AS n, sum(n1) AS n1 FROM s GROUP BY i, score),
    r AS (SELECT i, n, n1, sum(n) OVER (PARTITION BY i ORDER BY score ROWS UNBOUNDED PRECEDING) - n AS before FROM g)
    SELECT i, sum(n) AS n, sum(n1) AS n1, sum(n1 * (before + (n + 1) / 2.0)) AS r1 FROM r GROUP BY i ORDER BY i`;
  for (const row of (await c.runAndReadAll(sql)).getRowObjectsJS()) {
    const n = Number(row.n);
    const n1 = Number(row.n1);
    const n0 = n - n1;
    const auc = n1 > 0 && n0 > 0 ? (Number(row.r1) - (n1 * (n1 + 1)) / 2) / (n1 * n0) : null;
    out.set(Number(row.i), { n, auc });
  }
  return out;
}
