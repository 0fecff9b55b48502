import { MlError } from '../../core/errors';
import { Frame } from '../../core/frame';
import { Matrix } from '../../core/matrix';
import type { Tabular } from '../../core/roles';
import { asMatrix, checkColumnCount, checkNotEmpty } from '../../core/validation';
import { BITSET_WORDS, setBit } from './bitset';

/**
 * Which features are categorical: a boolean mask, feature indices, column names (frames only), or 'from_dtype'
 * (the categorical columns of a frame).
 */
export type CategoricalFeatures = boolean[] | number[] | string[] | 'from_dtype' | null;

/** What fit learns about the input layout, needed to read prediction input the same way. */
export interface InputLayout {
  /** Column names when fitted on a frame (prediction frames are matched by name), else null. */
  featureNames: string[] | null;
  /** Frame categorical columns: the levels seen in fit, in code order (code = index); [] for other features. */
  categoryLevels: string[][] | null;
}

export interface FitInput extends InputLayout {
  /** Numeric values; categorical features hold their integer codes (NaN = missing). */
  X: Matrix;
  isCategorical: Uint8Array;
  /** Per feature, the set of codes seen in fit (8 words each; empty for numeric features). */
  knownCategories: Int32Array;
  /** Per feature, largest code + 1 (0 for numeric features). */
  nCategories: Int32Array;
}

function invalidCategorical(kind: string, why: string): MlError {
  return new MlError(
    'INVALID_PARAMETER',
    `The 'categoricalFeatures' parameter of ${kind} ${why}. Pass a boolean mask with one entry per feature, feature indices, column names, 'from_dtype' or null.`,
    { details: { kind, parameter: 'categoricalFeatures' } },
  );
}

/** The categorical mask from the parameter (checked against the number of features). */
function categoricalMask(spec: CategoricalFeatures, X: Tabular, kind: string): Uint8Array {
  const p = X instanceof Frame ? X.columns.length : X.nCols;
  const mask = new Uint8Array(p);
  if (spec === 'from_dtype') {
    if (X instanceof Frame)
      X.columns.forEach((column, j) => {
        mask[j] = column.kind === 'categorical' ? 1 : 0;
      });
    return mask;
  }
  if (spec === null || spec.length === 0) return mask;
  if (spec.every((v) => typeof v === 'boolean')) {
    if (spec.length !== p) throw invalidCategorical(kind, `has ${spec.length} entries for ${p} features`);
    spec.forEach((v, j) => {
      mask[j] = v ? 1 : 0;
    });
    return mask;
  }
  if (spec.every((v) => typeof v === 'string')) {
    if (!(X instanceof Frame))
      throw invalidCategorical(kind, 'names columns, but a matrix has no column names');
    for (const name of spec) {
      const j = X.names.indexOf(name);
      if (j < 0) throw invalidCategorical(kind, `names '${name}', which is not a column of the data`);
      mask[j] = 1;
    }
    return mask;
  }
  for (const j of spec) {
    if (!(Number.isInteger(j) && (j as number) >= 0 && (j as number) < p)) {
      throw invalidCategorical(kind, `lists ${String(j)}, which is not a feature index in [0, ${p - 1}]`);
    }
    mask[j as number] = 1;
  }
  return mask;
}

/**
 * Reads fit input: a matrix, or a frame whose categorical columns become compact integer codes (in level order,
 * only the levels that occur). Every categorical feature must hold integer codes in [0, maxBins), which become
 * its bins directly.
 */
