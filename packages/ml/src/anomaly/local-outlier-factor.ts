import { MlError } from '../core/errors';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import { kNearest, type Neighbors } from '../neighbors/k-nearest';
import {
  BaseDetector,
  CONTAMINATION_CONSTRAINTS,
  type Contamination,
  DETECTOR_STATE,
  type DetectorParams,
} from './base-detector';

export interface LocalOutlierFactorParams extends DetectorParams {
  /** Neighbours per row (lowered to n − 1 on small data, as scikit-learn does). */
  nNeighbors: number;
  contamination: Contamination;
}

/**
 * Local outlier factor (Breunig et al. 2000; scikit-learn's `LocalOutlierFactor` with `novelty=True`, Euclidean,
 * brute force): a row is anomalous when its neighbourhood is much sparser than its neighbours' neighbourhoods, so it
 * finds local outliers next to a dense cluster that a global score misses.
 *
 *   reach(a, b) = max(kDistance(b), d(a, b));   lrd(a) = 1 / (mean over a's k neighbours b of reach(a, b) + 1e-10)
 *   scoreSamples(x) = −mean over x's neighbours b of lrd(b) / lrd(x)     (≈ −1 inside a cluster, ≪ −1 outside)
 *
 * New rows are scored against the training rows (novelty mode). The training rows' own scores, `trainScores_`
 * (scikit-learn's `negative_outlier_factor_`), leave each row out of its own neighbourhood. 'auto' cuts at −1.5.
 */
export class LocalOutlierFactor extends BaseDetector<LocalOutlierFactorParams> {
  static override readonly kind: string = 'LocalOutlierFactor';
  static override readonly paramConstraints: ParamConstraints = {
    nNeighbors: [{ type: 'int', min: 1 }],
    contamination: CONTAMINATION_CONSTRAINTS,
  };
  static override readonly stateSchema: StateSchema = {
    ...DETECTOR_STATE,
    fitX_: 'matrix',
    nNeighbors_: 'number',
    kDistance_: 'float64',
    lrd_: 'float64',
  };

  /** A copy of the training rows (neighbours of new rows are searched among them). */
  declare fitX_: Matrix;
  /** The number of neighbours actually used. */
  declare nNeighbors_: number;
  /** Per training row, the distance to its k-th neighbour. */
  declare kDistance_: Float64Array;
  /** Per training row, its local reachability density. */
  declare lrd_: Float64Array;

  constructor(params: Partial<LocalOutlierFactorParams> = {}) {
    super({ nNeighbors: 20, contamination: 'auto' }, params);
  }

  protected autoOffset(): number {
    return -1.5;
  }

  protected override checkState(): void {
    super.checkState();
    const n = this.fitX_.nRows;
    this.expectState(this.fitX_.nCols === this.nFeaturesIn_, 'fitX_ has one column per feature');
    this.expectState(this.kDistance_.length === n && this.lrd_.length === n, 'one density per training row');
    this.expectState(this.nNeighbors_ >= 1 && this.nNeighbors_ < n, '1 <= nNeighbors_ < training rows');
  }

  protected fitScores(X: Matrix, options: FitOptions): Float64Array {
    const n = X.nRows;
    if (n < 2) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `${this.kind} needs at least 2 rows to find neighbours but got ${n}. Add rows.`,
        { details: { kind: this.kind } },
      );
    }
    const k = Math.min(this.params.nNeighbors, n - 1);
    this.nNeighbors_ = k;
    this.fitX_ = new Matrix(n, X.nCols, X.data.slice());
    const neighbors = withoutSelf(blockedNeighbors(this.fitX_, k + 1, options));
    this.kDistance_ = new Float64Array(n);
    for (let i = 0; i < n; i++) this.kDistance_[i] = neighbors.distances[i * k + k - 1];
    this.lrd_ = this.densities(neighbors);
    return this.factors(neighbors, this.lrd_);
  }

  protected scoreRows(X: Matrix): Float64Array {
    const neighbors = kNearest(this.fitX_, X, this.nNeighbors_, 2);
    return this.factors(neighbors, this.densities(neighbors));
  }

  /** The local reachability density of each query row. */
  private densities(neighbors: Neighbors): Float64Array {
    const { nQueries, k, indices, distances } = neighbors;
    const lrd = new Float64Array(nQueries);
    for (let q = 0; q < nQueries; q++) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += Math.max(this.kDistance_[indices[q * k + j]], distances[q * k + j]);
      lrd[q] = 1 / (sum / k + 1e-10);
    }
    return lrd;
  }

  /** −(mean lrd of the neighbours) / (own lrd), per query row. */
  private factors(neighbors: Neighbors, lrd: Float64Array): Float64Array {
    const { nQueries, k, indices } = neighbors;
    const out = new Float64Array(nQueries);
    for (let q = 0; q < nQueries; q++) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += this.lrd_[indices[q * k + j]] / lrd[q];
      out[q] = -sum / k;
    }
    return out;
  }
}

/** Rows per block of the neighbour search, between which fit checks for cancellation and reports progress. */
const BLOCK = 1024;

/**
 * The k nearest training rows of every training row, searched a block of query rows at a time (the search is
 * O(n²·p), seconds at 10 000 rows, so a cancelled fit should not wait for all of it).
 */
function blockedNeighbors(train: Matrix, k: number, options: FitOptions): Neighbors {
  const n = train.nRows;
  const indices = new Int32Array(n * k);
  const distances = new Float64Array(n * k);
  for (let start = 0; start < n; start += BLOCK) {
    throwIfAborted(options.signal);
    const end = Math.min(n, start + BLOCK);
    const block = kNearest(
      train,
      train.takeRows(Int32Array.from({ length: end - start }, (_, i) => start + i)),
      k,
      2,
    );
    indices.set(block.indices, start * k);
    distances.set(block.distances, start * k);
    options.onProgress?.((0.9 * end) / n, 'neighbours');
  }
  return { nQueries: n, k, indices, distances };
}

/**
 * Drops each training row from its own k + 1 nearest (scikit-learn's `kneighbors()` without X): the row itself
 * when it is there (duplicates may come before it), else the farthest.
 */
function withoutSelf(neighbors: Neighbors): Neighbors {
  const { nQueries, k: kPlus, indices, distances } = neighbors;
  const k = kPlus - 1;
  const outIndices = new Int32Array(nQueries * k);
  const outDistances = new Float64Array(nQueries * k);
  for (let q = 0; q < nQueries; q++) {
    let skip = kPlus - 1;
    for (let j = 0; j < kPlus; j++) {
      if (indices[q * kPlus + j] === q) {
        skip = j;
        break;
      }
    }
    let m = 0;
    for (let j = 0; j < kPlus; j++) {
      if (j === skip) continue;
      outIndices[q * k + m] = indices[q * kPlus + j];
      outDistances[q * k + m] = distances[q * kPlus + j];
      m++;
    }
  }
  return { nQueries, k, indices: outIndices, distances: outDistances };
}
