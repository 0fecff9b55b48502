import { argmaxRows } from '../core/argmax-rows';
import { MlError } from '../core/errors';
import { Estimator, type EstimatorType } from '../core/estimator';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Classifier, ClassTarget } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkFinite, checkFitInput, checkPredictInput, encodeClassTarget } from '../core/validation';
import { checkPriors } from './check-priors';
import { probaFromJointLogLikelihood } from './joint-log-proba';

export interface CategoricalNBParams {
  /** Additive (Laplace/Lidstone) smoothing; values below 1e-10 act as 1e-10 (as scikit-learn). */
  alpha: number;
  /** Learn class priors from the class frequencies; false gives uniform priors. */
  fitPrior: boolean;
  /** Fixed class priors (one per class, summing to 1); overrides `fitPrior`. */
  classPrior: number[] | null;
  /** At least this many categories per feature (one number for all, or one per feature); null: max code + 1. */
  minCategories: number | number[] | null;
}

/** Smallest smoothing used, as scikit-learn's `_check_alpha` (a zero alpha would give log 0 for unseen pairs). */
const ALPHA_FLOOR = 1e-10;

/**
 * Categorical naive Bayes (scikit-learn's `CategoricalNB`) on integer category codes 0, 1, 2, … (e.g. from
 * `OrdinalEncoder`): per feature j and class c, P(x_j = v | c) = (N_cjv + α) / (N_c + α · nCategories_j). A code
 * never seen in fit (≥ nCategories_j) gets the smoothed zero count α / (N_c + α · nCategories_j). Counts are stored
 * flat, feature after feature:
 *
 *   categoryCount_[offset_j + c * nCategories_j + v]   offset_j = k · Σ_{j' < j} nCategories_j'
 */
