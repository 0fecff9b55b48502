import { argmaxRows } from '../core/argmax-rows';
import type { EstimatorType } from '../core/estimator';
import type { FitOptions } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Classifier, ClassTarget } from '../core/roles';
import type { StateSchema } from '../core/state';
import { encodeClassTarget } from '../core/validation';
import {
  BaseKNeighbors,
  K_NEIGHBORS_CONSTRAINTS,
  K_NEIGHBORS_DEFAULTS,
  K_NEIGHBORS_STATE,
  type KNeighborsParams,
} from './base-k-neighbors';

export type KNeighborsClassifierParams = KNeighborsParams;

/**
 * k-nearest-neighbours classification (scikit-learn's `KNeighborsClassifier`, brute force): the class
 * probabilities of a row are the (weighted) shares of each class among its `nNeighbors` nearest training rows, and
 * `predict` takes the most probable (the first class on a tie). Scale the features first: distances mix units.
 *
 *   const model = new KNeighborsClassifier({ nNeighbors: 7, weights: 'distance' }).fit(X, y);
 */
export class KNeighborsClassifier extends BaseKNeighbors<KNeighborsClassifierParams> implements Classifier {
  static override readonly kind: string = 'KNeighborsClassifier';
  static override readonly paramConstraints: ParamConstraints = K_NEIGHBORS_CONSTRAINTS;
  static override readonly stateSchema: StateSchema = {
    ...K_NEIGHBORS_STATE,
    classes_: 'strings',
    fitY_: 'int32',
  };

  declare classes_: string[];
  /** The class index (into `classes_`) of every stored training row. */
  declare fitY_: Int32Array;

  constructor(params: Partial<KNeighborsClassifierParams> = {}) {
    super(K_NEIGHBORS_DEFAULTS, params);
  }

  override get estimatorType(): EstimatorType {
    return 'classifier';
  }

  protected override get nTargets(): number {
    return this.fitY_.length;
  }

  protected override checkState(): void {
    super.checkState();
    const k = this.classes_.length;
    this.expectState(k >= 2 && this.fitY_.every((c) => c >= 0 && c < k), 'class indices within classes_');
  }

  fit(X: Matrix, y: ClassTarget, options: FitOptions = {}): this {
    const matrix = this.checkTrainingRows(X, options);
    const { classes, codes } = encodeClassTarget(y, matrix.nRows, this.kind);
    this.storeTrainingRows(matrix);
    this.classes_ = classes;
    this.fitY_ = codes;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  predictProba(X: Matrix): Matrix {
    const neighbors = this.kneighbors(X);
    const weights = this.neighborWeights(neighbors);
    const { nQueries: n, k, indices } = neighbors;
    const nClasses = this.classes_.length;
    const proba = new Matrix(n, nClasses);
    for (let q = 0; q < n; q++) {
      let total = 0;
      for (let j = 0; j < k; j++) {
        const w = weights[q * k + j];
        proba.data[this.fitY_[indices[q * k + j]] * n + q] += w;
        total += w;
      }
      if (total === 0) total = 1;
      for (let c = 0; c < nClasses; c++) proba.data[c * n + q] /= total;
    }
    return proba;
  }

  predict(X: Matrix): Int32Array {
    return argmaxRows(this.predictProba(X));
  }
}
