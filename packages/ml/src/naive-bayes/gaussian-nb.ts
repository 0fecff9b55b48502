import { argmaxRows } from '../core/argmax-rows';
import type { EstimatorType } from '../core/estimator';
import { Estimator } from '../core/estimator';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Classifier, ClassTarget } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkFinite, checkFitInput, checkPredictInput, encodeClassTarget } from '../core/validation';
import { checkPriors } from './check-priors';
import { probaFromJointLogLikelihood } from './joint-log-proba';

export interface GaussianNBParams {
  /** Class priors (one per class, summing to 1); null uses the class frequencies. */
  priors: number[] | null;
  /** Fraction of the largest feature variance added to every variance, for stability. */
  varSmoothing: number;
}

/** Mean and population variance (two passes, as NumPy) of `column` over the rows of class `c`. */
function classMoments(column: Float64Array, codes: Int32Array, c: number, count: number): [number, number] {
  let sum = 0;
  for (let i = 0; i < column.length; i++) if (codes[i] === c) sum += column[i];
  const mean = sum / count;
  let ss = 0;
  for (let i = 0; i < column.length; i++) if (codes[i] === c) ss += (column[i] - mean) ** 2;
  return [mean, ss / count];
}

/**
 * Gaussian naive Bayes (scikit-learn's `GaussianNB`): each feature is normal within each class, independently, so
 *
 *   log P(c | x) = log P(c) − ½ Σ_j [ log(2π σ²_cj) + (x_j − θ_cj)² / σ²_cj ] + const
 *
 * with θ_cj and σ²_cj the class mean and variance (plus `epsilon_` = varSmoothing · the largest feature variance).
 */
export class GaussianNB extends Estimator<GaussianNBParams> implements Classifier {
  static override readonly kind: string = 'GaussianNB';
  static override readonly paramConstraints: ParamConstraints = {
    priors: [{ type: 'array' }, { type: 'null' }],
    varSmoothing: [{ type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'left' }],
  };
  static override readonly stateSchema: StateSchema = {
    classes_: 'strings',
    classCount_: 'float64',
    classPrior_: 'float64',
    theta_: 'matrix',
    var_: 'matrix',
    epsilon_: 'number',
    nFeaturesIn_: 'number',
  };

  declare classes_: string[];
  declare classCount_: Float64Array;
  declare classPrior_: Float64Array;
  /** k × p class means. */
  declare theta_: Matrix;
  /** k × p class variances, `epsilon_` included. */
  declare var_: Matrix;
  declare epsilon_: number;
  declare nFeaturesIn_: number;

  constructor(params: Partial<GaussianNBParams> = {}) {
    super({ priors: null, varSmoothing: 1e-9 }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'classifier';
  }

  protected override checkState(): void {
    const k = this.classes_.length;
    const p = this.nFeaturesIn_;
    this.expectState(
      k >= 2 && this.classCount_.length === k && this.classPrior_.length === k,
      'one prior per class',
    );
    for (const m of [this.theta_, this.var_])
      this.expectState(m.nRows === k && m.nCols === p, 'classes × features');
  }

  fit(X: Matrix, y: ClassTarget, options: FitOptions = {}): this {
    this.validateParams();
    throwIfAborted(options.signal);
    const matrix = checkFinite(checkFitInput(X, this.kind), this.kind);
    const { classes, codes } = encodeClassTarget(y, matrix.nRows, this.kind);
    const k = classes.length;
    const { nRows: n, nCols: p } = matrix;
    const counts = new Float64Array(k);
    for (const c of codes) counts[c]++;
    const prior = this.params.priors
      ? checkPriors(this.kind, 'priors', this.params.priors, k)
      : counts.map((count) => count / n);
    let maxVariance = 0;
    const all = new Int32Array(n);
    for (let j = 0; j < p; j++)
      maxVariance = Math.max(maxVariance, classMoments(matrix.column(j), all, 0, n)[1]);
    const epsilon = this.params.varSmoothing * maxVariance;
    const theta = new Matrix(k, p);
    const variance = new Matrix(k, p);
    for (let j = 0; j < p; j++) {
      throwIfAborted(options.signal);
      for (let c = 0; c < k; c++) {
        const [mean, v] = classMoments(matrix.column(j), codes, c, counts[c]);
        theta.set(c, j, mean);
        variance.set(c, j, v + epsilon);
      }
    }
    this.classes_ = classes;
    this.classCount_ = counts;
    this.classPrior_ = prior;
    this.theta_ = theta;
    this.var_ = variance;
    this.epsilon_ = epsilon;
    this.nFeaturesIn_ = p;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  /** log P(c) + log P(x | c) per row and class (n × k). */
  jointLogLikelihood(X: Matrix): Matrix {
    this.checkFitted();
    const matrix = checkFinite(checkPredictInput(X, this.kind, this.nFeaturesIn_), this.kind);
    const { nRows: n, nCols: p } = matrix;
    const k = this.classes_.length;
    const out = new Matrix(n, k);
    for (let c = 0; c < k; c++) {
      let normal = 0;
      for (let j = 0; j < p; j++) normal += Math.log(2 * Math.PI * this.var_.get(c, j));
      const base = Math.log(this.classPrior_[c]) - 0.5 * normal;
      const dst = out.column(c);
      for (let j = 0; j < p; j++) {
        const mean = this.theta_.get(c, j);
        const v = this.var_.get(c, j);
        const src = matrix.column(j);
        for (let i = 0; i < n; i++) dst[i] += (src[i] - mean) ** 2 / v;
      }
      for (let i = 0; i < n; i++) dst[i] = base - 0.5 * dst[i];
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