export class CategoricalNB extends Estimator<CategoricalNBParams> implements Classifier {
  static override readonly kind: string = 'CategoricalNB';
  static override readonly paramConstraints: ParamConstraints = {
    alpha: [{ type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    fitPrior: [{ type: 'boolean' }],
    classPrior: [{ type: 'array' }, { type: 'null' }],
    minCategories: [
      { type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' },
      { type: 'array' },
      { type: 'null' },
    ],
  };
  static override readonly stateSchema: StateSchema = {
    classes_: 'strings',
    classCount_: 'float64',
    classLogPrior_: 'float64',
    nCategories_: 'int32',
    categoryCount_: 'float64',
    featureLogProb_: 'float64',
    nFeaturesIn_: 'number',
  };

  declare classes_: string[];
  declare classCount_: Float64Array;
  declare classLogPrior_: Float64Array;
  declare nCategories_: Int32Array;
  declare categoryCount_: Float64Array;
  /** log P(x_j = v | c), laid out like `categoryCount_`. */
  declare featureLogProb_: Float64Array;
  declare nFeaturesIn_: number;

  constructor(params: Partial<CategoricalNBParams> = {}) {
    super({ alpha: 1.0, fitPrior: true, classPrior: null, minCategories: null }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'classifier';
  }

  protected override checkState(): void {
    const k = this.classes_.length;
    const cells = k * this.nCategories_.reduce((a, b) => a + b, 0);
    this.expectState(
      k >= 2 && this.classCount_.length === k && this.classLogPrior_.length === k,
      'one prior per class',
    );
    this.expectState(this.nCategories_.length === this.nFeaturesIn_, 'one category count per feature');
    this.expectState(
      this.categoryCount_.length === cells && this.featureLogProb_.length === cells,
      'classes × categories cells',
    );
  }

  fit(X: Matrix, y: ClassTarget, options: FitOptions = {}): this {
    this.validateParams();
    throwIfAborted(options.signal);
    const matrix = checkCodes(checkFitInput(X, this.kind), this.kind);
    const { classes, codes } = encodeClassTarget(y, matrix.nRows, this.kind);
    const { nRows: n, nCols: p } = matrix;
    const k = classes.length;
    const nCategories = this.#categoryCounts(matrix);
    const counts = new Float64Array(k);
    for (const c of codes) counts[c]++;
    const cells = new Float64Array(k * nCategories.reduce((a, b) => a + b, 0));
    const logProb = new Float64Array(cells.length);
    const alpha = Math.max(this.params.alpha, ALPHA_FLOOR);
    let offset = 0;
    for (let j = 0; j < p; j++) {
      throwIfAborted(options.signal);
      const m = nCategories[j];
      const column = matrix.column(j);
      for (let i = 0; i < n; i++) cells[offset + codes[i] * m + column[i]]++;
      for (let c = 0; c < k; c++) {
        // scikit-learn: log(N_cjv + α) − log(Σ_v (N_cjv + α)).
        let total = 0;
        for (let v = 0; v < m; v++) total += cells[offset + c * m + v] + alpha;
        for (let v = 0; v < m; v++)
          logProb[offset + c * m + v] = Math.log(cells[offset + c * m + v] + alpha) - Math.log(total);
      }
      offset += k * m;
    }
    this.classes_ = classes;
    this.classCount_ = counts;
    this.classLogPrior_ = this.#classLogPrior(counts);
    this.nCategories_ = nCategories;
    this.categoryCount_ = cells;
    this.featureLogProb_ = logProb;
    this.nFeaturesIn_ = p;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  #categoryCounts(X: Matrix): Int32Array {
    const { minCategories } = this.params;
    if (
      Array.isArray(minCategories) &&
      (minCategories.length !== X.nCols || !minCategories.every((m) => Number.isInteger(m) && m >= 1))
    ) {
      throw new MlError(
        'INVALID_PARAMETER',
        `The 'minCategories' parameter of ${this.kind} needs one integer >= 1 per feature (${X.nCols}); got ${minCategories.length} values.`,
        { details: { kind: this.kind, parameter: 'minCategories' } },
      );
    }
    return Int32Array.from({ length: X.nCols }, (_, j) => {
      let max = -1;
      for (const v of X.column(j)) if (v > max) max = v;
      const floor =
        minCategories === null ? 0 : Array.isArray(minCategories) ? minCategories[j] : minCategories;
      return Math.max(max + 1, floor);
    });
  }

  #classLogPrior(counts: Float64Array): Float64Array {
    const k = counts.length;
    const { classPrior, fitPrior } = this.params;
    if (classPrior !== null) return checkPriors(this.kind, 'classPrior', classPrior, k).map(Math.log);
    if (!fitPrior) return new Float64Array(k).fill(-Math.log(k));
    const total = counts.reduce((a, b) => a + b, 0);
    return counts.map((count) => Math.log(count) - Math.log(total));
  }

  /** log P(c) + Σ_j log P(x_j | c) per row and class (n × k). */
  jointLogLikelihood(X: Matrix): Matrix {
    this.checkFitted();
    const matrix = checkCodes(checkPredictInput(X, this.kind, this.nFeaturesIn_), this.kind);
    const n = matrix.nRows;
    const k = this.classes_.length;
    const alpha = Math.max(this.params.alpha, ALPHA_FLOOR);
    const out = new Matrix(n, k);
    for (let c = 0; c < k; c++) out.column(c).fill(0);
    let offset = 0;
    for (let j = 0; j < this.nFeaturesIn_; j++) {
      const m = this.nCategories_[j];
      const column = matrix.column(j);
      for (let c = 0; c < k; c++) {
        const dst = out.column(c);
        const unseen = Math.log(alpha) - Math.log(this.classCount_[c] + alpha * m);
        for (let i = 0; i < n; i++) {
          const v = column[i];
          dst[i] += v < m ? this.featureLogProb_[offset + c * m + v] : unseen;
        }
      }
      offset += k * m;
    }
    for (let c = 0; c < k; c++) {
      const dst = out.column(c);
      for (let i = 0; i < n; i++) dst[i] += this.classLogPrior_[c];
    }
    return out;
  }

  predictProba(X: Matrix): Matrix {
    return probaFromJointLogLikelihood(this.jointLogLikelihood(X));
  }

  predict(X: Matrix): Int32Array {
    return argmaxRows(this.jointLogLikelihood(X));
  }
}

/** Throws unless every value is a category code: a non-negative integer (NaN: INPUT_HAS_NAN). */
function checkCodes(X: Matrix, kind: string): Matrix {
  checkFinite(X, kind);
  const { data, nRows } = X;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (v >= 0 && Number.isInteger(v)) continue;
    const row = k % nRows;
    const column = Math.floor(k / nRows);
    throw new MlError(
      'WRONG_COLUMN_KIND',
      `${kind} needs category codes (integers 0, 1, 2, …) but feature ${column} has ${v} at row ${row}. Encode categories with OrdinalEncoder first.`,
      { details: { kind, row, column } },
    );
  }
  return X;
}
