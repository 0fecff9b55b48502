import { BaseTransformer } from '../core/base-transformer';
import type { CategoricalColumn, Column, NumericColumn } from '../core/column';
import { MlError } from '../core/errors';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Frame } from '../core/frame';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { modeLevel, nanMean, nanMedian, nanMode } from '../core/statistics';
import { tabularColumns, tabularNames } from '../core/tabular';
import { checkColumnCount, checkNotEmpty } from '../core/validation';

export interface SimpleImputerParams {
  strategy: 'mean' | 'median' | 'most_frequent' | 'constant';
  /** The value for `'constant'`; null means 0 for numeric columns and `'missing_value'` for categorical ones. */
  fillValue: number | string | null;
  /** Append a 0/1 column per feature that had missing values in fit (scikit-learn's `features='missing-only'`). */
  addIndicator: boolean;
}

/**
 * Replaces missing values (NaN, or code -1) by a per-column statistic learned in fit (scikit-learn's
 * `SimpleImputer`). A matrix gives a matrix; a frame gives a frame, so categorical columns can be imputed before
 * an encoder. A numeric column with no value at all in fit is filled with 0 (scikit-learn would drop it), so the
 * output always has one column per input column.
 */
export class SimpleImputer extends BaseTransformer<SimpleImputerParams> {
  static override readonly kind: string = 'SimpleImputer';
  static override readonly paramConstraints: ParamConstraints = {
    strategy: [{ type: 'options', values: ['mean', 'median', 'most_frequent', 'constant'] }],
    fillValue: [{ type: 'float' }, { type: 'string' }, { type: 'null' }],
    addIndicator: [{ type: 'boolean' }],
  };
  static override readonly stateSchema: StateSchema = {
    statistics_: 'scalars',
    columnKinds_: 'strings',
    indicatorFeatures_: 'int32',
    nFeaturesIn_: 'number',
    featureNamesIn_: 'strings',
  };

  /** Per input column, the fill value: a number for numeric columns, a level string for categorical ones. */
  declare statistics_: (number | string)[];
  declare columnKinds_: Column['kind'][];
  /** Indices of the columns that get a missing indicator. */
  declare indicatorFeatures_: Int32Array;
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  constructor(params: Partial<SimpleImputerParams> = {}) {
    super({ strategy: 'mean', fillValue: null, addIndicator: false }, params);
  }

  protected override checkState(): void {
    const n = this.nFeaturesIn_;
    this.expectState(
      this.statistics_.length === n && this.columnKinds_.length === n,
      'one statistic per column',
    );
    this.expectState(
      this.columnKinds_.every(
        (kind, j) => (kind === 'numeric') === (typeof this.statistics_[j] === 'number'),
      ),
      'statistics match the column kinds',
    );
    this.expectState(
      this.indicatorFeatures_.every((j) => j >= 0 && j < n),
      'indicator columns exist',
    );
  }

  fit(X: Tabular, _y?: unknown, options: FitOptions = {}): this {
    this.validateParams();
    const columns = tabularColumns(X);
    checkNotEmpty(X.nRows, columns.length, this.kind);
    this.statistics_ = columns.map((column) => {
      throwIfAborted(options.signal);
      return column.kind === 'numeric' ? this.numericStatistic(column) : this.categoricalStatistic(column);
    });
    this.columnKinds_ = columns.map((column) => column.kind);
    const withMissing: number[] = [];
    if (this.params.addIndicator) {
      columns.forEach((column, j) => {
        if (column.kind === 'numeric' ? column.values.some(Number.isNaN) : column.codes.includes(-1))
          withMissing.push(j);
      });
    }
    this.indicatorFeatures_ = Int32Array.from(withMissing);
    this.nFeaturesIn_ = columns.length;
    this.featureNamesIn_ = tabularNames(X);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  private numericStatistic(column: NumericColumn): number {
    const { strategy, fillValue } = this.params;
    if (strategy === 'constant') {
      if (typeof fillValue === 'string') {
        throw new MlError(
          'INVALID_PARAMETER',
          `SimpleImputer cannot fill numeric column '${column.name}' with the string '${fillValue}'. Use a number as fillValue.`,
        );
      }
      return fillValue ?? 0;
    }
    const value =
      strategy === 'mean'
        ? nanMean(column.values)
        : strategy === 'median'
          ? nanMedian(column.values)
          : nanMode(column.values);
    return Number.isNaN(value) ? 0 : value;
  }

  private categoricalStatistic(column: CategoricalColumn): string {
    const { strategy, fillValue } = this.params;
    if (strategy === 'constant') return fillValue === null ? 'missing_value' : String(fillValue);
    if (strategy !== 'most_frequent') {
      throw new MlError(
        'WRONG_COLUMN_KIND',
        `SimpleImputer cannot use the '${strategy}' strategy on categorical column '${column.name}'. Use 'most_frequent' or 'constant'.`,
        { details: { column: column.name } },
      );
    }
    return modeLevel(column.codes, column.levels) ?? 'missing_value';
  }

  transform(X: Tabular): Tabular {
    this.checkFitted();
    const columns = tabularColumns(X);
    checkColumnCount(columns.length, this.nFeaturesIn_, this.kind);
    const imputed = columns.map((column, j) => this.imputeColumn(column, j));
    const indicators: NumericColumn[] = Array.from(this.indicatorFeatures_, (j) => {
      const column = columns[j];
      const values = new Float64Array(X.nRows);
      for (let i = 0; i < values.length; i++) {
        values[i] = (column.kind === 'numeric' ? Number.isNaN(column.values[i]) : column.codes[i] < 0)
          ? 1
          : 0;
      }
      return { name: `missingindicator_${column.name}`, kind: 'numeric', values };
    });
    const all = [...imputed, ...indicators];
    if (X instanceof Frame) return new Frame(all, X.nRows);
    return Matrix.fromColumns(
      all.map((column) => (column as NumericColumn).values),
      X.nRows,
    );
  }

  private imputeColumn(column: Column, j: number): Column {
    if (column.kind !== this.columnKinds_[j]) {
      throw new MlError(
        'WRONG_COLUMN_KIND',
        `Column '${column.name}' was ${this.columnKinds_[j]} when SimpleImputer was fitted but is ${column.kind} now. Pass the same column types as in fit.`,
        { details: { column: column.name } },
      );
    }
    const statistic = this.statistics_[j];
    if (column.kind === 'numeric') {
      const fill = statistic as number;
      const values = column.values.map((v) => (Number.isNaN(v) ? fill : v));
      return { name: column.name, kind: 'numeric', values };
    }
    let fillCode = column.levels.indexOf(statistic as string);
    let levels = column.levels;
    if (fillCode < 0 && column.codes.includes(-1)) {
      levels = [...column.levels, statistic as string];
      fillCode = levels.length - 1;
    }
    const codes = column.codes.map((code) => (code < 0 ? fillCode : code));
    return { name: column.name, kind: 'categorical', codes, levels };
  }

  featureNamesOut(inputNames?: readonly string[]): string[] {
    const names = inputNames ?? this.featureNamesIn_;
    return [...names, ...Array.from(this.indicatorFeatures_, (j) => `missingindicator_${names[j]}`)];
  }
}
