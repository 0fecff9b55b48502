import { BaseTransformer } from '../core/base-transformer';
import { MlError } from '../core/errors';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import { Rng } from '../core/rng';
import type { Tabular } from '../core/roles';
import type { StateSchema } from '../core/state';
import { tabularNames } from '../core/tabular';
import { checkFinite, checkFitInput, checkPredictInput } from '../core/validation';
import {
  assignLabels,
  centerDistances,
  kmeansPlusPlus,
  type LloydResult,
  lloyd,
  type RowMajor,
} from './lloyd';

export interface KMeansParams {
  nClusters: number;
  /** 'k-means++' (seeded greedy k-means++), 'random' (k distinct rows), or explicit `nClusters × nFeatures` centres. */
  init: 'k-means++' | 'random' | number[][];
  /** Runs from different seeds, the lowest inertia wins. 'auto': 1 for k-means++ or explicit centres, 10 for random. */
  nInit: number | 'auto';
  maxIter: number;
  /** Relative tolerance: iterations stop when the squared centre shift is at most `tol × mean feature variance`. */
  tol: number;
  randomState: number;
}

/** A row-major copy of a matrix (k-means reads whole rows). */
export function toRowMajor(X: Matrix): RowMajor {
  const { nRows: n, nCols: p } = X;
  const x = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const column = X.column(j);
    for (let i = 0; i < n; i++) x[i * p + j] = column[i];
  }
  return { x, n, p };
}

/**
 * K-means clustering with Lloyd's algorithm (scikit-learn's `KMeans`, algorithm 'lloyd'). Like scikit-learn, the
 * data are centred before clustering (fewer rounding errors in the distances) and the tolerance is relative to
 * the mean feature variance. `predict` gives the nearest centre, `transform` the distances to every centre, so
 * KMeans can also be a pipeline step. Needs finite values: impute first.
 *
 *   const km = new KMeans({ nClusters: 3, randomState: 0 }).fit(X);
 *   km.inertia_; km.labels_; km.predict(Xnew);
 */
export class KMeans extends BaseTransformer<KMeansParams> {
  static override readonly kind: string = 'KMeans';
  static override readonly paramConstraints: ParamConstraints = {
    nClusters: [{ type: 'int', min: 1 }],
    init: [{ type: 'options', values: ['k-means++', 'random'] }, { type: 'array' }],
    nInit: [
      { type: 'int', min: 1 },
      { type: 'options', values: ['auto'] },
    ],
    maxIter: [{ type: 'int', min: 1 }],
    tol: [{ type: 'float', min: 0 }],
    randomState: [{ type: 'int', min: 0, max: 4294967295 }],
  };
  static override readonly stateSchema: StateSchema = {
    clusterCenters_: 'matrix',
    labels_: 'int32',
    inertia_: 'number',
    nIter_: 'number',
    nFeaturesIn_: 'number',
    featureNamesIn_: 'strings',
  };

  /** `nClusters × nFeatures`. */
  declare clusterCenters_: Matrix;
  declare labels_: Int32Array;
  /** Sum of squared distances of the training rows to their centre. */
  declare inertia_: number;
  declare nIter_: number;
  declare nFeaturesIn_: number;
  declare featureNamesIn_: string[];

  constructor(params: Partial<KMeansParams> = {}) {
    super(
      { nClusters: 8, init: 'k-means++', nInit: 'auto', maxIter: 300, tol: 1e-4, randomState: 0 },
      params,
    );
  }

  protected override checkState(): void {
    const centers = this.clusterCenters_;
    this.expectState(centers.nCols === this.nFeaturesIn_ && centers.nRows >= 1, 'one centre per cluster');
    this.expectState(
      this.labels_.every((label) => label >= 0 && label < centers.nRows),
      'labels index the centres',
    );
  }