export function readFitInput(X: Tabular, spec: CategoricalFeatures, maxBins: number, kind: string): FitInput {
  const nRows = X.nRows;
  const nCols = X instanceof Frame ? X.columns.length : X.nCols;
  checkNotEmpty(nRows, nCols, kind);
  const isCategorical = categoricalMask(spec, X, kind);
  let matrix: Matrix;
  let featureNames: string[] | null = null;
  let categoryLevels: string[][] | null = null;
  if (X instanceof Frame) {
    matrix = new Matrix(nRows, nCols);
    featureNames = X.names;
    categoryLevels = X.columns.map((column, j) => {
      const out = matrix.column(j);
      if (column.kind === 'numeric') {
        out.set(column.values);
        return [];
      }
      if (!isCategorical[j]) {
        throw new MlError(
          'WRONG_COLUMN_KIND',
          `${kind} got the categorical column '${column.name}' but it is not marked categorical. Set categoricalFeatures: 'from_dtype' to use frame categories natively, or encode it first.`,
          { details: { kind, column: column.name } },
        );
      }
      const present = new Uint8Array(column.levels.length);
      for (const code of column.codes) if (code >= 0) present[code] = 1;
      const compact = new Int32Array(column.levels.length).fill(-1);
      const levels: string[] = [];
      present.forEach((seen, code) => {
        if (seen) compact[code] = levels.push(column.levels[code]) - 1;
      });
      column.codes.forEach((code, i) => {
        out[i] = code < 0 ? Number.NaN : compact[code];
      });
      return levels;
    });
  } else {
    matrix = X;
  }
  const knownCategories = new Int32Array(nCols * BITSET_WORDS);
  const nCategories = new Int32Array(nCols);
  for (let j = 0; j < nCols; j++) {
    if (!isCategorical[j]) continue;
    const column = matrix.column(j);
    for (let i = 0; i < nRows; i++) {
      const code = column[i];
      if (Number.isNaN(code)) continue;
      if (!(Number.isInteger(code) && code >= 0 && code < maxBins)) {
        const name = featureNames?.[j] ?? `x${j}`;
        throw new MlError(
          'WRONG_COLUMN_KIND',
          `${kind} needs categorical feature '${name}' encoded as integer codes in [0, ${maxBins}) (maxBins), but row ${i} holds ${code}. Encode it with OrdinalEncoder or reduce its categories below maxBins.`,
          { details: { kind, column: name, row: i } },
        );
      }
      setBit(knownCategories, j * BITSET_WORDS, code);
      if (code + 1 > nCategories[j]) nCategories[j] = code + 1;
    }
  }
  return { X: matrix, isCategorical, knownCategories, nCategories, featureNames, categoryLevels };
}

/**
 * Reads prediction input like fit did: frames are matched by column name and their categories by level string
 * (a level unseen in fit becomes missing, which is where scikit-learn sends unknown categories too).
 */
export function readPredictInput(
  X: Tabular,
  layout: InputLayout,
  isCategorical: Uint8Array,
  kind: string,
): Matrix {
  const nFeaturesIn = isCategorical.length;
  const names = layout.featureNames;
  if (!(X instanceof Frame) || names === null) {
    // Fitted on a matrix: a frame is read by position and must be all numeric.
    const matrix = asMatrix(X, kind);
    checkColumnCount(matrix.nCols, nFeaturesIn, kind);
    return matrix;
  }
  const out = new Matrix(X.nRows, nFeaturesIn);
  names.forEach((name, j) => {
    const column = X.column(name);
    const values = out.column(j);
    const levels = layout.categoryLevels?.[j] ?? [];
    if (column.kind === 'numeric') {
      // Levels exist only for columns that were categorical in the fit frame.
      if (levels.length > 0) {
        throw new MlError(
          'WRONG_COLUMN_KIND',
          `${kind} was fitted with '${name}' as a categorical column but got numbers. Pass the same column kinds as in fit.`,
          { details: { kind, column: name } },
        );
      }
      values.set(column.values);
      return;
    }
    if (!isCategorical[j]) {
      throw new MlError(
        'WRONG_COLUMN_KIND',
        `${kind} was fitted with '${name}' as a numeric column but got categories. Pass the same column kinds as in fit.`,
        { details: { kind, column: name } },
      );
    }
    const index = new Map(levels.map((level, code) => [level, code]));
    const remap = Float64Array.from(column.levels, (level) => index.get(level) ?? Number.NaN);
    column.codes.forEach((code, i) => {
      values[i] = code < 0 ? Number.NaN : remap[code];
    });
  });
  return out;
}
