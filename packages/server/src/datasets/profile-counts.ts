import type { DuckDBConnection } from '@duckdb/node-api';
import { ident } from '../store/db';

/** Keys counted per query: GROUPING_ID is a BIGINT bitmask, one bit per key. */
const KEYS_PER_QUERY = 60;

/** A text expression over a data-set table whose non-NULL values are to be counted, for column `i`. */
export interface CountedKey {
  i: number;
  expr: string;
}

/**
 * Counts the values of several expressions with one `GROUP BY GROUPING SETS` pass (one set per expression), NULLs
 * left out: the same counts as DuckDB's `histogram`, which keeps a map per aggregate state and costs ten to
 * fifteen times as much on a million rows (measured: 0.08 s against 0.005 s for a 500-level column). The profile
 * uses it for the value counts of few-level columns and the exact counts of top-value candidates (text keys: on a
 * dictionary-compressed column a grouping set costs almost nothing).
 */
export async function countValues(
  c: DuckDBConnection,
  table: string,
  keys: CountedKey[],
): Promise<Map<number, [string, number][]>> {
  const out = new Map<number, [string, number][]>();
  for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) {
    const chunk = keys.slice(start, start + KEYS_PER_QUERY);
    const names = chunk.map((_, j) => `k${j}`);
    // Exactly one key is grouped per row; the others are NULL, so coalesce names the row's value.
    const reader = await c.runAndReadAll(
      `SELECT GROUPING_ID(${names.join(', ')}) AS g, coalesce(${names.join(', ')}) AS v, count(*) AS n
       FROM (SELECT ${chunk.map((k, j) => `${k.expr} AS k${j}`).join(', ')} FROM ${ident(table)})
       GROUP BY GROUPING SETS (${names.map((n) => `(${n})`).join(', ')})`,
    );
    const all = (1n << BigInt(chunk.length)) - 1n;
    const bitOf = new Map(chunk.map((k, j) => [all ^ (1n << BigInt(chunk.length - 1 - j)), k.i]));
    for (const k of chunk) out.set(k.i, []);
    for (const row of reader.getRowObjectsJS()) {
      if (row.v === null) continue;
      const i = bitOf.get(BigInt(row.g as bigint)) as number;
      out.get(i)?.push([String(row.v), Number(row.n)]);
    }
  }
  return out;
}
