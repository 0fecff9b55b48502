import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnalysisTable } from './analysis-table';

/** Levels with fewer rows than this do not count (a one-row level trivially has its own range). */
const MIN_ROWS = 5;
const MAX_LEVELS = 50;

export interface TargetBins {
  levels: number;
  /** Share of the rows that are in the levels checked. */
  coverage: number;
}

/**
 * Target bins: a feature whose levels cut a numeric target into ranges that do not overlap (price → price band).
 * For every feature (numbers by exact value), each level's min and max of the target are compared with the next
 * level's in order; a feature qualifies when its 2–50 levels of at least 5 rows cover ≥ 95% of the rows and no
 * two ranges overlap. Real features never do that: their levels share most of the target's range.
 */
export async function targetBins(c: DuckDBConnection, t: AnalysisTable): Promise<Map<number, TargetBins>> {
  const out = new Map<number, TargetBins>();
  if (t.rows === 0 || t.features.length === 0) return out;
  const idx = t.features.map((_, k) => k);
  const values = t.features
    .map((f) => (f.kind === 'numeric' ? `CAST(${f.slot} AS VARCHAR)` : f.slot))
    .join(', ');
  const sql = `WITH l AS (SELECT unnest([${idx.join(', ')}]) AS i, unnest([${values}]) AS v, y FROM ${t.name}),
    r AS (SELECT i, v, min(y) AS lo, max(y) AS hi, count(*) AS n FROM l WHERE v IS NOT NULL AND y IS NOT NULL GROUP BY i, v),
    total AS (SELECT i, sum(n) AS total, count(*) AS all_levels FROM r GROUP BY i),
    o AS (SELECT i, hi, n, lead(lo) OVER (PARTITION BY i ORDER BY lo, hi, v) AS next_lo FROM r WHERE n >= ${MIN_ROWS})
    SELECT o.i, count(*) AS levels, sum(o.n) AS covered, count(CASE WHEN o.hi > o.next_lo THEN 1 END) AS overlaps,
           max(total.total) AS total, max(total.all_levels) AS all_levels
    FROM o JOIN total ON o.i = total.i GROUP BY o.i ORDER BY o.i`;
  for (const row of (await c.runAndReadAll(sql)).getRowObjectsJS()) {
    const levels = Number(row.levels);
    const coverage = Number(row.covered) / Number(row.total);
    if (Number(row.all_levels) > MAX_LEVELS * 4) continue; // a measurement, not a coding of the target
    if (levels >= 2 && levels <= MAX_LEVELS && Number(row.overlaps) === 0 && coverage >= 0.95) {
      out.set(Number(row.i), { levels, coverage });
    }
  }
  return out;
}
