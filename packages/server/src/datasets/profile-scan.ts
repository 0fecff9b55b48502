import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, literal } from '../store/db';
import { type ColumnInfo, typedExpression } from './column-types';
import { cutCounts, cutsAggregate, type NumericCuts, numericCuts } from './profile-bins';
import { type CountedKey, countValues } from './profile-counts';
import type { SampleStats } from './profile-sample';
import { FEW_LEVELS, SAMPLE_ROWS } from './sample';

export const BINS = 20;
/** Columns that can take part in a missingness pattern (one bit each in a BIGINT). */
const MAX_PATTERN_COLUMNS = 62;
/** Robust z-score of Iglewicz & Hoaglin (1993): 0.6745·|x − median| / MAD; above 3.5 is an outlier. */
const MAD_Z = 3.5;
const MAD_SCALE = 0.6745;
/** When the MAD is 0: z = |x − median| / (1.2533·meanAD); 1.2533 = √(π/2) makes it consistent for a normal. */
const MEAN_AD_SCALE = 1.2533;

export interface ColumnScan {
  nonNull: number;
  distinct: number;
  distinctExact: boolean;
  min?: number;
  max?: number;
  mean?: number;
  std?: number;
  bins?: number[];
  iqrCount?: number;
  madCount?: number;
  firstDate?: string;
  lastDate?: string;
  impossibleDates?: number;
  /** Every value with its count (columns with few levels). */
  valueCounts?: [string, number][];
  /** Exact counts of the sample's most frequent values (many-valued columns of large tables). */
  topCounts?: [string, number][];
}

export interface TableScan {
  nRows: number;
  columns: ColumnScan[];
  duplicateRows: number;
  /** Row counts per missingness bitmask, and which column each bit stands for. */
  patterns: [bigint, number][];
  patternColumns: number[];
}

/**
 * Pass 1 of the profile: one aggregate query over every column and row, in the spirit of DuckDB's SUMMARIZE.
 * Typed values are computed once per row in the inner projection; what pass 0 learned on the sample (histogram
 * range, IQR fences, median and MAD) becomes one list of boundaries per numeric column, which a single
 * `histogram(x, boundaries)` counts values under (profile-bins.ts). Duplicate rows are counted as distinct
 * 64-bit row hashes (a collision among a million rows has odds of about 1 in 10^7); missingness patterns are a
 * bitmask per row counted by `histogram`. Value counts and top-value counts come from one grouped pass after it
 * (profile-counts.ts).
 *
 *   SELECT count(*), count(DISTINCT h), histogram(mask), count(c0), approx_count_distinct(c0), min(f0), …,
 *          histogram(f0, [boundaries of its bins and outlier fences]), …
 *   FROM (SELECT c0, CASE WHEN isfinite(c0) THEN c0 END AS f0, …, mask, h
 *         FROM (SELECT TRY_CAST(trim("a") AS DOUBLE) AS c0, …, hash("a", "b", …) AS h FROM ds_…))
 */
