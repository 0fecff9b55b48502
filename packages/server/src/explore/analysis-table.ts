import { randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { type ColumnInfo, typedExpression } from '../datasets/column-types';
import { sampleWhere } from '../datasets/sample';
import { ident } from '../store/db';
import type { TargetSpec } from './target';

/** Deterministic folds for out-of-fold statistics (a hash of the row id). */
export const FOLDS = 5;

/** A feature as the analyses see it: numbers (finite or NULL) or categories (trimmed text). */
export interface Feature {
  name: string;
  info: ColumnInfo;
  kind: 'numeric' | 'categorical';
  /** Its column in the analysis table. */
  slot: string;
}

export interface AnalysisTable {
  /** The quoted name of the TEMP table. */
  name: string;
  rows: number;
  features: Feature[];
  target: TargetSpec | null;
}

/** Column types analysed as features; identifiers, free text and dates are not (they get their own checks). */
export function featureKindOf(info: ColumnInfo): 'numeric' | 'categorical' | null {
  if (info.type === 'numeric') return 'numeric';
  if (info.type === 'categorical' || info.type === 'boolean') return 'categorical';
  return null;
}

/**
 * Copies the analysis sample (every row up to 200 000, a fixed hash sample above; with a target, only rows that
 * have one) into a TEMP table of typed columns, so that the correlation, target and leakage queries read compact
 * typed values instead of casting text again and again:
 *
 *   fold INTEGER | y DOUBLE | label VARCHAR | f0 DOUBLE | f1 VARCHAR | …
 *
 * `fn` runs with the table; it is dropped afterwards whatever happens.
 */
export async function withAnalysisTable<T>(
  c: DuckDBConnection,
  source: { table: string; nRows: number; columns: ColumnInfo[] },
  options: { target: TargetSpec | null; exclude?: string[] },
  fn: (t: AnalysisTable) => Promise<T>,
): Promise<T> {
  const { target } = options;
  const skip = new Set([...(options.exclude ?? []), ...(target === null ? [] : [target.name])]);
  const features: Feature[] = [];
  const select = [`CAST(hash(rowid) % ${FOLDS} AS INTEGER) AS fold`];
  source.columns.forEach((info, i) => {
    const kind = featureKindOf(info);
    if (kind === null || skip.has(info.name)) return;
    const typed = typedExpression(info.name, info.type);
    const slot = `f${i}`;
    features.push({ name: info.name, info, kind, slot });
    select.push(
      kind === 'numeric'
        ? `CASE WHEN isfinite(${typed}) THEN ${typed} END AS ${slot}`
        : `trim(CAST(${typed} AS VARCHAR)) AS ${slot}`,
    );
  });
  if (target !== null) select.push(`${target.y} AS y`, `CAST(${target.label} AS VARCHAR) AS label`);
  const where = sampleWhere(source.nRows);
  const hasTarget = target === null ? '' : `${where === '' ? 'WHERE' : ' AND'} (${target.label}) IS NOT NULL`;
  const name = ident(`analysis_${randomUUID().replaceAll('-', '')}`);
  await c.run(
    `CREATE TEMP TABLE ${name} AS SELECT ${select.join(', ')} FROM ${ident(source.table)} ${where}${hasTarget}`,
  );
  try {
    const rows = Number((await c.runAndReadAll(`SELECT count(*) AS n FROM ${name}`)).getRowObjectsJS()[0].n);
    return await fn({ name, rows, features, target });
  } finally {
    await c.run(`DROP TABLE IF EXISTS ${name}`);
  }
}
