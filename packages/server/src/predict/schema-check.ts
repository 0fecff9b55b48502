import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo } from '../datasets/column-types';
import { ident, literal } from '../store/db';
import type { SchemaColumn } from '../training/types';

export interface SchemaIssue {
  column: string;
  severity: 'error' | 'warning' | 'info';
  code:
    | 'MISSING_COLUMN'
    | 'TYPE_MISMATCH'
    | 'UNSEEN_CATEGORY'
    | 'OUT_OF_RANGE'
    | 'EXTRA_COLUMN'
    | 'TARGET_PRESENT'
    | 'NEW_MISSING';
  message: string;
}

/**
 * Compares an uploaded table with the training schema, column by column. Errors stop the prediction
 * (a missing column, text where numbers are expected); warnings and notes go along with the predictions.
 */
export async function checkSchema(
  c: DuckDBConnection,
  table: string,
  fileColumns: ColumnInfo[],
  schema: SchemaColumn[],
  target: string,
): Promise<SchemaIssue[]> {
  const issues: SchemaIssue[] = [];
  const present = new Map(fileColumns.map((col) => [col.name, col]));
  const q = async (sql: string) =>
    (await c.runAndReadAll(sql)).getRowObjectsJS()[0] as Record<string, unknown>;
  const from = ident(table);

  for (const expected of schema) {
    const col = ident(expected.name);
    if (!present.has(expected.name)) {
      issues.push({
        column: expected.name,
        severity: 'error',
        code: 'MISSING_COLUMN',
        message: `Column '${expected.name}' is missing. The model was trained with it (${expected.type}); add it to the file.`,
      });
      continue;
    }
    const missing = Number((await q(`SELECT count(*) - count(${col}) AS m FROM ${from}`)).m);
    if (missing > 0 && (expected.missing ?? 0) === 0) {
      issues.push({
        column: expected.name,
        severity: 'info',
        code: 'NEW_MISSING',
        message: `${missing} values are missing; the training data had none here, so they are imputed as in training.`,
      });
    }
    if (expected.type === 'numeric') {
      const bad = await q(
        `SELECT count(*) AS n, any_value(${col}) AS example FROM ${from} WHERE ${col} IS NOT NULL AND TRY_CAST(trim(${col}) AS DOUBLE) IS NULL`,
      );
      if (Number(bad.n) > 0) {
        issues.push({
          column: expected.name,
          severity: 'error',
          code: 'TYPE_MISMATCH',
          message: `${Number(bad.n)} values of '${expected.name}' are not numbers (for example '${String(bad.example).slice(0, 50)}'); the model expects numbers here.`,
        });
        continue;
      }
      if (expected.min !== undefined && expected.max !== undefined) {
        const out = await q(
          `SELECT count(*) AS n FROM ${from} WHERE TRY_CAST(trim(${col}) AS DOUBLE) < ${expected.min} OR TRY_CAST(trim(${col}) AS DOUBLE) > ${expected.max}`,
        );
        if (Number(out.n) > 0) {
          issues.push({
            column: expected.name,
            severity: 'warning',
            code: 'OUT_OF_RANGE',
            message: `${Number(out.n)} values are outside the training range [${expected.min}, ${expected.max}]; predictions there are extrapolations.`,
          });
        }
      }
    } else if (expected.categories !== undefined) {
      const known = expected.categories.length > 0 ? expected.categories.map(literal).join(', ') : "''";
      const unseen = (
        await c.runAndReadAll(
          `SELECT trim(${col}) AS v, count(*) AS n FROM ${from} WHERE ${col} IS NOT NULL AND trim(${col}) NOT IN (${known}) GROUP BY v ORDER BY n DESC, v`,
        )
      ).getRowObjectsJS();
      if (unseen.length > 0) {
        const rows = unseen.reduce((s, r) => s + Number(r.n), 0);
        const examples = unseen
          .slice(0, 5)
          .map((r) => `'${String(r.v).slice(0, 40)}'`)
          .join(', ');
        issues.push({
          column: expected.name,
          severity: 'warning',
          code: 'UNSEEN_CATEGORY',
          message: `${unseen.length} categor${unseen.length === 1 ? 'y' : 'ies'} not seen in training (${examples}${unseen.length > 5 ? ', …' : ''}) in ${rows} rows; the model treats them as unknown.`,
        });
      }
    }
  }
  const wanted = new Set(schema.map((s) => s.name));
  for (const col of fileColumns) {
    if (wanted.has(col.name)) continue;
    if (col.name === target) {
      issues.push({
        column: col.name,
        severity: 'info',
        code: 'TARGET_PRESENT',
        message: `'${col.name}' is the target; it is ignored for prediction and kept in the output.`,
      });
    } else {
      issues.push({
        column: col.name,
        severity: 'info',
        code: 'EXTRA_COLUMN',
        message: `'${col.name}' was not used in training; it is ignored (and kept in the output).`,
      });
    }
  }
  return issues;
}
