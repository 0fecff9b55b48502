import type { Column } from './column';
import { Frame } from './frame';
import type { Tabular } from './roles';

/** Default names for matrix columns, as scikit-learn prints them: x0, x1, ... */
export function defaultNames(nCols: number): string[] {
  return Array.from({ length: nCols }, (_, j) => `x${j}`);
}

/** The column names of a frame, or x0, x1, ... for a matrix. */
export function tabularNames(X: Tabular): string[] {
  return X instanceof Frame ? X.names : defaultNames(X.nCols);
}

/** The columns of a frame, or a matrix's columns as numeric columns (views, not copies). */
export function tabularColumns(X: Tabular): readonly Column[] {
  if (X instanceof Frame) return X.columns;
  const names = defaultNames(X.nCols);
  return names.map((name, j) => ({ name, kind: 'numeric', values: X.column(j) }));
}
