import { BaseTransformer } from '../core/base-transformer';
import { MlError } from '../core/errors';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { tabularColumns, tabularNames } from '../core/tabular';
import { checkColumnCount, checkNotEmpty } from '../core/validation';
import { categoryIndex, columnCategories, firstValueWith, MISSING, UNKNOWN } from './category-index';

export interface OrdinalEncoderParams {
  /** `'use_encoded_value'`: an unseen category becomes `unknownValue`; `'error'`: it throws `UNKNOWN_CATEGORY`. */
  handleUnknown: 'error' | 'use_encoded_value';
  unknownValue: number;
}

/**
 * Replaces each category by its index among the sorted categories seen in fit (scikit-learn's `OrdinalEncoder`).
 * Missing values become NaN, and so do unseen categories by default, which trees route with their learned
 * missing-value direction.
 */
export class OrdinalEncoder extends BaseTransformer<OrdinalEncoderParams> {
  static override readonly kind: string = 'OrdinalEncoder';
  static override readonly paramConstraints: ParamConstraints = {
    handleUnknown: [{ type: 'options', values: ['error', 'use_encoded_value'] }],
    unknownValue: [{ type: 'int' }, { type: 'nan' }],
  };
  static override readonly stateSchema: StateSchema = {
    categories_: 'stringLists',
    nFeaturesIn_: 'number',
    featureNamesIn_: 'strings',
  };

  declare categories_: string[][];
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  constructor(params: Partial<OrdinalEncoderParams> = {}) {
    super({ handleUnknown: 'use_encoded_value', unknownValue: Number.NaN }, params);
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
    const out = new Matrix(X.nRows, columns.length);
    const { handleUnknown, unknownValue } = this.params;
    columns.forEach((column, j) => {
      const index = categoryIndex(column, this.categories_[j]);
      if (handleUnknown === 'error' && index.includes(UNKNOWN)) {
        const value = firstValueWith(column, index, UNKNOWN);
        throw new MlError(
          'UNKNOWN_CATEGORY',
          `Column '${column.name}' has the value '${value}', which was not seen in fit. Retrain with it, or use handleUnknown 'use_encoded_value'.`,
          { details: { column: column.name, value } },
        );
      }
      const dst = out.column(j);
      for (let i = 0; i < dst.length; i++) {
        const k = index[i];
        dst[i] = k >= 0 ? k : k === MISSING ? Number.NaN : unknownValue;
      }
    });
    return out;
  }

  featureNamesOut(inputNames?: readonly string[]): string[] {
    return [...(inputNames ?? this.featureNamesIn_)];
  }
}
