import { BaseTransformer } from '../core/base-transformer';
import { MlError } from '../core/errors';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular, Target } from '../core/roles';
import type { StateSchema } from '../core/state';
import { tabularColumns, tabularNames } from '../core/tabular';
import {
  checkColumnCount,
  checkNotEmpty,
  checkRegressionTarget,
  encodeClassTarget,
} from '../core/validation';
import { KFold } from '../model-selection/k-fold';
import { StratifiedKFold } from '../model-selection/stratified-k-fold';
import { categoryIndex, columnCategories, MISSING, UNKNOWN } from './category-index';
import { fitEncoding } from './target-encoding';

export interface TargetEncoderParams {
  /** 'auto': continuous for a Float64Array target, binary for two classes, multiclass for more. */
  targetType: 'auto' | 'continuous' | 'binary' | 'multiclass';
  /** 'auto' (empirical Bayes shrinkage) or a weight ≥ 0 of the global mean (larger: more shrinkage). */
  smooth: 'auto' | number;
  /** Folds of the cross fitting in `fitTransform`. */
  cv: number;
  shuffle: boolean;
  randomState: number;
}

/** The target as columns to encode: continuous y, a 0/1 indicator of the second class, or one per class. */
interface TargetColumns {
  type: 'continuous' | 'binary' | 'multiclass';
  columns: Float64Array[];
  classes: string[] | null;
  /** Class index per row (for stratified folds); null for a continuous target. */
  codes: Int32Array | null;
}

/**
 * Replaces each category by a shrunk mean of the target over its rows (scikit-learn 1.3's `TargetEncoder`, see
 * `target-encoding.ts`). `fitTransform` is cross-fitted: rows are split in `cv` folds (stratified for classes) and
 * each fold is encoded with encodings learned on the other folds, so no row's encoding has seen its own target;
 * `transform` uses the encodings learned on all rows. Missing values are a category of their own; categories not
 * seen in fit get the target mean. A multiclass target gives one output per (column, class), column-major:
 * `<column>_<class>`. Encodings are stored flat, column after column, output after output:
 *
 *   encodings_[offset_j + o · (nCategories_j + 1) + c]     last slot of each block: missing values
 */
