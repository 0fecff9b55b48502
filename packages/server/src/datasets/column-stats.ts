import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../store/db';

/**
 * Per-column facts for type inference (infer-types.ts), gathered from the all-VARCHAR table. A fact is measured
 * only where it can change the decision: `datetime`, `booleanLike`, `avgLength` and `avgWords` stay 0 for
 * all-number columns (they are numeric whatever those say); `numeric`, `integer` and the range are counted only
 * for columns with a number among their first 2048 values (0 and null otherwise: such a column is text, and at
 * most the count in its reason could differ); `datetime` is counted only for columns whose first rows all parse
 * as timestamps (otherwise it is the count in those rows, which is already less than `nonNull`).
 */
export interface ColumnStats {
  name: string;
  rows: number;
  nonNull: number;
  /** Exact when it decides a rule (≤ 3 values, or all distinct); a HyperLogLog estimate otherwise. */
  distinct: number;
  numeric: number; // values that parse as numbers
  integer: number; // … that are whole numbers
  minNumber: number | null;
  maxNumber: number | null;
  datetime: number; // values that parse as timestamps (and not as numbers)
  booleanLike: number; // true/false, yes/no, y/n, t/f
  avgLength: number;
  avgWords: number;
  sample: string[];
}

const BOOLEAN_WORDS = "('true','false','yes','no','y','n','t','f')";
/** Rows read to rule out the (costly) timestamp parse for columns that are plainly not dates. */
const PROBE_ROWS = 2048;
/** Up to this many rows every deciding distinct count is exact (it is cheap). */
const EXACT_ROWS = 200_000;

type Raw = Record<string, unknown>;

/**
 * A probe of the first rows, then two aggregate passes over the table. The probe finds the columns that plainly
 * hold text (no number among their first 2048 values) or plainly are not dates, so the costly casts are skipped
 * for them. Pass A measures every column (counts, approximate distinct values; numbers, whole numbers and range
 * where numbers were seen); pass B measures only what pass A left open: exact distinct counts where they decide a
 * rule, yes/no words for columns of at most three values, timestamps for columns that may be dates, lengths and
 * words for text. Each value is trimmed and cast once per pass.
 */
export async function columnStats(
  c: DuckDBConnection,
  table: string,
  names: string[],
): Promise<ColumnStats[]> {
  if (names.length === 0) return [];
  const from = ident(table);
  const probe = await probeRows(c, from, names);
  const inner = names.map(
    (name, i) =>
      `trim(${ident(name)}) AS s${i}${probe[i].numbers ? `, TRY_CAST(trim(${ident(name)}) AS DOUBLE) AS x${i}` : ''}`,
  );
  const passA = names.map((_, i) =>
    [
      `count(s${i}) AS nn${i}`,
      `approx_count_distinct(s${i}) AS d${i}`,
      ...(probe[i].numbers
        ? [
            `count(x${i}) AS num${i}`,
            `count(CASE WHEN x${i} = floor(x${i}) THEN 1 END) AS int${i}`,
            `min(x${i}) AS min${i}`,
            `max(x${i}) AS max${i}`,
          ]
        : []),
    ].join(', '),
  );
  const a = await one(
    c,
    `SELECT count(*) AS rows, ${passA.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${from})`,
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const stats: ColumnStats[] = names.map((name, i) => ({
    name,
    rows: Number(a.rows),
    nonNull: Number(a[`nn${i}`]),
    distinct: Math.min(Number(a[`d${i}`]), Number(a[`nn${i}`])),
    numeric: Number(a[`num${i}`] ?? 0),
    integer: Number(a[`int${i}`] ?? 0),
    minNumber: num(a[`min${i}`]),
    maxNumber: num(a[`max${i}`]),
    datetime: 0,
    booleanLike: 0,
    avgLength: 0,
    avgWords: 0,
    sample: [],
  }));
  const dateCandidates = new Set<number>();
  stats.forEach((s, i) => {
    if (s.numeric > 0 || s.nonNull === 0) return;
    if (probe[i].dates) dateCandidates.add(i);
    else s.datetime = probe[i].timestamps; // below nonNull: not a date column
  });
  const passB: string[] = [];
  stats.forEach((s, i) => {
    const col = `trim(${ident(s.name)})`;
    const text = s.numeric < s.nonNull;
    const nearUnique = Math.abs(s.distinct - s.nonNull) <= s.nonNull * 0.05;
    // All-number columns that are not all whole numbers are numeric however many distinct values they have: on
    // large tables their count only feeds the reason, and the estimate will do.
    const decides = text || s.integer === s.nonNull || s.rows <= EXACT_ROWS;
    if (s.distinct <= 3 || (nearUnique && decides)) {
      passB.push(`count(DISTINCT ${col}) AS d${i}`);
    }
    if (!text) return;
    if (s.distinct <= 3) passB.push(`count(CASE WHEN lower(${col}) IN ${BOOLEAN_WORDS} THEN 1 END) AS b${i}`);
    if (dateCandidates.has(i)) passB.push(`count(TRY_CAST(${col} AS TIMESTAMP)) AS ts${i}`);
    passB.push(
      `coalesce(avg(length(${col})), 0) AS len${i}`,
      `coalesce(avg(length(${col}) - length(replace(${col}, ' ', '')) + 1), 0) AS w${i}`,
    );
  });
  if (passB.length > 0) {
    const b = await one(c, `SELECT ${passB.join(', ')} FROM ${from}`);
    stats.forEach((s, i) => {
      if (b[`d${i}`] !== undefined) s.distinct = Number(b[`d${i}`]);
      if (b[`b${i}`] !== undefined) s.booleanLike = Number(b[`b${i}`]);
      if (b[`ts${i}`] !== undefined) s.datetime = Number(b[`ts${i}`]);
      if (b[`len${i}`] !== undefined) {
        s.avgLength = Number(b[`len${i}`]);
        s.avgWords = Number(b[`w${i}`]);
      }
    });
  }
  for (const s of stats) {
    if (s.booleanLike !== s.nonNull || s.distinct > 2 || s.nonNull === 0) continue;
    const values = await c.runAndReadAll(
      `SELECT DISTINCT trim(${ident(s.name)}) AS v FROM ${from} WHERE ${ident(s.name)} IS NOT NULL ORDER BY v LIMIT 5`,
    );
    s.sample = values.getRowObjectsJS().map((r) => String(r.v));
  }
  return stats;
}

/**
 * The first rows of every column: does any value parse as a number (else the column is text, whatever follows, and
 * its numbers are not counted), and does every value parse as a timestamp (else it is not a date column)?
 */
async function probeRows(c: DuckDBConnection, from: string, names: string[]) {
  const inner = names.map((name, i) => `trim(${ident(name)}) AS s${i}`);
  const parts = names.map(
    (_, i) =>
      `count(s${i}) AS nn${i}, count(TRY_CAST(s${i} AS DOUBLE)) AS num${i}, count(TRY_CAST(s${i} AS TIMESTAMP)) AS ts${i}`,
  );
  const row = await one(
    c,
    `SELECT ${parts.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${from} LIMIT ${PROBE_ROWS})`,
  );
  return names.map((_, i) => {
    const nn = Number(row[`nn${i}`]);
    const timestamps = Number(row[`ts${i}`]);
    return { numbers: nn === 0 || Number(row[`num${i}`]) > 0, dates: timestamps === nn, timestamps };
  });
}

async function one(c: DuckDBConnection, sql: string): Promise<Raw> {
  return (await c.runAndReadAll(sql)).getRowObjectsJS()[0] as Raw;
}
