import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../store/db';
import type { ColumnInfo, ColumnType } from './column-types';

/** Per-column facts gathered in one DuckDB pass over the all-VARCHAR table. */
export interface ColumnStats {
  name: string;
  rows: number;
  nonNull: number;
  distinct: number;
  numeric: number; // values that parse as numbers
  integer: number; // … that are whole numbers
  minNumber: number | null;
  maxNumber: number | null;
  datetime: number; // values that parse as timestamps
  booleanLike: number; // true/false, yes/no, y/n, t/f
  avgLength: number;
  avgWords: number;
  sample: string[];
}

const BOOLEAN_WORDS = "('true','false','yes','no','y','n','t','f')";
const ID_NAME = /(^id$|_id$|^id_|[a-z]Id$|ID$|^index$|^row(_?num(ber)?)?$|_no$|^key$|^uuid$)/;

export async function columnStats(
  c: DuckDBConnection,
  table: string,
  names: string[],
): Promise<ColumnStats[]> {
  if (names.length === 0) return [];
  const parts = names.map((name, i) => {
    const col = `trim(${ident(name)})`;
    const num = `TRY_CAST(${col} AS DOUBLE)`;
    return [
      `count(${col}) AS nn_${i}`,
      `approx_count_distinct(${col}) AS d_${i}`,
      `count(${num}) AS num_${i}`,
      `count(CASE WHEN ${num} = floor(${num}) THEN 1 END) AS int_${i}`,
      `min(${num}) AS min_${i}`,
      `max(${num}) AS max_${i}`,
      `count(CASE WHEN ${num} IS NULL THEN TRY_CAST(${col} AS TIMESTAMP) END) AS ts_${i}`,
      `count(CASE WHEN lower(${col}) IN ${BOOLEAN_WORDS} THEN 1 END) AS b_${i}`,
      `coalesce(avg(length(${col})), 0) AS len_${i}`,
      `coalesce(avg(length(${col}) - length(replace(${col}, ' ', '')) + 1), 0) AS w_${i}`,
    ].join(', ');
  });
  const reader = await c.runAndReadAll(`SELECT count(*) AS rows, ${parts.join(', ')} FROM ${ident(table)}`);
  const row = reader.getRowObjectsJS()[0] as Record<string, unknown>;
  const stats: ColumnStats[] = [];
  for (let i = 0; i < names.length; i++) {
    const nonNull = Number(row[`nn_${i}`]);
    // approx_count_distinct is fast but approximate; use the exact count when it decides a rule (≤ 2 or = n).
    let distinct = Number(row[`d_${i}`]);
    if (distinct <= 3 || Math.abs(distinct - nonNull) <= nonNull * 0.05) {
      const exact = await c.runAndReadAll(
        `SELECT count(DISTINCT trim(${ident(names[i])})) AS d FROM ${ident(table)}`,
      );
      distinct = Number(exact.getRowObjectsJS()[0].d);
    }
    const sampleReader = await c.runAndReadAll(
      `SELECT DISTINCT trim(${ident(names[i])}) AS v FROM ${ident(table)} WHERE ${ident(names[i])} IS NOT NULL LIMIT 5`,
    );
    stats.push({
      name: names[i],
      rows: Number(row.rows),
      nonNull,
      distinct,
      numeric: Number(row[`num_${i}`]),
      integer: Number(row[`int_${i}`]),
      minNumber: row[`min_${i}`] === null ? null : Number(row[`min_${i}`]),
      maxNumber: row[`max_${i}`] === null ? null : Number(row[`max_${i}`]),
      datetime: Number(row[`ts_${i}`]),
      booleanLike: Number(row[`b_${i}`]),
      avgLength: Number(row[`len_${i}`]),
      avgWords: Number(row[`w_${i}`]),
      sample: sampleReader.getRowObjectsJS().map((r) => String(r.v)),
    });
  }
  return stats;
}

/**
 * Decides a column's type from its stats, with a reason a person can check. Order matters: a column of 0/1 is
 * numeric before it is boolean; an all-unique integer column is an identifier only when its name or its values
 * (a run of consecutive integers) say so, since a continuous measure can be all-unique too.
 */
export function inferType(s: ColumnStats): { type: ColumnType; reason: string } {
  const n = s.nonNull;
  const missing = s.rows - n;
  if (n === 0) return { type: 'categorical', reason: 'Every value is missing.' };
  const unique = s.distinct === n && n >= 20;
  if (s.numeric === n) {
    const integers = s.integer === n;
    const consecutive =
      integers && s.minNumber !== null && s.maxNumber !== null && s.maxNumber - s.minNumber + 1 === n;
    if (integers && unique && (ID_NAME.test(s.name) || consecutive)) {
      return {
        type: 'identifier',
        reason: `Every value is a distinct whole number${consecutive ? ' in one consecutive run' : ''} and the name looks like a key: an identifier, not a measurement.`,
      };
    }
    return {
      type: 'numeric',
      reason: `All ${n} non-missing values are numbers (${s.distinct} distinct${missing > 0 ? `, ${missing} missing` : ''}).`,
    };
  }
  if (s.booleanLike === n && s.distinct <= 2) {
    return { type: 'boolean', reason: `Only the values ${s.sample.join(' / ')}: a yes/no column.` };
  }
  if (s.datetime === n)
    return { type: 'datetime', reason: `All ${n} non-missing values are dates or times.` };
  if (s.avgLength >= 40 || (s.avgWords >= 5 && s.distinct > n * 0.5)) {
    return {
      type: 'text',
      reason: `Long, mostly distinct strings (about ${Math.round(s.avgWords)} words on average): free text.`,
    };
  }
  if (unique && ID_NAME.test(s.name)) {
    return {
      type: 'identifier',
      reason: 'Every value is distinct and the name looks like a key: an identifier.',
    };
  }
  if (unique) {
    return {
      type: 'identifier',
      reason: `Every one of the ${n} values is distinct: an identifier, not a category.`,
    };
  }
  return {
    type: 'categorical',
    reason: `${s.distinct} distinct text values${s.numeric > 0 ? ` (${n - s.numeric} are not numbers)` : ''}: a category.`,
  };
}

export function toColumnInfo(s: ColumnStats): ColumnInfo {
  const { type, reason } = inferType(s);
  return { name: s.name, type, inferredType: type, reason, missing: s.rows - s.nonNull };
}
