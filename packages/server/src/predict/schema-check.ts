import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo } from '../datasets/column-types';
import { ident, literal } from '../store/db';
import type { SchemaColumn } from '../training/types';

export type IssueSeverity = 'error' | 'warning' | 'info';

/**
 * One finding of the schema contract for one column. Errors block a prediction (the model cannot read the
 * column); warnings allow it once the user chooses to proceed (predictions there are less trustworthy); notes
 * only inform.
 */
export interface SchemaIssue {
  column: string;
  severity: IssueSeverity;
  code:
    | 'MISSING_COLUMN'
    | 'TYPE_MISMATCH'
    | 'UNSEEN_CATEGORY'
    | 'OUT_OF_RANGE'
    | 'SHIFTED_VALUES'
    | 'TOO_MANY_MISSING'
    | 'NEW_MISSING'
    | 'EXTRA_COLUMN'
    | 'TARGET_PRESENT';
  /** Rows affected. */
  count: number;
  /** Up to five offending values, as text. */
  examples: string[];
  /** What was found, in plain words. */
  message: string;
  /** What to do about it. */
  suggestion: string;
}

/** Share of rows outside the training 1st–99th percentiles above which the values look shifted (2% expected). */
const SHIFT_SHARE = 0.1;

const short = (v: unknown) => String(v).slice(0, 40);
const asNumberOf = (col: string) => `TRY_CAST(trim(CAST(${col} AS VARCHAR)) AS DOUBLE)`;
const knownList = (categories: string[]) =>
  categories.length > 0 ? categories.map(literal).join(', ') : "''";

interface ColumnCounts {
  missing: number;
  /** Numeric: non-empty text that is not a number. */
  bad: number;
  /** Numeric: values outside the training [min, max]. */
  outside: number;
  /** Numeric: values outside the training 1st–99th percentiles. */
  shifted: number;
  /** Categorical: non-empty values not among the training categories. */
  unseen: number;
}

/**
 * Every count the checks need, for every column, in one scan of the table: one query instead of three or four
 * per column (on a 30-column file that was ~100 queries and most of a batch prediction's time). The checks then
 * query examples only for the columns found at fault. Empty text counts as missing, as when a data set is loaded.
 */
