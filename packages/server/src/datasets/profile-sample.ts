import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { ident } from '../store/db';
import { type ColumnInfo, typedExpression } from './column-types';
import { FEW_LEVELS, nearUnique, sampleWhere, TOP_CANDIDATES } from './sample';

export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95];

export interface SampleNumeric {
  /** At QUANTILES. */
  quantiles: number[];
  min: number;
  max: number;
  /** Median absolute deviation from the median, and the mean absolute deviation (used when the MAD is 0). */
  mad: number;
  meanAd: number;
}

export interface SampleStats {
  rows: number;
  /** Distinct values per column in the sample. */
  distinct: number[];
  nonNull: number[];
  numeric: Map<number, SampleNumeric>;
  /** Many-valued text columns (not near-unique ones): their most frequent values in the sample, with its counts. */
  topCandidates: Map<number, [string, number][]>;
}

/**
 * Pass 0 of the profile: exact quantiles, the MAD and distinct counts on the analysis sample (every row up to
 * 200 000, a fixed hash sample above — see sample.ts). Quantiles need all values of a column at once; on a
 * sample they cost a fifth of the full table and stay deterministic, where DuckDB's `approx_quantile` (a
 * t-digest merged across threads) gives slightly different numbers on every run.
 */
export async function sampleStats(
  c: DuckDBConnection,
  table: string,
  columns: ColumnInfo[],
  nRows: number,
): Promise<SampleStats> {
  const typed = columns.map((col, i) => `${typedExpression(col.name, col.type)} AS c${i}`);
  const select = columns.map((col, i) =>
    col.type === 'numeric'
      ? `CASE WHEN isfinite(c${i}) THEN c${i} END AS c${i}`
      : `CAST(c${i} AS VARCHAR) AS c${i}`,
  );
  // The sample as a subquery each query scans again, not a temporary table: writing the table cost as much CPU
  // time as the three scans of the sampled rows together (measured on the 1 000 000-row profile benchmark: 0.5 s
  // to write it, against about 0.1 s per scan of the sampled rows, casts included).
  const sample = `(SELECT ${select.join(', ')}
     FROM (SELECT ${typed.join(', ')} FROM ${ident(table)} ${sampleWhere(nRows)}))`;
  const numericIdx = columns.flatMap((col, i) => (col.type === 'numeric' ? [i] : []));
  const first = [
    'count(*) AS n',
    ...columns.map((_, i) => `count(DISTINCT c${i}) AS d${i}, count(c${i}) AS nn${i}`),
    ...numericIdx.map(
      (i) =>
        `quantile_cont(c${i}, [${QUANTILES.join(', ')}]) AS q${i}, min(c${i}) AS lo${i}, max(c${i}) AS hi${i}`,
    ),
  ];
  const a = (await c.runAndReadAll(`SELECT ${first.join(', ')} FROM ${sample}`)).getRowObjectsJS()[0];
  const numeric = new Map<number, SampleNumeric>();
  const params: Record<string, DuckDBValue> = {};
  const second: string[] = [];
  for (const i of numericIdx) {
    if (a[`lo${i}`] === null) continue;
    const quantiles = (a[`q${i}`] as unknown[]).map(Number);
    numeric.set(i, {
      quantiles,
      min: Number(a[`lo${i}`]),
      max: Number(a[`hi${i}`]),
      mad: 0,
      meanAd: 0,
    });
    params[`m${i}`] = quantiles[2];
    second.push(`quantile_cont(abs(c${i} - $m${i}), 0.5) AS mad${i}, avg(abs(c${i} - $m${i})) AS ad${i}`);
  }
  if (second.length > 0) {
    const b = (
      await c.runAndReadAll(`SELECT ${second.join(', ')} FROM ${sample}`, params)
    ).getRowObjectsJS()[0];
    for (const [i, s] of numeric) {
      s.mad = Number(b[`mad${i}`] ?? 0);
      s.meanAd = Number(b[`ad${i}`] ?? 0);
    }
  }
  const many = columns.flatMap((col, i) =>
    col.type !== 'numeric' &&
    Number(a[`d${i}`]) > FEW_LEVELS &&
    !nearUnique(nRows, Number(a[`d${i}`]), Number(a[`nn${i}`]))
      ? [i]
      : [],
  );
  return {
    topCandidates: await candidates(c, sample, many),
    rows: Number(a.n),
    distinct: columns.map((_, i) => Number(a[`d${i}`])),
    nonNull: columns.map((_, i) => Number(a[`nn${i}`])),
    numeric,
  };
}

/** The most frequent values of some columns of the sample, in one grouped query (ties by value). */
async function candidates(c: DuckDBConnection, sample: string, indices: number[]) {
  const out = new Map<number, [string, number][]>();
  if (indices.length === 0) return out;
  const reader = await c.runAndReadAll(
    `SELECT i, v, n FROM (
       SELECT i, v, count(*) AS n
       FROM (SELECT unnest([${indices.join(', ')}]) AS i, unnest([${indices.map((i) => `c${i}`).join(', ')}]) AS v FROM ${sample})
       WHERE v IS NOT NULL GROUP BY i, v)
     QUALIFY row_number() OVER (PARTITION BY i ORDER BY n DESC, v) <= ${TOP_CANDIDATES}
     ORDER BY i, n DESC, v`,
  );
  for (const r of reader.getRowObjectsJS()) {
    const list = out.get(Number(r.i)) ?? [];
    list.push([String(r.v), Number(r.n)]);
    out.set(Number(r.i), list);
  }
  return out;
}
