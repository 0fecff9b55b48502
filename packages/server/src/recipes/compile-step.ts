import type { DuckDBValue } from '@duckdb/node-api';
import { type ColumnInfo, typedExpression } from '../datasets/column-types';
import { httpError } from '../errors';
import { ident } from '../store/db';
import { DEFAULT_SEPARATOR, type Step } from './steps';

export interface CompiledStep {
  /** A SELECT over `from` giving the new table: every column VARCHAR, rows in their original order. */
  sql: string;
  params: Record<string, DuckDBValue>;
  columns: ColumnInfo[];
}

const TRUE_WORDS = "('true','yes','y','t','1')";
/** Names a new column may not take: as keys of plain objects they change the object (untrusted/safe-names.ts). */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Compiles one (resolved) step to DuckDB SQL over the table `from`. Identifiers are quoted with `ident()`, values
 * are bound parameters ($v0, $v1, …): no user text is ever spliced into the SQL. Untouched columns keep their
 * original text; a changed value is written as text too, so the new table is all VARCHAR like every data set.
 * Throws 422 BAD_STEP (with the step's 1-based position) for a step that does not fit the columns.
 */
export function compileStep(step: Step, columns: ColumnInfo[], from: string, position: number): CompiledStep {
  const bad = (detail: string) => httpError('BAD_STEP', { index: position, op: step.op, detail });
  const find = (name: string) => {
    const col = columns.find((c) => c.name === name);
    if (col === undefined)
      throw bad(
        `there is no column '${name}' (columns: ${columns
          .map((c) => c.name)
          .join(', ')
          .slice(0, 500)}).`,
      );
    return col;
  };
  const fresh = (name: string) => {
    if (columns.some((c) => c.name === name))
      throw bad(`a column named '${name}' already exists; choose another name.`);
    return name;
  };
  const params: Record<string, DuckDBValue> = {};
  const bind = (value: DuckDBValue) => {
    const name = `v${Object.keys(params).length}`;
    params[name] = value;
    return `$${name}`;
  };
  const raw = (c: ColumnInfo) => ident(c.name);
  const typed = (c: ColumnInfo) => typedExpression(c.name, c.type);
  const all = (replace: Map<string, string> = new Map()) =>
    columns.map((c) => `${replace.get(c.name) ?? raw(c)} AS ${ident(c.name)}`);
  const select = (list: string[], tail = '') => `SELECT ${list.join(', ')} FROM ${from}${tail}`;
  const derived = (name: string, reason: string, type: ColumnInfo['type']): ColumnInfo => ({
    name,
    type,
    inferredType: type,
    reason,
    missing: 0,
  });
  const numericOnly = (c: ColumnInfo) => {
    if (c.type !== 'numeric')
      throw bad(`'${c.name}' is ${c.type}; this step needs a numeric column (cast it first).`);
  };

  switch (step.op) {
    case 'drop': {
      const drop = new Set(step.columns.map((n) => find(n).name));
      const kept = columns.filter((c) => !drop.has(c.name));
      if (kept.length === 0) throw bad('it would drop every column.');
      return { sql: select(kept.map((c) => raw(c))), params, columns: kept };
    }
    case 'rename': {
      const col = find(step.column);
      if (step.to === step.column) throw bad(`the new name is the old one.`);
      fresh(step.to);
      const list = columns.map((c) => `${raw(c)} AS ${ident(c === col ? step.to : c.name)}`);
      return {
        sql: select(list),
        params,
        columns: columns.map((c) => (c === col ? { ...c, name: step.to } : c)),
      };
    }
    case 'cast': {
      const col = find(step.column);
      const check = step.to === 'numeric' ? 'DOUBLE' : step.to === 'datetime' ? 'TIMESTAMP' : null;
      // Values that do not parse become missing, so the text and the typed view agree from now on.
      const expr =
        check === null
          ? raw(col)
          : `CASE WHEN TRY_CAST(trim(${raw(col)}) AS ${check}) IS NOT NULL THEN trim(${raw(col)}) END`;
      const info: ColumnInfo = { ...col, type: step.to, reason: `Cast to ${step.to} by a recipe step.` };
      return {
        sql: select(all(new Map([[col.name, expr]]))),
        params,
        columns: columns.map((c) => (c === col ? info : c)),
      };
    }
    case 'filter': {
      const col = find(step.column);
      return {
        sql: select(
          columns.map((c) => raw(c)),
          ` WHERE ${condition(step, col, bind, bad)}`,
        ),
        params,
        columns,
      };
    }
    case 'deduplicate': {
      const keys = (step.columns ?? columns.map((c) => c.name)).map((n) => typed(find(n)));
      const sql = `SELECT ${columns.map((c) => raw(c)).join(', ')} FROM (SELECT *, rowid AS __quarry_row FROM ${from})
        QUALIFY row_number() OVER (PARTITION BY ${keys.join(', ')} ORDER BY __quarry_row) = 1 ORDER BY __quarry_row`;
      return { sql, params, columns };
    }
    case 'fillMissing': {
      const col = find(step.column);
      const value = literalFor(col, step.value, bad);
      const expr = `CASE WHEN ${typed(col)} IS NULL THEN ${bind(value)} ELSE ${raw(col)} END`;
      return { sql: select(all(new Map([[col.name, expr]]))), params, columns };
    }
    case 'clip': {
      const col = find(step.column);
      numericOnly(col);
      if (step.lower === undefined && step.upper === undefined) throw bad('give lower, upper or both.');
      if (step.lower !== undefined && step.upper !== undefined && step.lower > step.upper)
        throw bad('lower is above upper.');
      const x = typed(col);
      const parts = [`WHEN ${x} IS NULL THEN ${raw(col)}`];
      if (step.lower !== undefined)
        parts.push(`WHEN ${x} < ${bind(step.lower)} THEN ${bind(String(step.lower))}`);
      if (step.upper !== undefined)
        parts.push(`WHEN ${x} > ${bind(step.upper)} THEN ${bind(String(step.upper))}`);
      const expr = `CASE ${parts.join(' ')} ELSE ${raw(col)} END`;
      return { sql: select(all(new Map([[col.name, expr]]))), params, columns };
    }
    case 'flagOutliers': {
      const col = find(step.column);
      numericOnly(col);
      if (step.lower === undefined || step.upper === undefined) throw bad('the fences were not computed.'); // resolve-step.ts fills them
      const name = fresh(step.newColumn ?? `${col.name}_outlier`);
      const x = typed(col);
      const expr = `CASE WHEN ${x} IS NULL OR NOT isfinite(${x}) THEN NULL WHEN ${x} < ${bind(step.lower)} OR ${x} > ${bind(step.upper)} THEN 'true' ELSE 'false' END`;
      const info = derived(
        name,
        `Outside ${step.lower} … ${step.upper} (IQR fences of '${col.name}').`,
        'boolean',
      );
      return { sql: select([...all(), `${expr} AS ${ident(name)}`]), params, columns: [...columns, info] };
    }
    case 'standardize': {
      const col = find(step.column);
      numericOnly(col);
      if (step.mean === undefined || step.sd === undefined) throw bad('the mean and SD were not computed.'); // resolve-step.ts fills them
      const x = typed(col);
      const z = `CAST((${x} - ${bind(step.mean)}) / ${bind(step.sd)} AS VARCHAR)`;
      const expr = `CASE WHEN ${x} IS NULL OR NOT isfinite(${x}) THEN ${raw(col)} ELSE ${z} END`;
      const info: ColumnInfo = {
        ...col,
        reason: `Standardized with the whole data's mean ${step.mean} and SD ${step.sd}.`,
      };
      return {
        sql: select(all(new Map([[col.name, expr]]))),
        params,
        columns: columns.map((c) => (c === col ? info : c)),
      };
    }
    case 'dateParts': {
      const col = find(step.column);
      if (col.type !== 'datetime') throw bad(`'${col.name}' is ${col.type}; cast it to datetime first.`);
      const fn = { year: 'year', month: 'month', day: 'day', weekday: 'dayofweek', hour: 'hour' };
      const parts = [...new Set(step.parts)];
      const names = parts.map((p) => fresh(`${col.name}_${p}`));
      const list = parts.map((p, k) => `CAST(${fn[p]}(${typed(col)}) AS VARCHAR) AS ${ident(names[k])}`);
      const infos = parts.map((p, k) =>
        derived(names[k], `The ${p} of '${col.name}'${p === 'weekday' ? ' (0 = Sunday)' : ''}.`, 'numeric'),
      );
      return { sql: select([...all(), ...list]), params, columns: [...columns, ...infos] };
    }
    case 'textLength': {
      const col = find(step.column);
      const name = fresh(step.newColumn ?? `${col.name}_length`);
      const info = derived(name, `Number of characters in '${col.name}'.`, 'numeric');
      return {
        sql: select([...all(), `CAST(length(${raw(col)}) AS VARCHAR) AS ${ident(name)}`]),
        params,
        columns: [...columns, info],
      };
    }
    case 'combine': {
      const names = step.columns;
      if (names.length < 2) throw bad(`list at least two columns to combine (got ${names.length}).`);
      const twice = names.find((n, i) => names.indexOf(n) !== i);
      if (twice !== undefined) throw bad(`'${twice}' is listed twice; list each column once.`);
      const sources = names.map(find);
      const separator = step.separator ?? DEFAULT_SEPARATOR;
      const name = fresh(step.newColumn ?? names.join(separator));
      if (name.length > 500) throw bad('the combined name is too long; give the new column a name.');
      if (RESERVED_NAMES.has(name)) throw bad(`'${name}' cannot name a column; choose another name.`);
      // NULL semantics as pandas' `a + '_' + b` and SQL's `||`: one missing part makes the whole key missing
      // (never "a_"). Missing means missing in the typed view, as fillMissing and the profile count it.
      const sep = bind(separator);
      const anyMissing = sources.map((c) => `${typed(c)} IS NULL`).join(' OR ');
      const expr = `CASE WHEN ${anyMissing} THEN NULL ELSE ${sources.map(raw).join(` || ${sep} || `)} END`;
      const info = derived(
        name,
        `${names.map((n) => `'${n}'`).join(' + ')} joined by '${separator}' (missing where any of them is missing).`,
        'categorical',
      );
      return { sql: select([...all(), `${expr} AS ${ident(name)}`]), params, columns: [...columns, info] };
    }
    case 'replaceValue': {
      const col = find(step.column);
      const expr = `CASE WHEN trim(${raw(col)}) = ${bind(step.from.trim())} THEN ${bind(step.to)} ELSE ${raw(col)} END`;
      return { sql: select(all(new Map([[col.name, expr]]))), params, columns };
    }
  }
}

type Bind = (value: DuckDBValue) => string;
type Bad = (detail: string) => Error;

/** A filter condition on the typed value; a missing value passes only '!=', 'notIn' and 'isMissing'. */
function condition(step: Extract<Step, { op: 'filter' }>, col: ColumnInfo, bind: Bind, bad: Bad): string {
  const x =
    col.type === 'numeric' || col.type === 'datetime'
      ? typedExpression(col.name, col.type)
      : `trim(${ident(col.name)})`;
  const { operator, value } = step;
  if (operator === 'isMissing') return `${x} IS NULL`;
  if (operator === 'notMissing') return `${x} IS NOT NULL`;
  if (value === undefined) throw bad(`operator '${operator}' needs a value.`);
  if (operator === 'contains') {
    if (Array.isArray(value)) throw bad(`'contains' takes one text.`);
    return `contains(lower(CAST(${x} AS VARCHAR)), lower(${bind(String(value))}))`;
  }
  if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value) || value.length === 0)
      throw bad(`'${operator}' needs a non-empty list of values.`);
    const list = value.map((v) => operand(col, v, bind, bad)).join(', ');
    return operator === 'in' ? `${x} IN (${list})` : `(${x} IS NULL OR ${x} NOT IN (${list}))`;
  }
  if (Array.isArray(value)) throw bad(`'${operator}' takes one value, not a list.`);
  if (typeof value === 'boolean' && col.type !== 'numeric') {
    const truthy = `lower(${x}) IN ${TRUE_WORDS}`;
    if (operator !== '=' && operator !== '!=') throw bad(`'${operator}' cannot compare with true/false.`);
    return (operator === '=') === value ? truthy : `(${x} IS NULL OR NOT ${truthy})`;
  }
  const v = operand(col, value, bind, bad);
  return operator === '!=' ? `(${x} IS NULL OR ${x} != ${v})` : `${x} ${operator} ${v}`;
}

