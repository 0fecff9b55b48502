import { MlError } from './errors';
import { Frame } from './frame';
import { isLabels } from './labels';
import { Matrix } from './matrix';
import type { ClassTarget, Tabular } from './roles';

/** The numeric columns of a frame as a matrix; a categorical column is an error (encode it first). */
export function frameToMatrix(frame: Frame, kind: string): Matrix {
  const out = new Matrix(frame.nRows, frame.columns.length);
  frame.columns.forEach((column, j) => {
    if (column.kind !== 'numeric') {
      throw new MlError(
        'WRONG_COLUMN_KIND',
        `${kind} needs numeric columns but '${column.name}' is categorical. Encode it first (OneHotEncoder or OrdinalEncoder in a ColumnTransformer).`,
        { details: { kind, column: column.name } },
      );
    }
    out.data.set(column.values, j * frame.nRows);
  });
  return out;
}

export function asMatrix(X: Tabular, kind: string): Matrix {
  return X instanceof Frame ? frameToMatrix(X, kind) : X;
}

/** Checks the input of `fit`: a matrix (or numeric frame) with at least one row and one column. */
export function checkFitInput(X: Tabular, kind: string): Matrix {
  const matrix = asMatrix(X, kind);
  checkNotEmpty(matrix.nRows, matrix.nCols, kind);
  return matrix;
}

/** Checks the input of `predict`/`transform` against the number of features seen in `fit`. */
export function checkPredictInput(X: Tabular, kind: string, nFeaturesIn: number): Matrix {
  const matrix = asMatrix(X, kind);
  checkColumnCount(matrix.nCols, nFeaturesIn, kind);
  return matrix;
}

function checkTargetLength(length: number, nRows: number, kind: string): void {
  if (length !== nRows) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `${kind} got ${nRows} rows in X but ${length} values in y. Pass one target per row.`,
      {
        details: { kind },
      },
    );
  }
}

/** Checks a regression target: one finite value per row. */
export function checkRegressionTarget(y: unknown, nRows: number, kind: string): Float64Array {
  if (!(y instanceof Float64Array)) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `${kind} needs a Float64Array regression target. Convert y with Float64Array.from(y).`,
    );
  }
  checkTargetLength(y.length, nRows, kind);
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) {
      throw new MlError(
        'TARGET_HAS_NAN',
        `The target has a missing or infinite value (row ${i}: ${y[i]}). Drop the rows where the target is missing before fitting ${kind}.`,
        { details: { kind, row: i } },
      );
    }
  }
  return y;
}

export interface EncodedClasses {
  /** The class names, in level order (only the classes that occur). */
  classes: string[];
  /** Per row, the index into `classes`. */
  codes: Int32Array;
}

/**
 * Checks a classification target and encodes it as 0..k-1. With `Labels`, classes keep the level order; with raw
 * integer codes, classes are the distinct codes in increasing order (as strings). Negative codes are missing.
 */
export function encodeClassTarget(
  y: ClassTarget,
  nRows: number,
  kind: string,
  minClasses = 2,
): EncodedClasses {
  const raw = isLabels(y) ? y.codes : y;
  if (!(raw instanceof Int32Array)) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `${kind} needs class labels ({ codes, levels }) or an Int32Array of class codes.`,
    );
  }
  checkTargetLength(raw.length, nRows, kind);
  let maxCode = -1;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] < 0) {
      throw new MlError(
        'TARGET_HAS_NAN',
        `The target is missing at row ${i}. Drop the rows where the target is missing before fitting ${kind}.`,
        { details: { kind, row: i } },
      );
    }
    if (raw[i] > maxCode) maxCode = raw[i];
  }
  const present = new Uint8Array(maxCode + 1);
  for (let i = 0; i < raw.length; i++) present[raw[i]] = 1;
  const remap = new Int32Array(maxCode + 1).fill(-1);
  const classes: string[] = [];
  for (let code = 0; code <= maxCode; code++) {
    if (!present[code]) continue;
    if (isLabels(y) && code >= y.levels.length) {
      throw new MlError(
        'SHAPE_MISMATCH',
        `Label code ${code} has no level (there are ${y.levels.length} levels).`,
      );
    }
    remap[code] = classes.length;
    classes.push(isLabels(y) ? y.levels[code] : String(code));
  }
  if (classes.length < minClasses && raw.length > 0) {
    throw new MlError(
      'SINGLE_CLASS',
      `${kind} needs at least two classes in the target but it only has ${classes.map((c) => `'${c}'`).join(', ')}. Pick another target or add rows of other classes.`,
      { details: { kind, classes } },
    );
  }
  const codes = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) codes[i] = remap[raw[i]];
  return { classes, codes };
}

/** Throws `EMPTY_DATA` when there is nothing to fit on. */
export function checkNotEmpty(nRows: number, nCols: number, kind: string): void {
  if (nRows === 0 || nCols === 0) {
    throw new MlError(
      'EMPTY_DATA',
      `${kind} got ${nRows} rows and ${nCols} columns to fit. Pass at least one row and one feature.`,
      {
        details: { kind },
      },
    );
  }
}

/** Throws `SHAPE_MISMATCH` when a transform gets a different number of columns than fit saw. */
export function checkColumnCount(nCols: number, nFeaturesIn: number, kind: string): void {
  if (nCols !== nFeaturesIn) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `${kind} was fitted on ${nFeaturesIn} features but got ${nCols}. Pass the same columns as in fit.`,
      { details: { kind, expected: nFeaturesIn, got: nCols } },
    );
  }
}

/** Throws `INPUT_HAS_NAN` when a matrix has a missing or infinite value (for estimators that cannot use them). */
export function checkFinite(X: Matrix, kind: string): Matrix {
  const { data, nRows } = X;
  for (let k = 0; k < data.length; k++) {
    if (!Number.isFinite(data[k])) {
      const row = k % nRows;
      const column = Math.floor(k / nRows);
      throw new MlError(
        'INPUT_HAS_NAN',
        `${kind} cannot use missing or infinite values (row ${row}, feature ${column}: ${data[k]}). Impute them first (SimpleImputer) or use a decision tree.`,
        { details: { kind, row, column } },
      );
    }
  }
  return X;
}
