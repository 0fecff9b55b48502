import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnalysisTable } from './analysis-table';

const BINS = 10;
const LEVELS = 50;

/** A number's equal-frequency bin (0–9) from its rank; ties share the bin of their lowest rank. */
const rankBin = (value: string, partition: string) =>
  `CAST(floor(${BINS} * (rank() OVER (${partition} ORDER BY ${value}) - 1) / count(${value}) OVER (${partition})) AS VARCHAR)`;

/**
 * Mutual information (nats) between each feature and the target, from one grouped query over the analysis table.
 * Numbers (features, and a regression target) go into 10 equal-frequency bins; categories keep their 50 most
 * frequent levels (the rest become one level); a missing value is a level of its own. With the cell counts n,
 * row and column totals nx, ny and N:
 *
 *   MI = Σ n/N · ln(n·N / (nx·ny)) − (Bx − 1)(By − 1) / (2N)
 *
 * The second term is the Miller–Madow bias correction (B = levels seen): without it a feature with many levels
 * looks informative by chance. Clamped at 0.
 */
export async function mutualInformation(c: DuckDBConnection, t: AnalysisTable): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (t.target === null || t.rows === 0) return out;
  const numeric = t.features.flatMap((f, k) => (f.kind === 'numeric' ? [k] : []));
  const categorical = t.features.flatMap((f, k) => (f.kind === 'categorical' ? [k] : []));
  if (numeric.length + categorical.length === 0) return out;
  const slots = (ks: number[]) => ks.map((k) => t.features[k].slot).join(', ');
  const missing = `chr(0) || 'missing'`;
  const targetLevel = t.target.task === 'regression' ? rankBin('y', '') : 'label';
  const levels: string[] = [];
  const ctes = [`yl AS (SELECT *, ${targetLevel} AS tl FROM ${t.name})`];
  if (numeric.length > 0) {
    ctes.push(`num AS (
      SELECT i, CASE WHEN x IS NULL THEN ${missing} ELSE ${rankBin('x', 'PARTITION BY i')} END AS xl, tl
      FROM (SELECT unnest([${numeric.join(', ')}]) AS i, unnest([${slots(numeric)}]) AS x, tl FROM yl))`);
    levels.push('SELECT * FROM num');
  }
  if (categorical.length > 0) {
    ctes.push(
      `catl AS (SELECT unnest([${categorical.join(', ')}]) AS i, unnest([${slots(categorical)}]) AS v, tl FROM yl)`,
      `keep AS (SELECT i, v FROM (SELECT i, v, count(*) AS n FROM catl WHERE v IS NOT NULL GROUP BY i, v)
                QUALIFY row_number() OVER (PARTITION BY i ORDER BY n DESC, v) <= ${LEVELS})`,
      `cat AS (SELECT catl.i,
                 CASE WHEN catl.v IS NULL THEN ${missing} WHEN keep.v IS NULL THEN chr(0) || 'other' ELSE catl.v END AS xl, tl
               FROM catl LEFT JOIN keep ON catl.i = keep.i AND catl.v = keep.v)`,
    );
    levels.push('SELECT * FROM cat');
  }
  ctes.push(
    `cells AS (SELECT i, xl, tl, count(*) AS n FROM (${levels.join(' UNION ALL ')}) GROUP BY i, xl, tl)`,
    `m AS (SELECT i, xl, tl, n, sum(n) OVER (PARTITION BY i) AS total, sum(n) OVER (PARTITION BY i, xl) AS nx,
                  sum(n) OVER (PARTITION BY i, tl) AS ny FROM cells)`,
  );
  const sql = `WITH ${ctes.join(',\n')}
    SELECT i, sum(n / total * ln(n * total / (nx * ny))) AS mi, count(DISTINCT xl) AS bx, count(DISTINCT tl) AS bt,
           max(total) AS total
    FROM m GROUP BY i ORDER BY i`;
  for (const row of (await c.runAndReadAll(sql)).getRowObjectsJS()) {
    const correction = ((Number(row.bx) - 1) * (Number(row.bt) - 1)) / (2 * Number(row.total));
    out.set(Number(row.i), Math.max(0, Number(row.mi) - correction));
  }
  return out;
}