export async function scanTable(
  c: DuckDBConnection,
  table: string,
  columns: ColumnInfo[],
  sample: SampleStats,
  nRows: number,
): Promise<TableScan> {
  const whole = nRows <= SAMPLE_ROWS; // the sample is the table: every distinct count is exact
  /** Per numeric column, where its bins and outlier fences cut the doubles (profile-bins.ts). */
  const cutsOf = new Map<number, NumericCuts>();
  const patternColumns = columns
    .map((col, i) => ({ i, missing: col.missing }))
    .filter((p) => p.missing > 0)
    .sort((a, b) => b.missing - a.missing || a.i - b.i)
    .slice(0, MAX_PATTERN_COLUMNS)
    .map((p) => p.i);
  const inner = columns.map((col, i) => `${typedExpression(col.name, col.type)} AS c${i}`);
  inner.push(`hash(${columns.map((col) => ident(col.name)).join(', ')}) AS h`);
  const middle = columns.map((col, i) =>
    col.type === 'numeric' ? `c${i}, CASE WHEN isfinite(c${i}) THEN c${i} END AS f${i}` : `c${i}`,
  );
  const mask = patternColumns.map((i, bit) => `(CAST(c${i} IS NULL AS BIGINT) << ${bit})`).join(' | ');
  middle.push('h', `${patternColumns.length > 0 ? mask : 'CAST(0 AS BIGINT)'} AS mask`);
  const aggregates = ['count(*) AS n', 'count(DISTINCT h) AS unique_rows', 'histogram(mask) AS patterns'];
  // Value counts of few-level columns and exact counts of the top candidates: a grouped pass (profile-counts.ts).
  // Keys are numbered per kind: value counts i, top candidates n + i.
  const n = columns.length;
  const keys: CountedKey[] = [];
  columns.forEach((col, i) => {
    const few = sample.distinct[i] <= FEW_LEVELS;
    const text = `CAST(${typedExpression(col.name, col.type)} AS VARCHAR)`;
    aggregates.push(`count(c${i}) AS nn${i}`);
    if (col.type !== 'numeric' && few) keys.push({ i, expr: text });
    else aggregates.push(`${few || whole ? 'count(DISTINCT' : 'approx_count_distinct('} c${i}) AS d${i}`);
    const top = sample.topCandidates.get(i);
    if (top !== undefined && !whole) keys.push({ i: n + i, expr: candidateKey(col, text, top) });
    if (col.type === 'datetime') {
      aggregates.push(
        `CAST(min(c${i}) AS VARCHAR) AS lo${i}, CAST(max(c${i}) AS VARCHAR) AS hi${i}`,
        `count(CASE WHEN c${i} < TIMESTAMP '1900-01-01' OR c${i} > now()::TIMESTAMP THEN 1 END) AS bad${i}`,
      );
    }
    const s = sample.numeric.get(i);
    if (col.type !== 'numeric' || s === undefined) return;
    const [, q1, median, q3] = s.quantiles;
    const threshold =
      s.mad > 0 ? (MAD_Z * s.mad) / MAD_SCALE : s.meanAd > 0 ? MAD_Z * MEAN_AD_SCALE * s.meanAd : 0;
    const cuts = numericCuts({
      lo: s.min,
      width: s.max > s.min ? (s.max - s.min) / BINS : 1,
      last: s.max > s.min ? BINS - 1 : 0,
      a: q1 - 1.5 * (q3 - q1),
      b: q3 + 1.5 * (q3 - q1),
      m: median,
      t: threshold,
    });
    cutsOf.set(i, cuts);
    aggregates.push(
      `min(f${i}) AS lo${i}, max(f${i}) AS hi${i}, avg(f${i}) AS mean${i}, stddev_samp(f${i}) AS std${i}`,
      // Bins, IQR and MAD outliers in one count. (A GROUP BY of the bins would be cheaper alone, but as grouping
      // sets beside the value counts it costs more than `histogram` here.)
      `${cutsAggregate(`f${i}`, cuts)} AS cuts${i}`,
    );
  });
  const sql = `SELECT ${aggregates.join(', ')} FROM (SELECT ${middle.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${ident(table)}))`;
  const row = (await c.runAndReadAll(sql)).getRowObjectsJS()[0] as Record<string, unknown>;
  const counts = await countValues(c, table, keys);
  const countsOf = (i: number) => ({ values: counts.get(i), tops: counts.get(n + i) });
  return {
    nRows: Number(row.n),
    columns: columns.map((col, i) => readColumn(row, i, col, sample, whole, countsOf(i), cutsOf.get(i))),
    duplicateRows: Number(row.n) - Number(row.unique_rows),
    patterns: mapEntries(row.patterns).map(([mask, count]) => [BigInt(mask as bigint), Number(count)]),
    patternColumns,
  };
}

/**
 * The text of a column where it is one of the sample's most frequent values, else NULL (counted exactly on every
 * row). Dates in DuckDB's own text form are compared as timestamps, which spares casting every row to text; the
 * form round-trips, so the same rows match.
 */
function candidateKey(col: ColumnInfo, text: string, top: [string, number][]): string {
  const timestamps = top.every(([value]) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/.test(value));
  if (col.type === 'datetime' && timestamps) {
    const list = top.map(([value]) => `TIMESTAMP ${literal(value)}`).join(', ');
    return `CASE WHEN ${typedExpression(col.name, col.type)} IN (${list}) THEN ${text} END`;
  }
  // String literals: values from the data, quoted.
  return `CASE WHEN ${text} IN (${top.map(([value]) => literal(value)).join(', ')}) THEN ${text} END`;
}

function readColumn(
  row: Record<string, unknown>,
  i: number,
  col: ColumnInfo,
  sample: SampleStats,
  whole: boolean,
  counts: Record<'values' | 'tops', [string, number][] | undefined>,
  cuts: NumericCuts | undefined,
): ColumnScan {
  const { values, tops } = counts;
  const exact = whole || sample.distinct[i] <= FEW_LEVELS;
  const scan: ColumnScan = { nonNull: Number(row[`nn${i}`]), distinct: 0, distinctExact: exact };
  if (values !== undefined) {
    scan.valueCounts = values;
    scan.distinct = values.length;
  } else scan.distinct = Math.min(Number(row[`d${i}`]), scan.nonNull);
  if (tops !== undefined) scan.topCounts = tops;
  if (col.type === 'datetime') {
    if (row[`lo${i}`] !== null) Object.assign(scan, { firstDate: row[`lo${i}`], lastDate: row[`hi${i}`] });
    scan.impossibleDates = Number(row[`bad${i}`]);
  }
  const s = sample.numeric.get(i);
  if (s !== undefined && cuts !== undefined && row[`lo${i}`] !== null) {
    const answer = row[`cuts${i}`];
    const bins = s.max > s.min ? BINS : 1;
    const counted = cutCounts(answer, cuts.boundaries.length > 0 ? mapEntries(answer) : [], cuts, bins);
    Object.assign(scan, {
      min: Number(row[`lo${i}`]),
      max: Number(row[`hi${i}`]),
      mean: Number(row[`mean${i}`]),
      std: row[`std${i}`] === null ? 0 : Number(row[`std${i}`]),
      ...counted,
    });
  }
  return scan;
}

/** A DuckDB MAP as node-api reads it: an array of { key, value } entries. */
export function mapEntries(map: unknown): [unknown, unknown][] {
  if (map === null || map === undefined) return [];
  return (map as { key: unknown; value: unknown }[]).map((e) => [e.key, e.value]);
}
