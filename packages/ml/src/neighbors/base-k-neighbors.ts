import { MlError } from '../core/errors';
import { Estimator } from '../core/estimator';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { checkFinite, checkFitInput, checkPredictInput } from '../core/validation';
import { kNearest, type Neighbors } from './k-nearest';

export interface KNeighborsParams {
  nNeighbors: number;
  /** 'uniform': every neighbour counts the same; 'distance': a neighbour counts 1/distance. */
  weights: 'uniform' | 'distance';
  /** The Minkowski power: 1 = Manhattan, 2 = Euclidean. */
  p: number;
  /** 'minkowski' uses `p`; 'euclidean' and 'manhattan' fix it to 2 and 1. */
  metric: 'minkowski' | 'euclidean' | 'manhattan';
}

export const K_NEIGHBORS_DEFAULTS: KNeighborsParams = {
  nNeighbors: 5,
  weights: 'uniform',
  p: 2,
  metric: 'minkowski',
};

export const K_NEIGHBORS_CONSTRAINTS: ParamConstraints = {
  nNeighbors: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }],
  weights: [{ type: 'options', values: ['uniform', 'distance'] }],
  p: [{ type: 'float', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }],
  metric: [{ type: 'options', values: ['minkowski', 'euclidean', 'manhattan'] }],
};

export const K_NEIGHBORS_STATE: StateSchema = { fitX_: 'matrix', nFeaturesIn_: 'number' };

/**
 * Storing the training rows and finding the nearest ones (scikit-learn's `KNeighborsMixin`, brute force). The
 * classifier and regressor add the targets and how neighbours vote. Missing values are refused (impute first).
 */
export abstract class BaseKNeighbors<P extends KNeighborsParams> extends Estimator<P> {
  /** A column-major copy of the training rows. */
  declare fitX_: Matrix;
  declare nFeaturesIn_: number;

  /** Number of stored target values (for checking loaded state). */
  protected abstract get nTargets(): number;

  protected override checkState(): void {
    this.expectState(this.fitX_.nCols === this.nFeaturesIn_, 'fitX_ has one column per feature');
    this.expectState(this.nTargets === this.fitX_.nRows && this.nTargets >= 1, 'one target per stored row');
  }

  /** Checks the parameters and the training rows (before the target, so a failed fit changes nothing). */
  protected checkTrainingRows(X: Matrix, options: FitOptions): Matrix {
    this.validateParams();
    throwIfAborted(options.signal);
    const matrix = checkFinite(checkFitInput(X, this.kind), this.kind);
    if (this.params.nNeighbors > matrix.nRows) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `${this.kind} needs at least nNeighbors (${this.params.nNeighbors}) rows but got ${matrix.nRows}. Lower nNeighbors or add rows.`,
        { details: { kind: this.kind } },
      );
    }
    return matrix;
  }

  /** Stores a copy of the checked training rows. */
  protected storeTrainingRows(matrix: Matrix): void {
    this.fitX_ = new Matrix(matrix.nRows, matrix.nCols, matrix.data.slice());
    this.nFeaturesIn_ = matrix.nCols;
  }

  get effectiveP(): number {
    const { metric, p } = this.params;
    return metric === 'euclidean' ? 2 : metric === 'manhattan' ? 1 : p;
  }

  /**
   * The `nNeighbors` nearest training rows of every row of X, nearest first; equally distant rows come in index
   * order. A row of X that was in the training data is its own nearest neighbour.
   */
  kneighbors(X: Matrix, nNeighbors = this.params.nNeighbors): Neighbors {
    this.checkFitted();
    const queries = checkFinite(checkPredictInput(X, this.kind, this.nFeaturesIn_), this.kind);
    if (!(Number.isInteger(nNeighbors) && nNeighbors >= 1 && nNeighbors <= this.fitX_.nRows)) {
      throw new MlError(
        'INVALID_PARAMETER',
        `${this.kind}.kneighbors needs 1 <= nNeighbors <= ${this.fitX_.nRows} (the training rows); got ${nNeighbors}.`,
      );
    }
    return kNearest(this.fitX_, queries, nNeighbors, this.effectiveP);
  }

  /**
   * The vote of each neighbour, query-major like `Neighbors`: 1 ('uniform'), or 1/distance ('distance'). When a
   * query has neighbours at distance 0, only those vote, each with weight 1 (scikit-learn's `_get_weights`).
   */
  protected neighborWeights(neighbors: Neighbors): Float64Array {
    const { nQueries, k, distances } = neighbors;
    const weights = new Float64Array(nQueries * k).fill(1);
    if (this.params.weights === 'uniform') return weights;
    for (let q = 0; q < nQueries; q++) {
      let exact = false;
      for (let j = 0; j < k; j++) if (distances[q * k + j] === 0) exact = true;
      for (let j = 0; j < k; j++) {
        const d = distances[q * k + j];
        weights[q * k + j] = exact ? (d === 0 ? 1 : 0) : 1 / d;
      }
    }
    return weights;
  }
}
