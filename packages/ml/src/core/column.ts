/** A numeric column: `NaN` marks a missing value. */
export interface NumericColumn {
  name: string;
  kind: 'numeric';
  values: Float64Array;
}

/**
 * A categorical column, dictionary-encoded: row `i` holds `levels[codes[i]]`, and code `-1` marks a missing value.
 * Levels are plain strings; two frames may order them differently, so estimators match categories by string.
 */
export interface CategoricalColumn {
  name: string;
  kind: 'categorical';
  codes: Int32Array;
  levels: string[];
}

export type Column = NumericColumn | CategoricalColumn;

export type ColumnKind = Column['kind'];

export function numericColumn(name: string, values: ArrayLike<number>): NumericColumn {
  return { name, kind: 'numeric', values: Float64Array.from(values) };
}

/** Encodes strings as a categorical column; `null`/`undefined` become missing. Levels are sorted. */
export function categoricalColumn(
  name: string,
  values: ArrayLike<string | null | undefined>,
): CategoricalColumn {
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) seen.add(value);
  }
  const levels = [...seen].sort();
  const index = new Map(levels.map((level, code) => [level, code]));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    codes[i] = value === null || value === undefined ? -1 : index.get(value)!;
  }
  return { name, kind: 'categorical', codes, levels };
}

export function columnLength(column: Column): number {
  return column.kind === 'numeric' ? column.values.length : column.codes.length;
}

/** The rows at `indices` of a column, in that order (levels are shared, not copied). */
export function takeColumn(column: Column, indices: Int32Array): Column {
  if (column.kind === 'numeric') {
    const values = new Float64Array(indices.length);
    for (let r = 0; r < indices.length; r++) values[r] = column.values[indices[r]];
    return { name: column.name, kind: 'numeric', values };
  }
  const codes = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) codes[r] = column.codes[indices[r]];
  return { name: column.name, kind: 'categorical', codes, levels: column.levels };
}
