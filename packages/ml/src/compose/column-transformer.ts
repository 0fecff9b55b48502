import { BaseTransformer } from '../core/base-transformer';
import { MlError } from '../core/errors';
import type { Estimator } from '../core/estimator';
import { type FitOptions, subTaskOptions, throwIfAborted } from '../core/fit-options';
import { Frame } from '../core/frame';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import { isTransformer, type Tabular, type Target, type Transformer } from '../core/roles';
import type { StateSchema } from '../core/state';
import { tabularColumns } from '../core/tabular';
import { asMatrix, checkNotEmpty } from '../core/validation';
import type { CsrMatrix } from '../linalg/csr-matrix';
import { hstackSparse, isSparseOutput } from '../linalg/sparse-roles';

export type ColumnTransformerEntry = [
  name: string,
  transformer: Transformer | 'passthrough' | 'drop',
  columns: string[],
];

export interface ColumnTransformerParams {
  transformers: ColumnTransformerEntry[];
  /** What happens to the columns no entry names: dropped, or passed through (numeric columns only). */
  remainder: 'drop' | 'passthrough';
}

/**
 * Applies one transformer per group of named columns and puts the outputs side by side (scikit-learn's
 * `ColumnTransformer`): a frame in, a matrix out. Output names are `<entry>__<feature>` like scikit-learn's.
 * The transformers are fitted in place (use a separate instance per entry). An entry may be a vectorizer on one
 * text column; then `fitTransformSparse` gives the output as one CSR matrix, which a Pipeline uses when its model
 * accepts sparse input.
 *
 *   new ColumnTransformer([
 *     ['num', new StandardScaler(), ['age', 'income']],
 *     ['cat', new OneHotEncoder({ handleUnknown: 'ignore' }), ['city']],
 *   ])
 */
export class ColumnTransformer extends BaseTransformer<ColumnTransformerParams> {
  static override readonly kind: string = 'ColumnTransformer';
  static override readonly paramConstraints: ParamConstraints = {
    transformers: [{ type: 'array' }],
    remainder: [{ type: 'options', values: ['drop', 'passthrough'] }],
  };
  static override readonly stateSchema: StateSchema = {
    featureNamesIn_: 'strings',
    remainderColumns_: 'strings',
    featureNamesOut_: 'strings',
  };

  declare featureNamesIn_: string[];
  /** The input columns no entry names (passed through when `remainder` is 'passthrough'). */
  declare remainderColumns_: string[];
  declare featureNamesOut_: string[];

  constructor(
    transformers: ColumnTransformerEntry[] | Partial<ColumnTransformerParams> = [],
    options: Partial<Omit<ColumnTransformerParams, 'transformers'>> = {},
  ) {
    const params = Array.isArray(transformers) ? { ...options, transformers } : transformers;
    super({ transformers: [], remainder: 'drop' }, params);
  }

  protected override subEstimators(): [string, Estimator][] {
    return this.params.transformers.flatMap(([name, t]) =>
      typeof t === 'string' ? [] : [[name, t] as [string, Estimator]],
    );
  }

  override validateParams(): void {
    super.validateParams();
    const seen = new Set<string>();
    for (const entry of this.params.transformers) {
      const [name, transformer, columns] = entry;
      if (typeof name !== 'string' || name.includes('.') || seen.has(name) || !Array.isArray(columns)) {
        throw new MlError(
          'INVALID_PARAMETER',
          `ColumnTransformer entries must be [name, transformer, columns] with unique names without dots; got '${name}'.`,
        );
      }
      if (!(transformer === 'passthrough' || transformer === 'drop' || isTransformer(transformer))) {
        throw new MlError(
          'INVALID_PARAMETER',
          `ColumnTransformer entry '${name}' is not a transformer, 'passthrough' or 'drop'.`,
        );
      }
      seen.add(name);
    }
  }

  protected override checkState(): void {
    this.expectState(
      this.params.transformers.every(([, t]) => typeof t === 'string' || t.isFitted),
      'every transformer is fitted',
    );
  }

  fit(X: Tabular, y?: Target, options: FitOptions = {}): this {
    this.fitTransform(X, y, options);
    return this;
  }

