import { MlError } from './errors';

/** A classification target, dictionary-encoded like a categorical column (`-1` = missing). */
export interface Labels {
  codes: Int32Array;
  levels: string[];
}

/** Encodes string labels; levels are sorted like scikit-learn's `np.unique`. */
export function toLabels(values: ArrayLike<string | null | undefined>): Labels {
  const present = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) present.add(value);
  }
  const levels = [...present].sort();
  const index = new Map(levels.map((level, code) => [level, code]));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    codes[i] = value === null || value === undefined ? -1 : index.get(value)!;
  }
  return { codes, levels };
}

export function isLabels(y: unknown): y is Labels {
  return (
    typeof y === 'object' &&
    y !== null &&
    (y as Labels).codes instanceof Int32Array &&
    Array.isArray((y as Labels).levels)
  );
}

/** The labels at `indices`, with the same levels. */
export function takeLabels(y: Labels, indices: Int32Array): Labels {
  const codes = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) codes[r] = y.codes[indices[r]];
  return { codes, levels: y.levels };
}

/** The string label of every row (`null` for missing). */
export function labelValues(y: Labels): (string | null)[] {
  return Array.from(y.codes, (code) => {
    if (code >= y.levels.length) {
      throw new MlError('SHAPE_MISMATCH', `Label code ${code} has no level (there are ${y.levels.length}).`);
    }
    return code < 0 ? null : y.levels[code];
  });
}