async function countAll(
  c: DuckDBConnection,
  from: string,
  schema: SchemaColumn[],
  present: Map<string, ColumnInfo>,
): Promise<{ total: number; columns: ColumnCounts[] }> {
  const select = ['count(*) AS total'];
  // Each column is trimmed (and cast to a number) once, in subqueries, however many counts read it.
  const texts: string[] = [];
  const numbers: string[] = [];
  const when = (alias: string, condition: string) =>
    select.push(`count(*) FILTER (WHERE ${condition}) AS ${alias}`);
  schema.forEach((expected, j) => {
    if (!present.has(expected.name)) return;
    const text = `t${j}`;
    texts.push(`trim(CAST(${ident(expected.name)} AS VARCHAR)) AS ${text}`);
    numbers.push(text);
    when(`m${j}`, `${text} IS NULL OR ${text} = ''`);
    if (expected.type === 'numeric') {
      const x = `x${j}`;
      numbers.push(`TRY_CAST(${text} AS DOUBLE) AS ${x}`);
      when(`b${j}`, `${text} IS NOT NULL AND ${text} <> '' AND ${x} IS NULL`);
      if (expected.min !== undefined && expected.max !== undefined)
        when(`o${j}`, `${x} < ${expected.min} OR ${x} > ${expected.max}`);
      const q = expected.quantiles;
      if (q !== undefined) when(`s${j}`, `${x} < ${q.p01} OR ${x} > ${q.p99}`);
    } else if (expected.categories !== undefined) {
      when(
        `u${j}`,
        `${text} IS NOT NULL AND ${text} <> '' AND ${text} NOT IN (${knownList(expected.categories)})`,
      );
    }
  });
  const source =
    texts.length === 0
      ? from
      : `(SELECT ${numbers.join(', ')} FROM (SELECT ${texts.join(', ')} FROM ${from}))`;
  const row = (await c.runAndReadAll(`SELECT ${select.join(', ')} FROM ${source}`)).getRowObjectsJS()[0];
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    total: n('total'),
    columns: schema.map((_, j) => ({
      missing: n(`m${j}`),
      bad: n(`b${j}`),
      outside: n(`o${j}`),
      shifted: n(`s${j}`),
      unseen: n(`u${j}`),
    })),
  };
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/**
 * Checks an uploaded table against the model's schema contract, column by column: missing required columns,
 * wrong types, unseen categories, values outside the training range (or mostly outside its 1st–99th
 * percentiles), and more missing values than in training. Every finding says how many rows, shows examples
 * and suggests a fix. Read-only: the table is not changed.
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
  const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS();
  const from = ident(table);
  const scan = await countAll(c, from, schema, present);
  const total = scan.total;
  const add = (issue: SchemaIssue) => issues.push(issue);

  for (const [j, expected] of schema.entries()) {
    const name = expected.name;
    const col = ident(name);
    const counts = scan.columns[j];
    if (!present.has(name)) {
      add({
        column: name,
        severity: 'error',
        code: 'MISSING_COLUMN',
        count: total,
        examples: [],
        message: `Column '${name}' is missing; the model was trained with it (${expected.type}).`,
        suggestion: `Add a column named '${name}' (the name must match exactly), or retrain without it.`,
      });
      continue;
    }
    const missing = counts.missing;
    const share = total === 0 ? 0 : missing / total;
    const trainedShare = expected.missingShare ?? ((expected.missing ?? 0) > 0 ? undefined : 0);
    if (
      missing > 0 &&
      (share === 1 || (trainedShare !== undefined && share > Math.max(2 * trainedShare, trainedShare + 0.1)))
    ) {
      add({
        column: name,
        severity: 'warning',
        code: 'TOO_MANY_MISSING',
        count: missing,
        examples: [],
        message: `${pct(share)} of '${name}' is missing (${missing} of ${total} rows); in training it was ${trainedShare === undefined ? 'less' : pct(trainedShare)}.`,
        suggestion:
          'Fill the gaps if you can: missing values are imputed as in training, which makes those predictions less reliable.',
      });
    } else if (missing > 0 && trainedShare === 0) {
      add({
        column: name,
        severity: 'info',
        code: 'NEW_MISSING',
        count: missing,
        examples: [],
        message: `${missing} values of '${name}' are missing; the training data had none here.`,
        suggestion: 'They are imputed as in training; fill them in for more reliable predictions.',
      });
    }
    if (expected.type === 'numeric') {
      const asNumber = asNumberOf(col);
      // The examples are queried only for a column the scan found at fault.
      const bad =
        counts.bad === 0
          ? []
          : await rows(
              `SELECT trim(CAST(${col} AS VARCHAR)) AS v, count(*) AS n FROM ${from} WHERE ${col} IS NOT NULL AND trim(CAST(${col} AS VARCHAR)) <> '' AND ${asNumber} IS NULL GROUP BY v ORDER BY n DESC, v LIMIT 1000`,
            );
      if (bad.length > 0) {
        const count = bad.reduce((s, r) => s + Number(r.n), 0);
        add({
          column: name,
          severity: 'error',
          code: 'TYPE_MISMATCH',
          count,
          examples: bad.slice(0, 5).map((r) => short(r.v)),
          message: `${count} values of '${name}' are not numbers (for example '${short(bad[0].v)}'); the model expects numbers here.`,
          suggestion: `Remove units, thousands separators or text from '${name}', or leave those cells empty.`,
        });
        continue;
      }
      if (expected.min !== undefined && expected.max !== undefined) {
        const outside = `${asNumber} < ${expected.min} OR ${asNumber} > ${expected.max}`;
        const count = counts.outside;
        if (count > 0) {
          // The most extreme values first: they are the likeliest unit errors or typos.
          const out = await rows(
            `SELECT ${asNumber} AS v FROM ${from} WHERE ${outside} ORDER BY abs(${asNumber} - ${(expected.min + expected.max) / 2}) DESC LIMIT 5`,
          );
          add({
            column: name,
            severity: 'warning',
            code: 'OUT_OF_RANGE',
            count,
            examples: out.map((r) => short(r.v)),
            message: `${count} values of '${name}' are outside the training range [${expected.min}, ${expected.max}].`,
            suggestion:
              'Check the units and for typos. Predictions there are extrapolations: trust them less, or retrain with data covering these values.',
          });
        }
      }
      const q = expected.quantiles;
      if (q !== undefined) {
        const shifted = counts.shifted;
        const present = total - missing;
        if (present > 0 && shifted / present > SHIFT_SHARE) {
          add({
            column: name,
            severity: 'info',
            code: 'SHIFTED_VALUES',
            count: shifted,
            examples: [],
            message: `${pct(shifted / present)} of '${name}' lies outside the training 1st–99th percentiles [${q.p01}, ${q.p99}] (about 2% is expected; training median ${q.p50}).`,
            suggestion:
              'The data may have drifted since training; compare with the training data, or retrain.',
          });
        }
      }
    } else if (expected.categories !== undefined) {
      const known = knownList(expected.categories);
      const unseen =
        counts.unseen === 0
          ? []
          : await rows(
              `SELECT trim(CAST(${col} AS VARCHAR)) AS v, count(*) AS n FROM ${from} WHERE ${col} IS NOT NULL AND trim(CAST(${col} AS VARCHAR)) <> '' AND trim(CAST(${col} AS VARCHAR)) NOT IN (${known}) GROUP BY v ORDER BY n DESC, v`,
            );
      if (unseen.length > 0) {
        const count = unseen.reduce((s, r) => s + Number(r.n), 0);
        const examples = unseen.slice(0, 5).map((r) => short(r.v));
        add({
          column: name,
          severity: 'warning',
          code: 'UNSEEN_CATEGORY',
          count,
          examples,
          message: `${unseen.length} categor${unseen.length === 1 ? 'y' : 'ies'} of '${name}' never seen in training (${examples.map((e) => `'${e}'`).join(', ')}${unseen.length > 5 ? ', …' : ''}) in ${count} rows.`,
          suggestion: `Check spelling and case against the training categories (e.g. ${expected.categories
            .slice(0, 3)
            .map((k) => `'${short(k)}'`)
            .join(', ')}); the model treats unseen ones as unknown.`,
        });
      }
    }
  }
  const wanted = new Set(schema.map((s) => s.name));
  for (const col of fileColumns) {
    if (wanted.has(col.name)) continue;
    const isTarget = col.name === target;
    add({
      column: col.name,
      severity: 'info',
      code: isTarget ? 'TARGET_PRESENT' : 'EXTRA_COLUMN',
      count: 0,
      examples: [],
      message: isTarget
        ? `'${col.name}' is the target; it is ignored for prediction.`
        : `'${col.name}' was not used in training; it is ignored.`,
      suggestion: 'Nothing to do: it is kept in the output next to the predictions.',
    });
  }
  return issues;
}
