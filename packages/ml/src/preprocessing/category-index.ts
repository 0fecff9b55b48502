import type { Column } from '../core/column';

/** Category index of a missing value. */
export const MISSING = -1;
/** Category index of a value not among the known categories. */
export const UNKNOWN = -2;

/** A numeric value as a category name (`1`, `2.5`), so numeric and text columns are encoded alike. */
function numberKey(value: number): string {
  return String(value);
}

/**
 * The distinct present values of a column, sorted (strings in code-unit order like NumPy, numbers numerically),
 * as the category list an encoder learns.
 */
export function columnCategories(column: Column): string[] {
  if (column.kind === 'numeric') {
    const distinct = new Set<number>();
    for (const value of column.values) if (!Number.isNaN(value)) distinct.add(value);
    return [...distinct].sort((a, b) => a - b).map(numberKey);
  }
  const used = new Uint8Array(column.levels.length);
  for (const code of column.codes) if (code >= 0) used[code] = 1;
  return column.levels.filter((_, code) => used[code] === 1).sort();
}

/**
 * Per row, the index of the row's value in `categories`, `MISSING` or `UNKNOWN`. Categorical columns are matched
 * by level string, so the frame may order its levels differently from the training frame.
 */
export function categoryIndex(column: Column, categories: readonly string[]): Int32Array {
  const lookup = new Map(categories.map((category, index) => [category, index]));
  if (column.kind === 'numeric') {
    const out = new Int32Array(column.values.length);
    for (let i = 0; i < out.length; i++) {
      const value = column.values[i];
      out[i] = Number.isNaN(value) ? MISSING : (lookup.get(numberKey(value)) ?? UNKNOWN);
    }
    return out;
  }
  const levelToCategory = Int32Array.from(column.levels, (level) => lookup.get(level) ?? UNKNOWN);
  const out = new Int32Array(column.codes.length);
  for (let i = 0; i < out.length; i++) {
    const code = column.codes[i];
    out[i] = code < 0 ? MISSING : levelToCategory[code];
  }
  return out;
}

/** The first value of a column with a given category index (for error messages). */
export function firstValueWith(column: Column, index: Int32Array, target: number): string {
  const row = index.indexOf(target);
  if (row < 0) return '';
  return column.kind === 'numeric' ? numberKey(column.values[row]) : column.levels[column.codes[row]];
}
