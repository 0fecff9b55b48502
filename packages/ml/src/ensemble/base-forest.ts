import { MlError } from '../core/errors';
import { Estimator } from '../core/estimator';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { StateSchema } from '../core/state';
import { checkFitInput, checkPredictInput } from '../core/validation';
import type { TreeTarget } from '../tree/build-tree';
import type { Criterion } from '../tree/criterion';
import { resolveMaxFeatures } from '../tree/tree-params';
import { type ForestArrays, forestArraysProblem, forestMean, leafOf, packTrees } from './forest-arrays';
import { bootstrapSize, type ForestParams } from './forest-params';
import { type ForestTree, type ForestTreeSpec, fitForestTree, treeSeeds } from './forest-tree';

/**
 * The trees `start … end−1` of a forest with their out-of-bag sums: plain typed arrays, so a worker thread can fit a
 * batch and post it back, and `mergeTrees` can assemble the batches into the same forest `fit` would grow.
 */
export interface ForestBatch {
  start: number;
  end: number;
  trees: ForestTree[];
  /** With `oobScore`: per row, the sum of the values of the trees that did not draw it (n × nValues, column-major). */
  oobSum: Float64Array | null;
  /** With `oobScore`: per row, how many trees did not draw it. */
  oobCount: Int32Array | null;
}

/** A checked target, ready for the tree builder. */
export interface EncodedForestTarget {
  tree: TreeTarget;
  nValues: number;
  balancedSubsample: boolean;
  /** Classifier: the class names, in `tree.classes` index order. */
  classes?: string[];
}

/** Out-of-bag sums of the whole forest. */
export interface OobSums {
  sum: Float64Array;
  count: Int32Array;
}

export const FOREST_STATE: StateSchema = {
  nodeOffset_: 'int32',
  feature_: 'int32',
  threshold_: 'float64',
  left_: 'int32',
  right_: 'int32',
  missingGoesLeft_: 'uint8',
  value_: 'float64',
  featureImportances_: 'float64',
  nFeaturesIn_: 'number',
  oobScore_: 'number?',
};

/**
 * Bagged trees (Breiman 2001, "Random Forests"; as scikit-learn's `BaseForest`). The trees are independent: tree t
 * is grown from its own seed (the t-th draw from `randomState`), so `fitTrees` can fit any range of them, in any
 * process, and `mergeTrees` assembles the batches. `fit` does both on one thread. The fitted trees are stored in
 * flat arrays (see `forest-arrays.ts`).
 */
export abstract class BaseForest<P extends ForestParams & { criterion: Criterion }, Y> extends Estimator<P> {
  declare nodeOffset_: Int32Array;
  declare feature_: Int32Array;
  declare threshold_: Float64Array;
  declare left_: Int32Array;
  declare right_: Int32Array;
  declare missingGoesLeft_: Uint8Array;
  declare value_: Float64Array;
  /** Mean of the trees' impurity-based importances (trees that are a single leaf left out), summing to 1. */
  declare featureImportances_: Float64Array;
  declare nFeaturesIn_: number;
  /** With `oobScore`: accuracy (classifier) or R² (regressor) of the out-of-bag predictions; null otherwise. */
  declare oobScore_: number | null;

  /** 'best' (random forest: exact thresholds) or 'random' (extra trees: one random threshold per feature). */
  protected abstract get splitter(): 'best' | 'random';
  /** Values per node: classes for a classifier, 1 for a regressor. */
  protected abstract get nValues(): number;
  protected abstract encodeTarget(y: Y, nRows: number): EncodedForestTarget;
  /** Sets the target-dependent state (classes, out-of-bag predictions and score). */
  protected abstract finish(encoded: EncodedForestTarget, oob: OobSums | null): void;

  /** Number of fitted trees. */
  get nTrees(): number {
    this.checkFitted();
    return this.nodeOffset_.length - 1;
  }

  protected override checkState(): void {
    const problem = forestArraysProblem(this.arrays(), this.nValues, this.nFeaturesIn_);
    this.expectState(problem === null, problem ?? '');
    this.expectState(this.featureImportances_.length === this.nFeaturesIn_, 'one importance per feature');
  }

  protected arrays(): ForestArrays {
    return {
      nodeOffset: this.nodeOffset_,
      feature: this.feature_,
      threshold: this.threshold_,
      left: this.left_,
      right: this.right_,
      missingGoesLeft: this.missingGoesLeft_,
      value: this.value_,
    };
  }

  /** The mean over trees of the leaf values (n × nValues, column-major). */
  protected meanValues(X: Matrix): Float64Array {
    this.checkFitted();
    const matrix = checkPredictInput(X, this.kind, this.nFeaturesIn_);
    return forestMean(this.arrays(), this.nValues, matrix);
  }

  protected fitForest(X: Matrix, y: Y, options: FitOptions): this {
    const batch = this.fitTrees(X, y, 0, this.params.nEstimators, options);
    return this.mergeTrees(X, y, [batch], options);
  }

