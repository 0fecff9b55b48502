import { isLabels } from '../core/labels';
import type { ClassTarget } from '../core/roles';

/** Per row, the index of the row's class in a fitted classifier's `classes_` (−1 when it has no such class). */
export function classIndices(classes: readonly string[], y: ClassTarget): Int32Array {
  const lookup = new Map(classes.map((name, index) => [name, index]));
  const codes = isLabels(y) ? y.codes : y;
  const names = isLabels(y) ? y.levels : null;
  return Int32Array.from(codes, (code) =>
    code < 0 ? -1 : (lookup.get(names ? names[code] : String(code)) ?? -1),
  );
}
