import type { DuckDBConnection } from '@duckdb/node-api';
import type { AnalysisTable } from './analysis-table';

/** Numbers become this many equal-frequency bins when a lookup table predicts classes from them. */
const BINS = 20;

export interface LookupAccuracy {
  n: number;
  /** Accuracy of predicting each row's class by the majority class of its feature value on the other folds. */
  accuracy: number;
  /** Accuracy of always predicting the majority class. */
  baseline: number;
}

export interface Relabelling {
  /** The smallest, over classes, share of the class's rows that have the class's most common feature value. */
  purity: number;
  /** Distinct most-common values, and classes: equal when each class has its own value. */
  modes: number;
  classes: number;
}

const slotsOf = (t: AnalysisTable, ks: number[]) => ks.map((k) => t.features[k].slot).join(', ');

/**
 * Feature → class: how well a lookup table (feature value → majority class, learned on the other folds) predicts
 * the class. Categories are looked up as they are; numbers by their equal-frequency bin. A near-perfect lookup on
 * held-out folds means the feature (almost) determines the class. One grouped query for all features.
 */
export async function lookupAccuracy(
  c: DuckDBConnection,
  t: AnalysisTable,
): Promise<Map<number, LookupAccuracy>> {
  const out = new Map<number, LookupAccuracy>();
  const num = t.features.flatMap((f, k) => (f.kind === 'numeric' ? [k] : []));
  const cat = t.features.flatMap((f, k) => (f.kind === 'categorical' ? [k] : []));
  if (t.rows === 0 || num.length + cat.length === 0) return out;
  const parts: string[] = [];
  if (cat.length > 0) {
    parts.push(
      `SELECT unnest([${cat.join(', ')}]) AS i, unnest([${slotsOf(t, cat)}]) AS v, label, fold FROM ${t.name}`,
    );
  }
  if (num.length > 0) {
    parts.push(`SELECT i, CASE WHEN x IS NOT NULL THEN CAST(floor(${BINS} * (rank() OVER (PARTITION BY i ORDER BY x) - 1)
                  / count(x) OVER (PARTITION BY i)) AS VARCHAR) END AS v, label, fold
      FROM (SELECT unnest([${num.join(', ')}]) AS i, unnest([${slotsOf(t, num)}]) AS x, label, fold FROM ${t.name})`);
  }
  const sql = `WITH l AS (${parts.join(' UNION ALL ')}),
    c AS (SELECT i, coalesce(v, chr(0)) AS v, fold, label, count(*) AS n FROM l GROUP BY ALL),
    tot AS (SELECT i, v, label, sum(n) AS total FROM c GROUP BY ALL),
    f AS (SELECT DISTINCT i, v, fold FROM c),
    o AS (SELECT f.i, f.v, f.fold, tot.label, tot.total - coalesce(c.n, 0) AS other
          FROM f JOIN tot ON f.i = tot.i AND f.v = tot.v
          LEFT JOIN c ON c.i = f.i AND c.v = f.v AND c.fold = f.fold AND c.label = tot.label),
    p AS (SELECT i, v, fold, label AS pred, other FROM o
          QUALIFY row_number() OVER (PARTITION BY i, v, fold ORDER BY other DESC, label) = 1),
    maj AS (SELECT label AS majority, count(*) AS m FROM ${t.name} GROUP BY label ORDER BY m DESC, label LIMIT 1)
    SELECT c.i, sum(c.n) AS n, max(maj.m) AS m,
      sum(CASE WHEN c.label = (CASE WHEN p.other > 0 THEN p.pred ELSE maj.majority END) THEN c.n ELSE 0 END) AS correct
    FROM c JOIN p ON c.i = p.i AND c.v = p.v AND c.fold = p.fold, maj GROUP BY c.i ORDER BY c.i`;
  for (const row of (await c.runAndReadAll(sql)).getRowObjectsJS()) {
    const n = Number(row.n);
    out.set(Number(row.i), { n, accuracy: Number(row.correct) / n, baseline: Number(row.m) / n });
  }
  return out;
}

/**
 * Class → feature: does each class have its own feature value (a relabelling or copy of the target, such as
 * 'left'/'stayed' for Yes/No)? Measured on the exact values (numbers as text), rows with a value only.
 */
export async function relabelling(c: DuckDBConnection, t: AnalysisTable): Promise<Map<number, Relabelling>> {
  const out = new Map<number, Relabelling>();
  if (t.rows === 0 || t.features.length === 0) return out;
  const idx = t.features.map((_, k) => k);
  const values = t.features
    .map((f) => (f.kind === 'numeric' ? `CAST(${f.slot} AS VARCHAR)` : f.slot))
    .join(', ');
  const sql = `WITH l AS (SELECT unnest([${idx.join(', ')}]) AS i, unnest([${values}]) AS v, label FROM ${t.name}),
    c AS (SELECT i, label, v, count(*) AS n FROM l WHERE v IS NOT NULL GROUP BY ALL),
    m AS (SELECT i, label, v, n, sum(n) OVER (PARTITION BY i, label) AS total FROM c
          QUALIFY row_number() OVER (PARTITION BY i, label ORDER BY n DESC, v) = 1)
    SELECT i, min(n / total) AS purity, count(DISTINCT v) AS modes, count(*) AS classes FROM m GROUP BY i ORDER BY i`;
  for (const row of (await c.runAndReadAll(sql)).getRowObjectsJS()) {
    out.set(Number(row.i), {
      purity: Number(row.purity),
      modes: Number(row.modes),
      classes: Number(row.classes),
    });
  }
  return out;
}
