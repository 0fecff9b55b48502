import { ident } from '../store/db';

export const COLUMN_TYPES = ['numeric', 'categorical', 'boolean', 'datetime', 'text', 'identifier'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  inferredType: ColumnType;
  reason: string;
  missing: number;
  /** The name in the file, when it had to be renamed (a reserved name such as `__proto__`; untrusted/safe-names.ts). */
  originalName?: string;
}

/**
 * Data-set tables hold every value as VARCHAR, exactly as read. This is the typed view of one column, used by
 * every read (rows, profile, training): numbers and datetimes are cast, the rest stay text.
 *
 * The value is `TRY_CAST(trim(x) AS T)`, written as `coalesce(TRY_CAST(x AS T), TRY_CAST(trim(x) AS T))`: the
 * same result for every string (DuckDB's casts already skip ASCII blanks around a value, and a value that parses
 * untrimmed parses to the same thing trimmed; datasets.test.ts checks it on thousands of padded strings), but
 * `coalesce` evaluates its second argument only for the rows the first left NULL, so the costly `trim` (it copies
 * every string) runs only for missing values and the odd padded one.
 */
export function typedExpression(name: string, type: ColumnType): string {
  const column = ident(name);
  switch (type) {
    case 'numeric':
      return castTrimmed(column, 'DOUBLE');
    case 'datetime':
      return castTrimmed(column, 'TIMESTAMP');
    default:
      return column;
  }
}

/** `TRY_CAST(trim(expr) AS type)`, computed without trimming the values that parse as they are. */
export function castTrimmed(expr: string, type: 'DOUBLE' | 'TIMESTAMP'): string {
  return `coalesce(TRY_CAST(${expr} AS ${type}), TRY_CAST(trim(${expr}) AS ${type}))`;
}

export function typedSelect(columns: ColumnInfo[]): string {
  return columns.map((c) => `${typedExpression(c.name, c.type)} AS ${ident(c.name)}`).join(', ');
}

/** Feature kinds the ML library understands; text, identifier and datetime columns are not features (yet). */
export function featureKind(type: ColumnType): 'numeric' | 'categorical' | null {
  if (type === 'numeric') return 'numeric';
  if (type === 'categorical' || type === 'boolean') return 'categorical';
  return null;
}