  override fitTransform(X: Tabular, y?: Target, options: FitOptions = {}): Matrix {
    const { blocks, nRows } = this.#fitBlocks(X, y, options, false);
    return Matrix.hstack(blocks as Matrix[], nRows);
  }

  transform(X: Tabular): Matrix {
    const { blocks, nRows } = this.#blocks(X, false);
    return Matrix.hstack(blocks as Matrix[], nRows);
  }

  /** True when an entry's output is sparse by nature (a vectorizer on a text column). */
  producesSparse(): boolean {
    return this.params.transformers.some(([, t]) => isSparseOutput(t));
  }

  /** `fitTransform` as one CSR matrix: sparse entries stay sparse, dense ones are stored without their zeros. */
  fitTransformSparse(X: Tabular, y?: Target, options: FitOptions = {}): CsrMatrix {
    const { blocks, nRows } = this.#fitBlocks(X, y, options, true);
    return hstackSparse(blocks, nRows);
  }

  transformSparse(X: Tabular): CsrMatrix {
    const { blocks, nRows } = this.#blocks(X, true);
    return hstackSparse(blocks, nRows);
  }

  #fitBlocks(
    X: Tabular,
    y: Target | undefined,
    options: FitOptions,
    sparse: boolean,
  ): { blocks: (Matrix | CsrMatrix)[]; nRows: number } {
    this.validateParams();
    const frame = toFrame(X);
    checkNotEmpty(frame.nRows, frame.columns.length, this.kind);
    const named = new Set(this.params.transformers.flatMap(([, , columns]) => columns));
    this.featureNamesIn_ = frame.names;
    this.remainderColumns_ = frame.names.filter((name) => !named.has(name));
    const entries = this.params.transformers;
    const blocks: (Matrix | CsrMatrix)[] = [];
    const names: string[] = [];
    entries.forEach(([name, transformer, columns], k) => {
      throwIfAborted(options.signal);
      if (transformer === 'drop') return;
      const part = frame.select(columns);
      const sub = subTaskOptions(options, k / entries.length, (k + 1) / entries.length, name);
      if (transformer === 'passthrough') blocks.push(asMatrix(part, this.kind));
      else if (sparse && isSparseOutput(transformer))
        blocks.push(transformer.fitTransformSparse(part, y, sub));
      else blocks.push(asMatrix(transformer.fitTransform(part, y, sub), this.kind));
      const outNames = transformer === 'passthrough' ? columns : transformer.featureNamesOut(columns);
      for (const feature of outNames) names.push(`${name}__${feature}`);
    });
    if (this.params.remainder === 'passthrough' && this.remainderColumns_.length > 0) {
      blocks.push(asMatrix(frame.select(this.remainderColumns_), this.kind));
      for (const column of this.remainderColumns_) names.push(`remainder__${column}`);
    }
    this.featureNamesOut_ = names;
    this.markFitted();
    options.onProgress?.(1);
    return { blocks, nRows: frame.nRows };
  }

  #blocks(X: Tabular, sparse: boolean): { blocks: (Matrix | CsrMatrix)[]; nRows: number } {
    this.checkFitted();
    const frame = toFrame(X);
    const blocks: (Matrix | CsrMatrix)[] = [];
    for (const [, transformer, columns] of this.params.transformers) {
      if (transformer === 'drop') continue;
      const part = frame.select(columns);
      if (transformer === 'passthrough') blocks.push(asMatrix(part, this.kind));
      else if (sparse && isSparseOutput(transformer)) blocks.push(transformer.transformSparse(part));
      else blocks.push(asMatrix(transformer.transform(part), this.kind));
    }
    if (this.params.remainder === 'passthrough' && this.remainderColumns_.length > 0) {
      blocks.push(asMatrix(frame.select(this.remainderColumns_), this.kind));
    }
    return { blocks, nRows: frame.nRows };
  }

  featureNamesOut(): string[] {
    this.checkFitted();
    return [...this.featureNamesOut_];
  }
}

/** A matrix is seen as a frame with columns x0, x1, ... so entries can name them. */
function toFrame(X: Tabular): Frame {
  return X instanceof Frame ? X : new Frame(tabularColumns(X), X.nRows);
}