  fit(X: Tabular, _y?: unknown, options: FitOptions = {}): this {
    this.validateParams();
    const matrix = checkFinite(checkFitInput(X, this.kind), this.kind);
    const { nClusters: k, init, maxIter, randomState } = this.params;
    const { nRows: n, nCols: p } = matrix;
    if (n < k) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `${this.kind} needs at least nClusters = ${k} rows, got ${n}. Lower nClusters or pass more rows.`,
        { details: { kind: this.kind } },
      );
    }
    const data = toRowMajor(matrix);
    // Centre the data like scikit-learn: distances then lose fewer digits, and the result is shifted back.
    const mean = new Float64Array(p);
    let meanVariance = 0;
    for (let j = 0; j < p; j++) {
      const column = matrix.column(j);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += column[i];
      mean[j] = sum / n;
      let squares = 0;
      for (let i = 0; i < n; i++) squares += (column[i] - mean[j]) ** 2;
      meanVariance += squares / n / p;
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) data.x[i * p + j] -= mean[j];
    const explicit = Array.isArray(init) ? this.explicitCenters(init, k, p, mean) : null;
    const nInit = this.params.nInit === 'auto' ? (init === 'random' ? 10 : 1) : this.params.nInit;
    const runs = explicit === null ? nInit : 1;
    const rng = new Rng(randomState);
    const tol = meanVariance * this.params.tol;
    let best: LloydResult | null = null;
    for (let run = 0; run < runs; run++) {
      throwIfAborted(options.signal);
      const start = explicit ?? (init === 'random' ? randomRows(data, k, rng) : kmeansPlusPlus(data, k, rng));
      const result = lloyd(data, start, k, { maxIter, tol, signal: options.signal });
      if (best === null || result.inertia < best.inertia) best = result;
      options.onProgress?.((run + 1) / runs);
    }
    const result = best as LloydResult;
    const centers = new Matrix(k, p);
    for (let c = 0; c < k; c++)
      for (let j = 0; j < p; j++) centers.set(c, j, result.centers[c * p + j] + mean[j]);
    this.clusterCenters_ = centers;
    this.labels_ = result.labels;
    this.inertia_ = result.inertia;
    this.nIter_ = result.nIter;
    this.nFeaturesIn_ = p;
    this.featureNamesIn_ = tabularNames(X);
    this.markFitted();
    return this;
  }

  /** The index of the nearest centre for every row. */
  predict(X: Tabular): Int32Array {
    const { data, centers, k } = this.prepare(X);
    const labels = new Int32Array(data.n);
    assignLabels(data, centers, k, labels, new Float64Array(data.n));
    return labels;
  }

  /** Euclidean distances of every row to every centre (`n × nClusters`). */
  transform(X: Tabular): Matrix {
    const { data, centers, k } = this.prepare(X);
    const squared = centerDistances(data, centers, k);
    const out = new Matrix(data.n, k);
    for (let i = 0; i < data.n; i++) for (let c = 0; c < k; c++) out.set(i, c, Math.sqrt(squared[i * k + c]));
    return out;
  }

  /** Minus the inertia of `X` against the fitted centres (higher is better, as in scikit-learn). */
  score(X: Tabular): number {
    const { data, centers, k } = this.prepare(X);
    const distances = new Float64Array(data.n);
    assignLabels(data, centers, k, new Int32Array(data.n), distances);
    return -distances.reduce((a, b) => a + b, 0);
  }

  featureNamesOut(): string[] {
    return Array.from(
      { length: this.clusterCenters_?.nRows ?? this.params.nClusters },
      (_, c) => `kmeans${c}`,
    );
  }

  private prepare(X: Tabular): { data: RowMajor; centers: Float64Array; k: number } {
    this.checkFitted();
    const matrix = checkFinite(checkPredictInput(X, this.kind, this.nFeaturesIn_), this.kind);
    const k = this.clusterCenters_.nRows;
    return { data: toRowMajor(matrix), centers: toRowMajor(this.clusterCenters_).x, k };
  }

  /** Explicit initial centres, checked and centred like the data. */
  private explicitCenters(init: number[][], k: number, p: number, mean: Float64Array): Float64Array {
    const ok =
      init.length === k &&
      init.every((row) => Array.isArray(row) && row.length === p && row.every(Number.isFinite));
    if (!ok) {
      throw new MlError(
        'INVALID_PARAMETER',
        `The 'init' parameter of ${this.kind} must be ${k} rows of ${p} finite numbers (nClusters × nFeatures) when it is an array. Pass centres of that shape or 'k-means++'.`,
        { details: { kind: this.kind, parameter: 'init' } },
      );
    }
    const out = new Float64Array(k * p);
    for (let c = 0; c < k; c++) for (let j = 0; j < p; j++) out[c * p + j] = init[c][j] - mean[j];
    return out;
  }
}

/** `k` distinct random rows as initial centres (scikit-learn's init='random'). */
function randomRows(data: RowMajor, k: number, rng: Rng): Float64Array {
  const { x, n, p } = data;
  const rows = rng.permutation(n).subarray(0, k);
  const out = new Float64Array(k * p);
  rows.forEach((row, c) => {
    out.set(x.subarray(row * p, row * p + p), c * p);
  });
  return out;
}