  /**
   * Fits trees `start … end−1` of the forest (as `fit` would) and returns them without changing the estimator.
   * Progress is reported per tree; the signal is checked per tree and per node.
   */
  fitTrees(X: Matrix, y: Y, start = 0, end = this.params.nEstimators, options: FitOptions = {}): ForestBatch {
    this.validateParams();
    const matrix = checkFitInput(X, this.kind);
    const encoded = this.encodeTarget(y, matrix.nRows);
    const spec = this.treeSpec(matrix, encoded);
    const { nEstimators, randomState, oobScore } = this.params;
    if (
      !(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= nEstimators)
    ) {
      throw new MlError(
        'INVALID_PARAMETER',
        `${this.kind}.fitTrees needs 0 <= start <= end <= nEstimators (${nEstimators}); got ${start} and ${end}.`,
      );
    }
    const seeds = treeSeeds(randomState, nEstimators);
    const n = matrix.nRows;
    const oobSum = oobScore ? new Float64Array(n * encoded.nValues) : null;
    const oobCount = oobScore ? new Int32Array(n) : null;
    const trees: ForestTree[] = [];
    for (let t = start; t < end; t++) {
      throwIfAborted(options.signal);
      const { tree, counts } = fitForestTree(matrix, encoded.tree, spec, seeds[t], options.signal);
      trees.push(tree);
      if (oobSum && oobCount && counts) addOutOfBag(tree, counts, matrix, encoded.nValues, oobSum, oobCount);
      options.onProgress?.((t - start + 1) / (end - start), `tree ${t + 1} of ${nEstimators}`);
    }
    return { start, end, trees, oobSum, oobCount };
  }

  /** Assembles batches covering trees 0 … nEstimators−1 (from `fitTrees`, in any order) into the fitted forest. */
  mergeTrees(X: Matrix, y: Y, batches: readonly ForestBatch[], options: FitOptions = {}): this {
    this.validateParams();
    const matrix = checkFitInput(X, this.kind);
    const encoded = this.encodeTarget(y, matrix.nRows);
    const sorted = [...batches].sort((a, b) => a.start - b.start);
    let next = 0;
    for (const batch of sorted) {
      if (batch.start !== next || batch.trees.length !== batch.end - batch.start) break;
      next = batch.end;
    }
    if (
      next !== this.params.nEstimators ||
      sorted.some((b) => b.trees.some((t) => t.importances.length !== matrix.nCols))
    ) {
      throw new MlError(
        'SHAPE_MISMATCH',
        `${this.kind}.mergeTrees needs batches from fitTrees on this data covering trees 0 to ${this.params.nEstimators - 1} exactly once.`,
      );
    }
    const oob = this.params.oobScore ? sumOutOfBag(sorted, matrix.nRows * encoded.nValues) : null;
    const trees = sorted.flatMap((batch) => batch.trees);
    const arrays = packTrees(trees, encoded.nValues);
    this.nodeOffset_ = arrays.nodeOffset;
    this.feature_ = arrays.feature;
    this.threshold_ = arrays.threshold;
    this.left_ = arrays.left;
    this.right_ = arrays.right;
    this.missingGoesLeft_ = arrays.missingGoesLeft;
    this.value_ = arrays.value;
    this.featureImportances_ = meanImportances(trees, matrix.nCols);
    this.nFeaturesIn_ = matrix.nCols;
    this.finish(encoded, oob);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  private treeSpec(X: Matrix, encoded: EncodedForestTarget): ForestTreeSpec {
    const { bootstrap, maxSamples, oobScore, criterion, maxDepth } = this.params;
    const fix = (message: string) => {
      throw new MlError('INVALID_PARAMETER', `${this.kind}: ${message}`, { details: { kind: this.kind } });
    };
    if (!bootstrap && maxSamples !== null)
      fix('maxSamples only applies with bootstrap: true. Set it to null.');
    if (!bootstrap && oobScore) fix('oobScore needs bootstrap: true (without it no row is out of bag).');
    const nBootstrap = bootstrap ? bootstrapSize(maxSamples, X.nRows) : null;
    if (nBootstrap !== null && nBootstrap > X.nRows) {
      fix(`maxSamples (${maxSamples}) is more than the ${X.nRows} rows. Lower it or pass a fraction.`);
    }
    return {
      growth: {
        criterion,
        maxDepth: maxDepth ?? Number.POSITIVE_INFINITY,
        minSamplesSplit: this.params.minSamplesSplit,
        minSamplesLeaf: this.params.minSamplesLeaf,
        maxFeatures: resolveMaxFeatures(this.params.maxFeatures, X.nCols),
        splitter: this.splitter,
      },
      nBootstrap,
      balancedSubsample: encoded.balancedSubsample && bootstrap,
    };
  }
}

/** Adds a tree's values to the out-of-bag sums of the rows it did not draw. */
function addOutOfBag(
  tree: ForestTree,
  counts: Float64Array,
  X: Matrix,
  nValues: number,
  sum: Float64Array,
  count: Int32Array,
): void {
  const n = X.nRows;
  for (let i = 0; i < n; i++) {
    if (counts[i] !== 0) continue;
    const at = leafOf(tree, 0, X, i) * nValues;
    for (let k = 0; k < nValues; k++) sum[k * n + i] += tree.value[at + k];
    count[i]++;
  }
}

function sumOutOfBag(batches: readonly ForestBatch[], size: number): OobSums {
  const sum = new Float64Array(size);
  const count = new Int32Array(batches[0]?.oobCount?.length ?? 0);
  for (const batch of batches) {
    if (batch.oobSum === null || batch.oobCount === null || batch.oobSum.length !== size) {
      throw new MlError(
        'SHAPE_MISMATCH',
        'A batch has no out-of-bag sums: fit every batch with oobScore: true on the same data.',
      );
    }
    for (let k = 0; k < size; k++) sum[k] += batch.oobSum[k];
    for (let i = 0; i < count.length; i++) count[i] += batch.oobCount[i];
  }
  return { sum, count };
}

/** scikit-learn's forest `feature_importances_`: the mean over non-trivial trees, renormalised. */
function meanImportances(trees: readonly ForestTree[], nFeatures: number): Float64Array {
  const out = new Float64Array(nFeatures);
  for (const tree of trees) {
    if (tree.nodeCount <= 1) continue;
    for (let j = 0; j < nFeatures; j++) out[j] += tree.importances[j];
  }
  const total = out.reduce((a, b) => a + b, 0);
  if (total > 0) for (let j = 0; j < nFeatures; j++) out[j] /= total;
  return out;
}
