import { BaseTransformer } from '../core/base-transformer';
import { MlError } from '../core/errors';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { tabularColumns, tabularNames } from '../core/tabular';
import { checkColumnCount, checkNotEmpty } from '../core/validation';
import { categoryIndex, columnCategories, firstValueWith, UNKNOWN } from './category-index';

export interface OneHotEncoderParams {
  /** `'error'`: a category not seen in fit throws `UNKNOWN_CATEGORY`; `'ignore'`: it encodes as all zeros. */
  handleUnknown: 'error' | 'ignore';
}

/**
 * One 0/1 column per (column, category) seen in fit (scikit-learn's `OneHotEncoder`, dense output). Categories
 * are sorted; text is matched by string, numbers by their printed value. A missing value encodes as all zeros.
 *
 *   color: [red, blue, red]  →  color_blue: [0, 1, 0], color_red: [1, 0, 1]
 */
export class OneHotEncoder extends BaseTransformer<OneHotEncoderParams> {
  static override readonly kind: string = 'OneHotEncoder';
  static override readonly paramConstraints: ParamConstraints = {
    handleUnknown: [{ type: 'options', values: ['error', 'ignore'] }],
  };
  static override readonly stateSchema: StateSchema = {
    categories_: 'stringLists',
    nFeaturesIn_: 'number',
    featureNamesIn_: 'strings',
  };

  declare categories_: string[][];
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  constructor(params: Partial<OneHotEncoderParams> = {}) {
    super({ handleUnknown: 'error' }, params);
  }

  protected override checkState(): void {
    this.expectState(this.categories_.length === this.nFeaturesIn_, 'one category list per column');
  }

  fit(X: Tabular, _y?: unknown, options: FitOptions = {}): this {
    this.validateParams();
    const columns = tabularColumns(X);
    checkNotEmpty(X.nRows, columns.length, this.kind);
    this.categories_ = columns.map((column) => {
      throwIfAborted(options.signal);
      return columnCategories(column);
    });
    this.nFeaturesIn_ = columns.length;
    this.featureNamesIn_ = tabularNames(X);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  transform(X: Tabular): Matrix {
    this.checkFitted();
    const columns = tabularColumns(X);
    checkColumnCount(columns.length, this.nFeaturesIn_, this.kind);
    const nRows = X.nRows;
    const width = this.categories_.reduce((sum, categories) => sum + categories.length, 0);
    const out = new Matrix(nRows, width);
    let offset = 0;
    columns.forEach((column, j) => {
      const index = categoryIndex(column, this.categories_[j]);
      if (this.params.handleUnknown === 'error' && index.includes(UNKNOWN)) {
        const value = firstValueWith(column, index, UNKNOWN);
        throw new MlError(
          'UNKNOWN_CATEGORY',
          `Column '${column.name}' has the value '${value}', which was not seen in fit. Retrain with it, or use handleUnknown 'ignore'.`,
          { details: { column: column.name, value } },
        );
      }
      for (let i = 0; i < nRows; i++) {
        const k = index[i];
        if (k >= 0) out.data[(offset + k) * nRows + i] = 1;
      }
      offset += this.categories_[j].length;
    });
    return out;
  }

  featureNamesOut(inputNames?: readonly string[]): string[] {
    const names = inputNames ?? this.featureNamesIn_;
    return this.categories_.flatMap((categories, j) =>
      categories.map((category) => `${names[j]}_${category}`),
    );
  }
}
