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
import { infrequentIndices } from './infrequent-categories';

export interface OneHotEncoderParams {
  /**
   * `'error'`: a category not seen in fit throws `UNKNOWN_CATEGORY`; `'ignore'`: it encodes as all zeros;
   * `'infrequent_if_exist'`: it goes to the column's infrequent output if there is one, else all zeros.
   */
  handleUnknown: 'error' | 'ignore' | 'infrequent_if_exist';
  /** Categories seen fewer times than this (an int ≥ 1: a count; a float in (0, 1): a fraction of rows) are grouped. */
  minFrequency: number | null;
  /** At most this many outputs per column, the infrequent group included; the rarest categories are grouped. */
  maxCategories: number | null;
}

/** Per column, where each category's 1 goes: its output offset within the column's block (see `outputColumns`). */
interface ColumnLayout {
  output: Int32Array;
  width: number;
  /** Output offset of the infrequent group, or −1 when the column has none. */
  infrequent: number;
}

/**
 * One 0/1 column per (column, category) seen in fit (scikit-learn's `OneHotEncoder`, dense output). Categories
 * are sorted; text is matched by string, numbers by their printed value. A missing value encodes as all zeros.
 *
 *   color: [red, blue, red]  →  color_blue: [0, 1, 0], color_red: [1, 0, 1]
 *
 * With `minFrequency` or `maxCategories`, rare categories share one last output per column, `<column>_infrequent`
 * (scikit-learn ≥ 1.1's infrequent categories; it names the output `<column>_infrequent_sklearn`).
 */
export class OneHotEncoder extends BaseTransformer<OneHotEncoderParams> {
  static override readonly kind: string = 'OneHotEncoder';
  static override readonly paramConstraints: ParamConstraints = {
    handleUnknown: [{ type: 'options', values: ['error', 'ignore', 'infrequent_if_exist'] }],
    minFrequency: [
      { type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' },
      { type: 'float', min: 0, max: 1, closed: 'neither' },
      { type: 'null' },
    ],
    maxCategories: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }, { type: 'null' }],
  };
  static override readonly stateSchema: StateSchema = {
    categories_: 'stringLists',
    infrequentCategories_: 'stringLists',
    nFeaturesIn_: 'number',
    featureNamesIn_: 'strings',
  };

  /** Per column, every category seen in fit (infrequent ones included), sorted. */
  declare categories_: string[][];
  /** Per column, the categories grouped in the infrequent output (empty when none). */
  declare infrequentCategories_: string[][];
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  constructor(params: Partial<OneHotEncoderParams> = {}) {
    super({ handleUnknown: 'error', minFrequency: null, maxCategories: null }, params);
  }

  /** Models saved before infrequent categories existed load with none. */
  override setState(state: Record<string, unknown>): this {
    const filled = Object.hasOwn(state, 'infrequentCategories_')
      ? state
      : {
          ...state,
          infrequentCategories_: Array.isArray(state.categories_) ? state.categories_.map(() => []) : null,
        };
    return super.setState(filled);
  }

  protected override checkState(): void {
    this.expectState(this.categories_.length === this.nFeaturesIn_, 'one category list per column');
    this.expectState(
      this.infrequentCategories_.length === this.nFeaturesIn_ &&
        this.infrequentCategories_.every((group, j) => group.every((c) => this.categories_[j].includes(c))),
      'infrequent categories are categories of their column',
    );
  }

  #layout(j: number): ColumnLayout {
    const categories = this.categories_[j];
    const infrequent = new Set(this.infrequentCategories_[j]);
    const output = new Int32Array(categories.length);
    let width = 0;
    categories.forEach((category, k) => {
      output[k] = infrequent.has(category) ? -1 : width++;
    });
    const group = infrequent.size > 0 ? width++ : -1;
    for (let k = 0; k < output.length; k++) if (output[k] < 0) output[k] = group;
    return { output, width, infrequent: group };
  }

  fit(X: Tabular, _y?: unknown, options: FitOptions = {}): this {
    this.validateParams();
    const columns = tabularColumns(X);
    checkNotEmpty(X.nRows, columns.length, this.kind);
    const { minFrequency, maxCategories } = this.params;
    this.categories_ = columns.map((column) => {
      throwIfAborted(options.signal);
      return columnCategories(column);
    });
    this.infrequentCategories_ = columns.map((column, j) => {
      const categories = this.categories_[j];
      if (minFrequency === null && maxCategories === null) return [];
      const counts = new Float64Array(categories.length);
      for (const k of categoryIndex(column, categories)) if (k >= 0) counts[k]++;
      return infrequentIndices(counts, X.nRows, minFrequency, maxCategories).map((k) => categories[k]);
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
    const layouts = this.categories_.map((_, j) => this.#layout(j));
    const width = layouts.reduce((sum, layout) => sum + layout.width, 0);
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
      const { output, infrequent } = layouts[j];
      const unknownTo = this.params.handleUnknown === 'infrequent_if_exist' ? infrequent : -1;
      for (let i = 0; i < nRows; i++) {
        const k = index[i];
        const at = k >= 0 ? output[k] : k === UNKNOWN ? unknownTo : -1;
        if (at >= 0) out.data[(offset + at) * nRows + i] = 1;
      }
      offset += layouts[j].width;
    });
    return out;
  }

  featureNamesOut(inputNames?: readonly string[]): string[] {
    const names = inputNames ?? this.featureNamesIn_;
    return this.categories_.flatMap((categories, j) => {
      const infrequent = new Set(this.infrequentCategories_[j]);
      const frequent = categories.filter((category) => !infrequent.has(category));
      const out = frequent.map((category) => `${names[j]}_${category}`);
      if (infrequent.size > 0) out.push(`${names[j]}_infrequent`);
      return out;
    });
  }
}
