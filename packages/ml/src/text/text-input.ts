import { MlError } from '../core/errors';
import { Frame } from '../core/frame';
import type { Tabular } from '../core/roles';

/** What text estimators take: the documents themselves, or a frame with exactly one text (categorical) column. */
export type TextInput = Tabular | readonly string[];

/**
 * The documents of a text input, with missing values as empty documents. Text columns arrive in frames as
 * categorical columns (the studio stores strings that way), so each distinct document is one level.
 * Returns the levels and the per-row codes, so a repeated document is tokenized once.
 */
export function textDocuments(X: TextInput, kind: string): { levels: readonly string[]; codes: Int32Array } {
  if (Array.isArray(X)) {
    return { levels: X as readonly string[], codes: Int32Array.from({ length: X.length }, (_, i) => i) };
  }
  if (!(X instanceof Frame)) {
    throw new MlError(
      'WRONG_COLUMN_KIND',
      `${kind} needs text, not a numeric matrix. Pass an array of strings or a frame with one text column.`,
      { details: { kind } },
    );
  }
  if (X.columns.length !== 1) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `${kind} takes exactly one text column, got ${X.columns.length}. Give it one column (in a ColumnTransformer entry, name one column).`,
      { details: { kind, columns: X.names } },
    );
  }
  const column = X.columns[0];
  if (column.kind !== 'categorical') {
    throw new MlError(
      'WRONG_COLUMN_KIND',
      `${kind} needs a text column but '${column.name}' is numeric. Choose a text column.`,
      { details: { kind, column: column.name } },
    );
  }
  // Code -1 (missing) maps to an extra empty level at the end.
  const empty = column.levels.length;
  const codes = Int32Array.from(column.codes, (c) => (c < 0 ? empty : c));
  return { levels: [...column.levels, ''], codes };
}
