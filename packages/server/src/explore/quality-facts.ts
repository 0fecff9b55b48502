import type { DuckDBConnection } from '@duckdb/node-api';
import { type ColumnInfo, typedExpression } from '../datasets/column-types';
import { sampleWhere } from '../datasets/sample';
import { ident } from '../store/db';
import type { TargetSpec } from './target';

export interface ColumnFacts {
  info: ColumnInfo;
  /** On the analysis sample: values present, distinct values, rows with the most frequent value. */
  nonNull: number;
  distinct: number;
  top: number;
  /** Non-numeric columns: values (trimmed) that parse as numbers, on the sample. */
  numbers: number;
  /** On the whole table: datetime values before 1900 or after now; distinct values (checked for 1-value columns). */
  impossibleDates: number;
  fullDistinct: number | null;
}

export interface QualityFacts {
  nRows: number;
  sampleRows: number;
  columns: ColumnFacts[];
  duplicateRows: number;
  /** Rows per class of a classification target (whole table), most frequent first. */
  classCounts: { label: string; count: number }[] | null;
}

/**
 * The facts behind the data-quality warnings. Distribution facts come from the analysis sample (one grouped query
 * counts every (column, value) pair); counts that must be exact — duplicate rows, impossible dates, whether a
 * column that looks constant really is — come from one aggregate query over the whole table.
 */
export async function qualityFacts(
  c: DuckDBConnection,
  source: { table: string; nRows: number; columns: ColumnInfo[] },
  target: TargetSpec | null,
): Promise<QualityFacts> {
  const { table, nRows, columns } = source;
  const from = ident(table);
  const values = columns.map((col) => `trim(CAST(${typedExpression(col.name, col.type)} AS VARCHAR))`);
  const numbers = columns.map((col, i) =>
    col.type === 'numeric' ? `0 AS x${i}` : `count(TRY_CAST(trim(${ident(col.name)}) AS DOUBLE)) AS x${i}`,
  );
  const sample = `(SELECT * FROM ${from} ${sampleWhere(nRows)})`;
  const grouped = (
    await c.runAndReadAll(`WITH l AS (SELECT unnest([${columns.map((_, i) => i).join(', ')}]) AS i, unnest([${values.join(', ')}]) AS v FROM ${sample}),
      g AS (SELECT i, v, count(*) AS n FROM l WHERE v IS NOT NULL GROUP BY i, v)
      SELECT i, count(*) AS d, max(n) AS top, sum(n) AS nn FROM g GROUP BY i`)
  ).getRowObjectsJS();
  const counts = (
    await c.runAndReadAll(`SELECT count(*) AS n, ${numbers.join(', ')} FROM ${sample}`)
  ).getRowObjectsJS()[0];
  const facts: ColumnFacts[] = columns.map((info, i) => {
    const g = grouped.find((r) => Number(r.i) === i);
    return {
      info,
      nonNull: Number(g?.nn ?? 0),
      distinct: Number(g?.d ?? 0),
      top: Number(g?.top ?? 0),
      numbers: Number(counts[`x${i}`]),
      impossibleDates: 0,
      fullDistinct: null,
    };
  });
  const full = [
    `count(*) - count(DISTINCT hash(${columns.map((col) => ident(col.name)).join(', ')})) AS dups`,
  ];
  facts.forEach((f, i) => {
    const typed = typedExpression(f.info.name, f.info.type);
    if (f.info.type === 'datetime') {
      full.push(
        `count(*) FILTER (WHERE ${typed} < TIMESTAMP '1900-01-01' OR ${typed} > now()::TIMESTAMP) AS bad${i}`,
      );
    }
    if (f.distinct === 1 && sampleWhere(nRows) !== '') full.push(`count(DISTINCT ${typed}) AS d${i}`);
  });
  const row = (await c.runAndReadAll(`SELECT ${full.join(', ')} FROM ${from}`)).getRowObjectsJS()[0];
  facts.forEach((f, i) => {
    if (row[`bad${i}`] !== undefined) f.impossibleDates = Number(row[`bad${i}`]);
    if (row[`d${i}`] !== undefined) f.fullDistinct = Number(row[`d${i}`]);
  });
  let classCounts: QualityFacts['classCounts'] = null;
  if (target !== null && target.task === 'classification') {
    const reader = await c.runAndReadAll(
      `SELECT ${target.label} AS label, count(*) AS n FROM ${from} WHERE (${target.label}) IS NOT NULL GROUP BY 1 ORDER BY n DESC, label`,
    );
    classCounts = reader.getRowObjectsJS().map((r) => ({ label: String(r.label), count: Number(r.n) }));
  }
  return {
    nRows,
    sampleRows: Number(counts.n),
    columns: facts,
    duplicateRows: Number(row.dups),
    classCounts,
  };
}