export class TargetEncoder extends BaseTransformer<TargetEncoderParams> {
  static override readonly kind: string = 'TargetEncoder';
  static override readonly paramConstraints: ParamConstraints = {
    targetType: [{ type: 'options', values: ['auto', 'continuous', 'binary', 'multiclass'] }],
    smooth: [
      { type: 'options', values: ['auto'] },
      { type: 'float', min: 0, max: Number.POSITIVE_INFINITY },
    ],
    cv: [{ type: 'int', min: 2, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    shuffle: [{ type: 'boolean' }],
    randomState: [{ type: 'int', min: 0, max: 4294967295 }],
  };
  static override readonly stateSchema: StateSchema = {
    categories_: 'stringLists',
    encodings_: 'float64',
    targetMean_: 'float64',
    targetType_: 'string',
    classes_: 'strings?',
    nFeaturesIn_: 'number',
    featureNamesIn_: 'strings',
  };

  declare categories_: string[][];
  declare encodings_: Float64Array;
  /** The target mean per output (the encoding of unseen categories). */
  declare targetMean_: Float64Array;
  declare targetType_: 'continuous' | 'binary' | 'multiclass';
  declare classes_: string[] | null;
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  constructor(params: Partial<TargetEncoderParams> = {}) {
    super({ targetType: 'auto', smooth: 'auto', cv: 5, shuffle: true, randomState: 0 }, params);
  }

  /** Outputs per input column: one per class for a multiclass target, else one. */
  get nOutputs(): number {
    return this.targetMean_.length;
  }

  protected override checkState(): void {
    const size = this.categories_.reduce((sum, c) => sum + this.nOutputs * (c.length + 1), 0);
    this.expectState(this.categories_.length === this.nFeaturesIn_, 'one category list per column');
    this.expectState(this.encodings_.length === size, 'one encoding per category, missing and output');
    this.expectState(
      this.nOutputs === (this.targetType_ === 'multiclass' ? (this.classes_?.length ?? 0) : 1),
      'one mean per output',
    );
  }

  fit(X: Tabular, y?: Target, options: FitOptions = {}): this {
    this.#fit(X, y, options);
    return this;
  }

  #fit(
    X: Tabular,
    y: Target | undefined,
    options: FitOptions,
  ): { indices: Int32Array[]; target: TargetColumns } {
    this.validateParams();
    const columns = tabularColumns(X);
    checkNotEmpty(X.nRows, columns.length, this.kind);
    const target = this.#targetColumns(y, X.nRows);
    const categories = columns.map((column) => columnCategories(column));
    const indices = columns.map((column, j) => categoryIndex(column, categories[j]));
    const blocks: Float64Array[] = [];
    const means = new Float64Array(target.columns.length);
    indices.forEach((index, j) => {
      throwIfAborted(options.signal);
      target.columns.forEach((t, o) => {
        const encoding = fitEncoding(index, categories[j].length, t, null, this.params.smooth);
        blocks.push(encoding.values);
        means[o] = encoding.mean;
      });
    });
    this.categories_ = categories;
    this.encodings_ = concat(blocks);
    this.targetMean_ = means;
    this.targetType_ = target.type;
    this.classes_ = target.classes;
    this.nFeaturesIn_ = columns.length;
    this.featureNamesIn_ = tabularNames(X);
    this.markFitted();
    options.onProgress?.(1);
    return { indices, target };
  }

  /** Cross-fitted encodings of the training rows (each fold encoded by the other folds); fits on all rows too. */
  override fitTransform(X: Tabular, y?: Target, options: FitOptions = {}): Matrix {
    const { indices, target } = this.#fit(X, y, { signal: options.signal });
    const { cv, shuffle, randomState } = this.params;
    const n = X.nRows;
    const splitter = { nSplits: cv, shuffle, randomState };
    const folds =
      target.codes === null
        ? new KFold(splitter).split(n)
        : new StratifiedKFold(splitter).split(n, target.codes);
    const nOut = target.columns.length;
    const out = new Matrix(n, indices.length * nOut);
    folds.forEach(({ train, test }, f) => {
      throwIfAborted(options.signal);
      indices.forEach((index, j) => {
        const nCategories = this.categories_[j].length;
        target.columns.forEach((t, o) => {
          const { values } = fitEncoding(index, nCategories, t, train, this.params.smooth);
          const dst = out.column(j * nOut + o);
          for (const i of test) dst[i] = values[index[i] === MISSING ? nCategories : index[i]];
        });
      });
      options.onProgress?.((f + 1) / folds.length);
    });
    return out;
  }

  #targetColumns(y: Target | undefined, nRows: number): TargetColumns {
    const wanted = this.params.targetType;
    if (y instanceof Float64Array) {
      if (wanted !== 'auto' && wanted !== 'continuous') {
        throw this.#badTarget(
          `targetType '${wanted}' needs class labels (Labels or Int32Array), not a Float64Array`,
        );
      }
      return {
        type: 'continuous',
        columns: [checkRegressionTarget(y, nRows, this.kind)],
        classes: null,
        codes: null,
      };
    }
    if (y === undefined) throw this.#badTarget('it needs the target y in fit');
    if (wanted === 'continuous') throw this.#badTarget("targetType 'continuous' needs a Float64Array target");
    const { classes, codes } = encodeClassTarget(y, nRows, this.kind);
    const type =
      wanted === 'multiclass' || (wanted === 'auto' && classes.length > 2) ? 'multiclass' : 'binary';
    if (type === 'binary' && classes.length > 2) {
      throw this.#badTarget(`targetType 'binary' needs two classes but y has ${classes.length}`);
    }
    const indicator = (k: number) => Float64Array.from(codes, (c) => (c === k ? 1 : 0));
    const columns = type === 'binary' ? [indicator(1)] : classes.map((_, k) => indicator(k));
    return { type, columns, classes, codes };
  }

  #badTarget(problem: string): MlError {
    return new MlError(
      'SHAPE_MISMATCH',
      `${this.kind}: ${problem}. Pass y as class labels or a Float64Array.`,
      {
        details: { kind: this.kind },
      },
    );
  }

  transform(X: Tabular): Matrix {
    this.checkFitted();
    const columns = tabularColumns(X);
    checkColumnCount(columns.length, this.nFeaturesIn_, this.kind);
    const n = X.nRows;
    const nOut = this.nOutputs;
    const out = new Matrix(n, columns.length * nOut);
    let offset = 0;
    columns.forEach((column, j) => {
      const nCategories = this.categories_[j].length;
      const index = categoryIndex(column, this.categories_[j]);
      for (let o = 0; o < nOut; o++) {
        const dst = out.column(j * nOut + o);
        const base = offset + o * (nCategories + 1);
        for (let i = 0; i < n; i++) {
          const k = index[i];
          dst[i] =
            k === UNKNOWN ? this.targetMean_[o] : this.encodings_[base + (k === MISSING ? nCategories : k)];
        }
      }
      offset += nOut * (nCategories + 1);
    });
    return out;
  }

  featureNamesOut(inputNames?: readonly string[]): string[] {
    const names = inputNames ?? this.featureNamesIn_;
    if (this.targetType_ !== 'multiclass') return [...names];
    return names.flatMap((name) => (this.classes_ ?? []).map((c) => `${name}_${c}`));
  }
}

function concat(blocks: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(blocks.reduce((sum, b) => sum + b.length, 0));
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}
