import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo } from '../datasets/column-types';
import { sampleWhere } from '../datasets/sample';
import { ident } from '../store/db';

export interface AfterOutcome {
  rows: number;
  /** Share of the rows (both times present) where the column is later than the outcome's time. */
  share: number;
}

const asTime = (name: string) => `TRY_CAST(trim(${ident(name)}) AS TIMESTAMP)`;

/**
 * Timestamps after the outcome: for every datetime column, the share of rows in which it is later than the
 * outcome's time column (the moment the target became known). A value from after that moment cannot be known
 * when the prediction is made. One aggregate query over the analysis sample.
 */
export async function afterOutcome(
  c: DuckDBConnection,
  source: { table: string; nRows: number },
  timeColumn: string,
  columns: ColumnInfo[],
): Promise<Map<string, AfterOutcome>> {
  const out = new Map<string, AfterOutcome>();
  if (columns.length === 0) return out;
  const outcome = asTime(timeColumn);
  const parts = columns.map(
    (col, i) => `count(*) FILTER (WHERE ${asTime(col.name)} IS NOT NULL AND ${outcome} IS NOT NULL) AS n${i},
      count(*) FILTER (WHERE ${asTime(col.name)} > ${outcome}) AS late${i}`,
  );
  const sql = `SELECT ${parts.join(', ')} FROM ${ident(source.table)} ${sampleWhere(source.nRows)}`;
  const row = (await c.runAndReadAll(sql)).getRowObjectsJS()[0];
  columns.forEach((col, i) => {
    const rows = Number(row[`n${i}`]);
    if (rows > 0) out.set(col.name, { rows, share: Number(row[`late${i}`]) / rows });
  });
  return out;
}
