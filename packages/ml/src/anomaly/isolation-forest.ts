import { type FitOptions, throwIfAborted } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import { Rng } from '../core/rng';
import type { StateSchema } from '../core/state';
import {
  BaseDetector,
  CONTAMINATION_CONSTRAINTS,
  type Contamination,
  DETECTOR_STATE,
  type DetectorParams,
} from './base-detector';
import { averagePathLength, emptyTrees, growIsolationTree, pathLengthOf } from './isolation-tree';

export interface IsolationForestParams extends DetectorParams {
  nEstimators: number;
  /** Rows drawn (without replacement) per tree: 'auto' = min(256, n); a value ≤ 1 is a share of the rows. */
  maxSamples: 'auto' | number;
  contamination: Contamination;
  randomState: number;
}

/**
 * Isolation forest (Liu, Ting & Zhou 2008; scikit-learn's `IsolationForest`): random trees split random features at
 * random thresholds, and an anomaly — few and different — is isolated in few splits. Each tree sees `maxSamples`
 * rows and stops at depth ⌈log₂ maxSamples⌉; a row's isolation depth h is its leaf's depth plus c(rows in the leaf),
 * and
 *
 *   scoreSamples(x) = −2^(−mean over trees of h(x) / c(maxSamples))    (−1 most anomalous, about −0.5 normal)
 *
 * With contamination 'auto' the cut-off is −0.5, the paper's. Same `randomState` → same trees and scores.
 */
export class IsolationForest extends BaseDetector<IsolationForestParams> {
  static override readonly kind: string = 'IsolationForest';
  static override readonly paramConstraints: ParamConstraints = {
    nEstimators: [{ type: 'int', min: 1 }],
    maxSamples: [
      { type: 'options', values: ['auto'] },
      { type: 'float', min: 0, max: 1, closed: 'right' },
      { type: 'int', min: 2 },
    ],
    contamination: CONTAMINATION_CONSTRAINTS,
    randomState: [{ type: 'int' }],
  };
  static override readonly stateSchema: StateSchema = {
    ...DETECTOR_STATE,
    maxSamples_: 'number',
    roots_: 'int32',
    feature_: 'int32',
    threshold_: 'float64',
    left_: 'int32',
    right_: 'int32',
    pathLength_: 'float64',
  };

  /** The rows each tree was grown on. */
  declare maxSamples_: number;
  /** Index of each tree's root node in the node arrays. */
  declare roots_: Int32Array;
  declare feature_: Int32Array;
  declare threshold_: Float64Array;
  /** Child node indices; −1 marks a leaf. */
  declare left_: Int32Array;
  declare right_: Int32Array;
  /** For a leaf: its depth + c(rows in it). */
  declare pathLength_: Float64Array;

  constructor(params: Partial<IsolationForestParams> = {}) {
    super({ nEstimators: 100, maxSamples: 'auto', contamination: 'auto', randomState: 0 }, params);
  }

  protected autoOffset(): number {
    return -0.5;
  }

  protected override checkState(): void {
    super.checkState();
    const nNodes = this.feature_.length;
    this.expectState(this.roots_.length >= 1 && this.maxSamples_ >= 1, 'at least one tree');
    this.expectState(
      [this.threshold_, this.left_, this.right_, this.pathLength_].every((a) => a.length === nNodes),
      'node arrays of one length',
    );
    const inRange = (v: number) => v >= -1 && v < nNodes;
    this.expectState(
      this.left_.every(inRange) &&
        this.right_.every(inRange) &&
        this.roots_.every((r) => r >= 0 && r < nNodes),
      'node indices in range',
    );
    this.expectState(
      this.feature_.every((f, i) => this.left_[i] < 0 || (f >= 0 && f < this.nFeaturesIn_)),
      'split features in range',
    );
  }

  protected fitScores(X: Matrix, options: FitOptions): Float64Array {
    const { nEstimators, maxSamples, randomState } = this.params;
    const n = X.nRows;
    const size =
      maxSamples === 'auto'
        ? Math.min(256, n)
        : maxSamples <= 1
          ? Math.max(1, Math.floor(maxSamples * n))
          : maxSamples;
    this.maxSamples_ = Math.min(size, n);
    const maxDepth = Math.ceil(Math.log2(Math.max(this.maxSamples_, 2)));
    const rng = new Rng(randomState);
    const trees = emptyTrees();
    const all = new Int32Array(n);
    for (let t = 0; t < nEstimators; t++) {
      throwIfAborted(options.signal);
      // A partial Fisher–Yates shuffle draws maxSamples_ distinct rows.
      for (let i = 0; i < n; i++) all[i] = i;
      for (let i = 0; i < this.maxSamples_; i++) {
        const j = i + rng.nextInt(n - i);
        const tmp = all[i];
        all[i] = all[j];
        all[j] = tmp;
      }
      growIsolationTree(X, all.slice(0, this.maxSamples_), maxDepth, rng, trees);
      options.onProgress?.((0.9 * (t + 1)) / nEstimators, 'trees');
    }
    this.roots_ = Int32Array.from(trees.roots);
    this.feature_ = Int32Array.from(trees.feature);
    this.threshold_ = Float64Array.from(trees.threshold);
    this.left_ = Int32Array.from(trees.left);
    this.right_ = Int32Array.from(trees.right);
    this.pathLength_ = Float64Array.from(trees.pathLength);
    return this.scoreRows(X);
  }

  protected scoreRows(X: Matrix): Float64Array {
    const n = X.nRows;
    const depths = new Float64Array(n);
    for (const root of this.roots_) {
      for (let i = 0; i < n; i++) {
        depths[i] += pathLengthOf(
          X,
          i,
          root,
          this.feature_,
          this.threshold_,
          this.left_,
          this.right_,
          this.pathLength_,
        );
      }
    }
    // c(1) = 0, so a forest grown on a single row normalises as if by two.
    const norm = this.roots_.length * averagePathLength(Math.max(this.maxSamples_, 2));
    return depths.map((d) => -(2 ** (-d / norm)));
  }
}
