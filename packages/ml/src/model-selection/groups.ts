import { MlError } from '../core/errors';
import { isLabels, type Labels } from '../core/labels';

/**
 * A group per row (a patient, a customer, a site): rows of one group stay on one side of every split. Numbers, or
 * labels / a categorical column's `{ codes, levels }`.
 */
export type Groups = Int32Array | Float64Array | Labels;

export interface EncodedGroups {
  /** Per row, the index of its group among the distinct groups sorted by value (NumPy's `unique` inverse). */
  inverse: Int32Array;
  nGroups: number;
}

/** Numbers the distinct groups in sorted order, as `np.unique(groups, return_inverse=True)` does. */
export function encodeGroups(groups: Groups, nRows: number, kind: string): EncodedGroups {
  const values = isLabels(groups) ? groups.codes : groups;
  if (values.length !== nRows) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `${kind} got ${values.length} groups for ${nRows} rows. Pass one group per row.`,
    );
  }
  for (let i = 0; i < nRows; i++) {
    const missing = isLabels(groups) ? values[i] < 0 : !Number.isFinite(values[i]);
    if (missing) {
      throw new MlError(
        'INVALID_PARAMETER',
        `${kind} got a missing group at row ${i}. Give every row a group (or drop the rows without one).`,
        { details: { kind, row: i } },
      );
    }
  }
  const distinct = [...new Set(values)];
  if (isLabels(groups)) {
    // Sorted by the level strings, like NumPy sorting the string values themselves.
    distinct.sort((a, b) =>
      groups.levels[a] < groups.levels[b] ? -1 : groups.levels[a] > groups.levels[b] ? 1 : 0,
    );
  } else {
    distinct.sort((a, b) => a - b);
  }
  const index = new Map(distinct.map((value, k) => [value, k]));
  return { inverse: Int32Array.from(values, (v) => index.get(v)!), nGroups: distinct.length };
}
