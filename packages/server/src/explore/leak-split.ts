import { type DuckDBConnection, INTEGER, LIST, listValue } from '@duckdb/node-api';
import type { ColumnInfo } from '../datasets/column-types';
import { ident } from '../store/db';

/** Values of a split column that put a row on the test side (compared trimmed, lower-cased). */
export const TEST_VALUES = ['test', 'holdout', 'valid', 'validation', 'true', '1'];

/** A proposed split: a column naming each row's side, or the 0-based rows of the test side. */
export type SplitSpec = { column: string } | { testRows: number[] };

export interface SplitOverlap {
  testRows: number;
  trainRows: number;
  /** Test rows identical to some training row (identifier columns and the split column aside). */
  duplicatedTestRows: number;
  /** Groups with rows on both sides, and groups in all (when a group column is given). */
  sharedGroups: number | null;
  groups: number | null;
}

/**
 * Rows and groups on both sides of a split, over the whole table (exact counts). Rows are compared by a 64-bit
 * hash of every column except identifiers and the split column — the same record entered twice under two ids
 * is still the same record.
 */
export async function splitOverlap(
  c: DuckDBConnection,
  source: { table: string; columns: ColumnInfo[] },
  split: SplitSpec,
  groupColumn: string | null,
): Promise<SplitOverlap> {
  const splitName = 'column' in split ? split.column : null;
  const keyColumns = source.columns.filter((col) => col.type !== 'identifier' && col.name !== splitName);
  const hash =
    keyColumns.length > 0 ? `hash(${keyColumns.map((col) => `trim(${ident(col.name)})`).join(', ')})` : '0';
  const isTest =
    'column' in split
      ? `coalesce(lower(trim(${ident(split.column)})) IN (${TEST_VALUES.map((v) => `'${v}'`).join(', ')}), false)`
      : 'rowid IN (SELECT unnest($rows))';
  const group = groupColumn === null ? 'NULL' : `trim(${ident(groupColumn)})`;
  const sql = `WITH r AS (SELECT ${hash} AS h, ${group} AS g, ${isTest} AS test FROM ${ident(source.table)}),
    rows_ AS (SELECT h, count(*) FILTER (WHERE test) AS t, count(*) FILTER (WHERE NOT test) AS tr FROM r GROUP BY h),
    groups_ AS (SELECT g, bool_or(test) AS t, bool_or(NOT test) AS tr FROM r WHERE g IS NOT NULL GROUP BY g)
    SELECT (SELECT sum(t) FROM rows_) AS test_rows, (SELECT sum(tr) FROM rows_) AS train_rows,
           (SELECT coalesce(sum(t), 0) FROM rows_ WHERE t > 0 AND tr > 0) AS duplicated,
           (SELECT count(*) FILTER (WHERE t AND tr) FROM groups_) AS shared, (SELECT count(*) FROM groups_) AS groups`;
  const reader =
    'testRows' in split
      ? await c.runAndReadAll(sql, { rows: listValue(split.testRows) }, { rows: LIST(INTEGER) })
      : await c.runAndReadAll(sql);
  const row = reader.getRowObjectsJS()[0];
  return {
    testRows: Number(row.test_rows ?? 0),
    trainRows: Number(row.train_rows ?? 0),
    duplicatedTestRows: Number(row.duplicated ?? 0),
    sharedGroups: groupColumn === null ? null : Number(row.shared),
    groups: groupColumn === null ? null : Number(row.groups),
  };
}
