import { argmaxRows } from '../core/argmax-rows';
import { classSampleWeights } from '../core/class-weight';
import { Estimator, type EstimatorType } from '../core/estimator';
import type { FitOptions } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Classifier, ClassTarget, Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkFinite, checkFitInput, checkPredictInput, encodeClassTarget } from '../core/validation';
import { CsrMatrix } from '../linalg/csr-matrix';
import { minimizeLbfgs } from '../optimize/lbfgs';
import { logisticObjective } from './logistic-loss';
import { checkSparseInput, sparseLogisticObjective } from './sparse-logistic-loss';

export interface LogisticRegressionParams {
  /** Inverse L2 strength: smaller C, stronger penalty. The intercept is not penalised. */
  C: number;
  maxIter: number;
  /** L-BFGS stops when the largest gradient entry of the (weight-averaged) objective is at most `tol`. */
  tol: number;
  classWeight: 'balanced' | null;
  fitIntercept: boolean;
}

/**
 * L2-regularised logistic regression (scikit-learn's `LogisticRegression(solver='lbfgs')`): the binomial loss for
 * two classes, the multinomial (softmax) loss for more, minimised by L-BFGS from zero. `coef_` is 1 × p for two
 * classes (scores favour `classes_[1]`) and k × p otherwise. A `CsrMatrix` (e.g. TF-IDF features) is fitted and
 * scored without densifying, through the same loss with a sparse gradient.
 */
export class LogisticRegression extends Estimator<LogisticRegressionParams> implements Classifier {
  static override readonly kind: string = 'LogisticRegression';
  static override readonly paramConstraints: ParamConstraints = {
    C: [{ type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'neither' }],
    maxIter: [{ type: 'int', min: 0, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    tol: [{ type: 'float', min: 0, max: Number.POSITIVE_INFINITY, closed: 'left' }],
    classWeight: [{ type: 'options', values: ['balanced'] }, { type: 'null' }],
    fitIntercept: [{ type: 'boolean' }],
  };
  static override readonly stateSchema: StateSchema = {
    classes_: 'strings',
    coef_: 'matrix',
    intercept_: 'float64',
    nIter_: 'number',
    converged_: 'boolean',
    nFeaturesIn_: 'number',
  };

  declare classes_: string[];
  declare coef_: Matrix;
  declare intercept_: Float64Array;
  /** L-BFGS iterations used; `converged_` is false when it stopped at `maxIter` (raise `maxIter` or scale X). */
  declare nIter_: number;
  declare converged_: boolean;
  declare nFeaturesIn_: number;

  constructor(params: Partial<LogisticRegressionParams> = {}) {
    super({ C: 1.0, maxIter: 100, tol: 1e-4, classWeight: null, fitIntercept: true }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'classifier';
  }

  /** Takes a `CsrMatrix` as is (a Pipeline hands it TF-IDF features without densifying them). */
  get acceptsSparse(): boolean {
    return true;
  }

  protected override checkState(): void {
    const k = this.classes_.length;
    const nOutputs = k === 2 ? 1 : k;
    this.expectState(k >= 2, 'at least two classes');
    this.expectState(
      this.coef_.nRows === nOutputs && this.coef_.nCols === this.nFeaturesIn_,
      'coef_ is outputs × features',
    );
    this.expectState(this.intercept_.length === nOutputs, 'one intercept per output');
  }

  fit(X: Tabular | CsrMatrix, y: ClassTarget, options: FitOptions = {}): this {
    this.validateParams();
    const matrix =
      X instanceof CsrMatrix
        ? checkSparseInput(X, this.kind)
        : checkFinite(checkFitInput(X, this.kind), this.kind);
    const { classes, codes } = encodeClassTarget(y, matrix.nRows, this.kind);
    const { C, maxIter, tol, classWeight, fitIntercept } = this.params;
    const problem = {
      y: codes,
      sampleWeight: classSampleWeights(codes, classes.length, classWeight),
      nClasses: classes.length,
      C,
      fitIntercept,
    };
    const { nParams, nOutputs, fun } =
      matrix instanceof CsrMatrix
        ? sparseLogisticObjective({ ...problem, X: matrix })
        : logisticObjective({ ...problem, X: matrix });
    const result = minimizeLbfgs(fun, new Float64Array(nParams), {
      maxIter,
      gtol: tol,
      signal: options.signal,
      onIteration: (iteration) =>
        options.onProgress?.(iteration / Math.max(1, maxIter), `iteration ${iteration}`),
    });
    const p = matrix.nCols;
    this.coef_ = new Matrix(nOutputs, p);
    this.intercept_ = new Float64Array(nOutputs);
    for (let k = 0; k < nOutputs; k++) {
      for (let j = 0; j < p; j++) this.coef_.set(k, j, result.x[k * (p + 1) + j]);
      this.intercept_[k] = result.x[k * (p + 1) + p];
    }
    this.classes_ = classes;
    this.nIter_ = result.nIter;
    this.converged_ = result.converged;
    this.nFeaturesIn_ = p;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  /** Raw scores X Wᵀ + b: n × 1 for two classes, n × k otherwise. */
  decisionFunction(X: Tabular | CsrMatrix): Matrix {
    this.checkFitted();
    if (X instanceof CsrMatrix) return this.#sparseScores(checkSparseInput(X, this.kind, this.nFeaturesIn_));
    const matrix = checkFinite(checkPredictInput(X, this.kind, this.nFeaturesIn_), this.kind);
    const n = matrix.nRows;
    const nOutputs = this.coef_.nRows;
    const scores = new Matrix(n, nOutputs);
    for (let k = 0; k < nOutputs; k++) {
      const zk = scores.column(k).fill(this.intercept_[k]);
      for (let j = 0; j < matrix.nCols; j++) {
        const w = this.coef_.get(k, j);
        const column = matrix.column(j);
        for (let i = 0; i < n; i++) zk[i] += w * column[i];
      }
    }
    return scores;
  }

  #sparseScores(X: CsrMatrix): Matrix {
    const n = X.nRows;
    const nOutputs = this.coef_.nRows;
    const scores = new Matrix(n, nOutputs);
    for (let k = 0; k < nOutputs; k++) {
      const zk = scores.column(k);
      for (let i = 0; i < n; i++) {
        let z = this.intercept_[k];
        for (let q = X.indptr[i]; q < X.indptr[i + 1]; q++) z += this.coef_.get(k, X.indices[q]) * X.data[q];
        zk[i] = z;
      }
    }
    return scores;
  }

  predictProba(X: Tabular | CsrMatrix): Matrix {
    const scores = this.decisionFunction(X);
    const n = scores.nRows;
    const k = this.classes_.length;
    const proba = new Matrix(n, k);
    if (scores.nCols === 1) {
      for (let i = 0; i < n; i++) {
        const z = scores.data[i];
        const p1 = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
        proba.data[i] = 1 - p1;
        proba.data[n + i] = p1;
      }
      return proba;
    }
    for (let i = 0; i < n; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) max = Math.max(max, scores.data[c * n + i]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += proba.data[c * n + i] = Math.exp(scores.data[c * n + i] - max);
      for (let c = 0; c < k; c++) proba.data[c * n + i] /= sum;
    }
    return proba;
  }

  predict(X: Tabular | CsrMatrix): Int32Array {
    return argmaxRows(this.predictProba(X));
  }
}
