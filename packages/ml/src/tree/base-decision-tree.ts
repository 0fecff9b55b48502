import { Estimator } from '../core/estimator';
import type { FitOptions } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { StateSchema } from '../core/state';
import { checkPredictInput } from '../core/validation';
import { buildTree, type TreeTarget } from './build-tree';
import type { Criterion } from './criterion';
import { featureImportances } from './feature-importances';
import { applyTree, type TreeArrays } from './tree-arrays';
import { resolveMaxFeatures, type TreeParams } from './tree-params';

/** The fitted-tree state shared by both trees (see `tree-arrays.ts` for the layout). */
export const TREE_STATE: StateSchema = {
  nodeCount_: 'number',
  feature_: 'int32',
  threshold_: 'float64',
  left_: 'int32',
  right_: 'int32',
  missingGoesLeft_: 'uint8',
  value_: 'float64',
  impurity_: 'float64',
  nNodeSamples_: 'int32',
  featureImportances_: 'float64',
  nFeaturesIn_: 'number',
};

/** Growing, storing and walking a tree; the classifier and regressor add targets and outputs. */
export abstract class BaseDecisionTree<P extends TreeParams & { criterion: Criterion }> extends Estimator<P> {
  declare nodeCount_: number;
  declare feature_: Int32Array;
  declare threshold_: Float64Array;
  declare left_: Int32Array;
  declare right_: Int32Array;
  declare missingGoesLeft_: Uint8Array;
  /** nodeCount_ × nValues, node-major: class proportions (classifier) or means (regressor). */
  declare value_: Float64Array;
  declare impurity_: Float64Array;
  declare nNodeSamples_: Int32Array;
  declare featureImportances_: Float64Array;
  declare nFeaturesIn_: number;

  /** Number of values stored per node (classes for a classifier, 1 for a regressor). */
  protected abstract get nValues(): number;

  /**
   * A loaded tree must be walkable: children come after their parent (depth-first order), so every walk from the
   * root moves forward and ends in a leaf; split features exist; every array has one slot per node.
   */
  protected override checkState(): void {
    const n = this.nodeCount_;
    const sized = [
      this.feature_,
      this.threshold_,
      this.left_,
      this.right_,
      this.missingGoesLeft_,
      this.impurity_,
      this.nNodeSamples_,
    ];
    this.expectState(n >= 1 && sized.every((a) => a.length === n), 'one slot per node');
    this.expectState(this.value_.length === n * this.nValues, 'value_ has nodeCount × nValues entries');
    this.expectState(this.featureImportances_.length === this.nFeaturesIn_, 'one importance per feature');
    for (let node = 0; node < n; node++) {
      const f = this.feature_[node];
      const ok =
        f < 0
          ? this.left_[node] === -1 && this.right_[node] === -1
          : f < this.nFeaturesIn_ &&
            this.left_[node] > node &&
            this.left_[node] < n &&
            this.right_[node] > node &&
            this.right_[node] < n;
      this.expectState(ok, `node ${node} has a bad feature or children`);
    }
  }

  protected grow(X: Matrix, target: TreeTarget, options: FitOptions): void {
    const { maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, randomState, criterion } = this.params;
    const tree: TreeArrays = buildTree(
      X,
      target,
      {
        criterion,
        maxDepth: maxDepth ?? Number.POSITIVE_INFINITY,
        minSamplesSplit,
        minSamplesLeaf,
        maxFeatures: resolveMaxFeatures(maxFeatures, X.nCols),
        randomState,
      },
      options,
    );
    this.nodeCount_ = tree.nodeCount;
    this.feature_ = tree.feature;
    this.threshold_ = tree.threshold;
    this.left_ = tree.left;
    this.right_ = tree.right;
    this.missingGoesLeft_ = tree.missingGoesLeft;
    this.value_ = tree.value;
    this.impurity_ = tree.impurity;
    this.nNodeSamples_ = tree.nNodeSamples;
    this.featureImportances_ = featureImportances(tree, X.nCols);
    this.nFeaturesIn_ = X.nCols;
  }

  /** The leaf node id each row lands in (missing values follow the learned direction). */
  apply(X: Matrix): Int32Array {
    this.checkFitted();
    return applyTree(
      {
        feature: this.feature_,
        threshold: this.threshold_,
        left: this.left_,
        right: this.right_,
        missingGoesLeft: this.missingGoesLeft_,
      },
      checkPredictInput(X, this.kind, this.nFeaturesIn_),
    );
  }

  /** The depth of the deepest leaf (the root alone has depth 0). */
  getDepth(): number {
    this.checkFitted();
    const depth = new Int32Array(this.nodeCount_);
    let max = 0;
    for (let node = 0; node < this.nodeCount_; node++) {
      // Children always come after their parent in depth-first order.
      if (this.left_[node] >= 0) depth[this.left_[node]] = depth[node] + 1;
      if (this.right_[node] >= 0) depth[this.right_[node]] = depth[node] + 1;
      max = Math.max(max, depth[node]);
    }
    return max;
  }
}
