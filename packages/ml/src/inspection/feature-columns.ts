import type { Column } from '../core/column';
import { MlError } from '../core/errors';
import { Frame } from '../core/frame';
import { Matrix } from '../core/matrix';
import type { Tabular } from '../core/roles';
import { tabularColumns, tabularNames } from '../core/tabular';

/** The index of a feature given by name (a frame's column name, or x0, x1, … for a matrix) or by position. */
export function featureIndex(X: Tabular, feature: string | number, kind: string): number {
  const names = tabularNames(X);
  const index = typeof feature === 'number' ? feature : names.indexOf(feature);
  if (!(Number.isInteger(index) && index >= 0 && index < names.length)) {
    throw new MlError(
      'MISSING_COLUMN',
      `${kind} got feature ${JSON.stringify(feature)}, which is not in the data (it has: ${names.join(', ')}).`,
      { details: { kind, feature } },
    );
  }
  return index;
}

/** Column `j` of a matrix or frame (a matrix column as a numeric column view). */
export function featureColumn(X: Tabular, j: number): Column {
  return tabularColumns(X)[j];
}

/** A copy of X whose column `j` is replaced; the other columns of a frame are shared, not copied. */
export function replaceColumn<X extends Tabular>(X: X, j: number, column: Column): X {
  if (X instanceof Frame) {
    return new Frame(
      X.columns.map((c, k) => (k === j ? { ...column, name: c.name } : c)),
      X.nRows,
    ) as X;
  }
  if (column.kind !== 'numeric') {
    throw new MlError('WRONG_COLUMN_KIND', 'A matrix column can only be replaced by numbers.');
  }
  const out = new Matrix(X.nRows, X.nCols, X.data.slice());
  out.column(j).set(column.values);
  return out as X;
}