/** A bound value of the column's kind: a number for numeric columns, a timestamp for datetime, else text. */
function operand(col: ColumnInfo, value: string | number | boolean, bind: Bind, bad: Bad): string {
  if (col.type === 'numeric') {
    const n = typeof value === 'number' ? value : Number(String(value).trim());
    if (typeof value === 'boolean' || !Number.isFinite(n))
      throw bad(`'${col.name}' is numeric; '${value}' is not a number.`);
    return `CAST(${bind(n)} AS DOUBLE)`;
  }
  if (col.type === 'datetime') {
    if (Number.isNaN(Date.parse(String(value))))
      throw bad(`'${col.name}' holds dates; '${value}' is not a date (use 2024-01-31 or 2024-01-31 12:00).`);
    return `CAST(${bind(String(value))} AS TIMESTAMP)`;
  }
  return bind(String(value));
}

/** The text a fill value is stored as, checked against the column's type. */
function literalFor(col: ColumnInfo, value: string | number | boolean, bad: Bad): string {
  if (
    col.type === 'numeric' &&
    !Number.isFinite(typeof value === 'number' ? value : Number(String(value).trim()))
  ) {
    throw bad(`'${col.name}' is numeric; '${value}' is not a number.`);
  }
  if (col.type === 'datetime' && Number.isNaN(Date.parse(String(value)))) {
    throw bad(`'${col.name}' holds dates; '${value}' is not a date.`);
  }
  return String(value);
}
