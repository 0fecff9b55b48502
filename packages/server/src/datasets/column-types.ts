import { ident } from '../store/db';

export const COLUMN_TYPES = ['numeric', 'categorical', 'boolean', 'datetime', 'text', 'identifier'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  inferredType: ColumnType;
  reason: string;
  missing: number;
}

/**
 * Data-set tables hold every value as VARCHAR, exactly as read. This is the typed view of one column, used by
 * every read (rows, profile, training): numbers and datetimes are cast, the rest stay text.
 */
export function typedExpression(name: string, type: ColumnType): string {
  const column = ident(name);
  switch (type) {
    case 'numeric':
      return `TRY_CAST(trim(${column}) AS DOUBLE)`;
    case 'datetime':
      return `TRY_CAST(trim(${column}) AS TIMESTAMP)`;
    default:
      return column;
  }
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
