import { MlError } from '../core/errors';

/** Values to try per parameter (dotted paths reach into pipelines: `'model.C'`). */
export type ParamGrid = Readonly<Record<string, readonly unknown[]>>;

export type Candidate = Record<string, unknown>;

function checkGrid(grid: unknown, kind: string): asserts grid is ParamGrid {
  if (typeof grid !== 'object' || grid === null || Array.isArray(grid)) {
    throw new MlError(
      'INVALID_PARAMETER',
      `${kind} needs a parameter grid object like { 'model.C': [0.1, 1, 10] }.`,
    );
  }
  for (const [name, values] of Object.entries(grid)) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new MlError(
        'INVALID_PARAMETER',
        `The grid for parameter '${name}' must be a non-empty array of values; got ${JSON.stringify(values)}.`,
        { details: { parameter: name } },
      );
    }
  }
}

/**
 * Every combination of the grid's values (scikit-learn's `ParameterGrid`, same order): parameter names sorted,
 * the last name varying fastest; a list of grids is the concatenation of their candidates.
 *
 *   parameterGrid({ 'model.C': [1, 10], 'prep.num.impute.strategy': ['mean', 'median'] }) // 4 candidates
 */
export function parameterGrid(grid: ParamGrid | readonly ParamGrid[], kind = 'parameterGrid'): Candidate[] {
  const grids = Array.isArray(grid) ? (grid as readonly ParamGrid[]) : [grid as ParamGrid];
  const out: Candidate[] = [];
  for (const g of grids) {
    checkGrid(g, kind);
    const names = Object.keys(g).sort();
    let candidates: Candidate[] = [{}];
    for (const name of names) {
      candidates = candidates.flatMap((partial) => g[name].map((value) => ({ ...partial, [name]: value })));
    }
    out.push(...candidates);
  }
  return out;
}
