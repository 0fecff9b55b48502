import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo } from '../datasets/column-types';
import { sampleWhere } from '../datasets/sample';
import { ident } from '../store/db';

const MIN_ROWS = 20;
const MAX_REMAINDERS = 5;

export interface TextCopy {
  rows: number;
  /** Share of the rows whose text contains the target's text. */
  share: number;
  /** Distinct texts left once the target's text is removed: a handful means a template around the target. */
  remainders: number;
}

/**
 * A text copy of the target: a text column that contains the target's value in (nearly) every row, wrapped in a
 * fixed template ('$123.45' for 123.45, 'Label: yes' for yes). Compared as trimmed, lower-cased text on the
 * analysis sample; a column qualifies when ≥ 98% of the rows contain the target and at most 5 distinct texts
 * remain once it is removed.
 */
export async function textCopies(
  c: DuckDBConnection,
  source: { table: string; nRows: number },
  targetName: string,
  columns: ColumnInfo[],
): Promise<Map<string, TextCopy>> {
  const out = new Map<string, TextCopy>();
  if (columns.length === 0) return out;
  const target = `lower(trim(${ident(targetName)}))`;
  const inner = [`${target} AS t`, ...columns.map((col, i) => `lower(trim(${ident(col.name)})) AS x${i}`)];
  const parts = columns.map(
    (_, i) => `count(*) FILTER (WHERE x${i} IS NOT NULL AND t IS NOT NULL) AS n${i},
      count(*) FILTER (WHERE contains(x${i}, t)) AS hit${i},
      count(DISTINCT CASE WHEN contains(x${i}, t) THEN replace(x${i}, t, '') END) AS rem${i}`,
  );
  const sql = `SELECT count(DISTINCT t) AS targets, ${parts.join(', ')}
    FROM (SELECT ${inner.join(', ')} FROM ${ident(source.table)} ${sampleWhere(source.nRows)})`;
  const row = (await c.runAndReadAll(sql)).getRowObjectsJS()[0];
  if (Number(row.targets) < 2) return out;
  columns.forEach((col, i) => {
    const rows = Number(row[`n${i}`]);
    const share = rows > 0 ? Number(row[`hit${i}`]) / rows : 0;
    const remainders = Number(row[`rem${i}`]);
    if (rows >= MIN_ROWS && share >= 0.98 && remainders <= MAX_REMAINDERS) {
      out.set(col.name, { rows, share, remainders });
    }
  });
  return out;
}
