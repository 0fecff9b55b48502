import { Estimator, type EstimatorType } from '../core/estimator';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Classifier, ClassTarget } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkFitInput, checkPredictInput, encodeClassTarget } from '../core/validation';

export interface DummyClassifierParams {
  /** 'prior': probabilities are the class frequencies; 'most_frequent': probability 1 for the majority class. */
  strategy: 'prior' | 'most_frequent';
}

/**
 * A baseline that ignores the features (scikit-learn's `DummyClassifier`): both strategies predict the most
 * frequent class (ties: the first class); they differ in `predictProba`.
 */
export class DummyClassifier extends Estimator<DummyClassifierParams> implements Classifier {
  static override readonly kind: string = 'DummyClassifier';
  static override readonly paramConstraints: ParamConstraints = {
    strategy: [{ type: 'options', values: ['prior', 'most_frequent'] }],
  };
  static override readonly stateSchema: StateSchema = {
    classes_: 'strings',
    classPrior_: 'float64',
    nFeaturesIn_: 'number',
  };

  declare classes_: string[];
  declare classPrior_: Float64Array;
  declare nFeaturesIn_: number;

  constructor(params: Partial<DummyClassifierParams> = {}) {
    super({ strategy: 'prior' }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'classifier';
  }

  protected override checkState(): void {
    this.expectState(
      this.classPrior_.length === this.classes_.length && this.classes_.length > 0,
      'one prior per class',
    );
  }

  fit(X: Matrix, y: ClassTarget, options: FitOptions = {}): this {
    this.validateParams();
    throwIfAborted(options.signal);
    const matrix = checkFitInput(X, this.kind);
    const { classes, codes } = encodeClassTarget(y, matrix.nRows, this.kind);
    const prior = new Float64Array(classes.length);
    for (const code of codes) prior[code]++;
    for (let k = 0; k < prior.length; k++) prior[k] /= codes.length;
    this.classes_ = classes;
    this.classPrior_ = prior;
    this.nFeaturesIn_ = matrix.nCols;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  #majority(): number {
    let best = 0;
    for (let k = 1; k < this.classPrior_.length; k++)
      if (this.classPrior_[k] > this.classPrior_[best]) best = k;
    return best;
  }

  predictProba(X: Matrix): Matrix {
    this.checkFitted();
    const { nRows: n } = checkPredictInput(X, this.kind, this.nFeaturesIn_);
    const k = this.classes_.length;
    const proba = new Matrix(n, k);
    const majority = this.#majority();
    for (let c = 0; c < k; c++) {
      const p = this.params.strategy === 'prior' ? this.classPrior_[c] : c === majority ? 1 : 0;
      proba.column(c).fill(p);
    }
    return proba;
  }

  predict(X: Matrix): Int32Array {
    this.checkFitted();
    const { nRows } = checkPredictInput(X, this.kind, this.nFeaturesIn_);
    return new Int32Array(nRows).fill(this.#majority());
  }
}
