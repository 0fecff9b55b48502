import type { AbortSignalLike } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import { Rng } from '../core/rng';
import { buildTree, type TreeGrowth, type TreeTarget } from '../tree/build-tree';
import { featureImportances } from '../tree/feature-importances';

/**
 * One fitted tree of a forest, as plain typed arrays so it can cross a worker boundary (`postMessage`) or be
 * saved as JSON. Nodes are in depth-first order with tree-local child ids (see `tree/tree-arrays.ts`).
 */
export interface ForestTree {
  nodeCount: number;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  missingGoesLeft: Uint8Array;
  /** nodeCount × nValues, node-major: class proportions (classifier) or means (regressor). */
  value: Float64Array;
  /** Impurity-based importances of this tree, summing to 1 (all 0 for a tree that is a single leaf). */
  importances: Float64Array;
}

/** What every tree of one forest shares. */
export interface ForestTreeSpec {
  growth: Omit<TreeGrowth, 'randomState'>;
  /** Rows drawn with replacement per tree, or null to fit every tree on all rows. */
  nBootstrap: number | null;
  /** Reweight classes on each tree's bootstrap sample (`classWeight: 'balanced_subsample'`). */
  balancedSubsample: boolean;
}

/**
 * Per-tree seeds from the forest's `randomState`: tree t always gets the t-th draw, so any range of trees can be
 * fitted separately (e.g. in worker threads) and the forest is the same as when fitted in one go.
 */
export function treeSeeds(randomState: number, nEstimators: number): Uint32Array {
  const rng = new Rng(randomState);
  const seeds = new Uint32Array(nEstimators);
  for (let t = 0; t < nEstimators; t++) seeds[t] = rng.nextUint32();
  return seeds;
}

/** Draw counts of a bootstrap sample of `size` rows out of `nRows` (scikit-learn's `_generate_sample_indices`). */
function bootstrapCounts(rng: Rng, nRows: number, size: number): Float64Array {
  const counts = new Float64Array(nRows);
  for (let d = 0; d < size; d++) counts[rng.nextInt(nRows)]++;
  return counts;
}

/**
 * 'balanced_subsample': each class weighs n_drawn / (k_drawn · n_drawn_c) on this tree's sample, as scikit-learn's
 * `compute_sample_weight('balanced', y, indices=...)` (draws counted with their multiplicity).
 */
function balanceOnSample(weight: Float64Array, classes: Int32Array, nClasses: number): void {
  const drawn = new Float64Array(nClasses);
  let total = 0;
  for (let i = 0; i < classes.length; i++) {
    drawn[classes[i]] += weight[i];
    total += weight[i];
  }
  const present = drawn.filter((c) => c > 0).length;
  for (let i = 0; i < classes.length; i++) {
    if (weight[i] > 0) weight[i] *= total / (present * drawn[classes[i]]);
  }
}

/**
 * Fits tree number `seed`'s tree: draws its bootstrap sample (row weights = draw counts × class weights), grows it
 * and returns it with the draw counts (rows drawn 0 times are the tree's out-of-bag rows; null without bootstrap).
 */
export function fitForestTree(
  X: Matrix,
  y: TreeTarget,
  spec: ForestTreeSpec,
  seed: number,
  signal?: AbortSignalLike,
): { tree: ForestTree; counts: Float64Array | null } {
  const rng = new Rng(seed);
  let weight = y.weight;
  let counts: Float64Array | null = null;
  if (spec.nBootstrap !== null) {
    counts = bootstrapCounts(rng, X.nRows, spec.nBootstrap);
    weight = Float64Array.from(counts, (c, i) => c * y.weight[i]);
    if (spec.balancedSubsample && y.classes) balanceOnSample(weight, y.classes, y.nClasses ?? 0);
  }
  const grown = buildTree(X, { ...y, weight }, { ...spec.growth, randomState: rng.nextUint32() }, { signal });
  const tree: ForestTree = {
    nodeCount: grown.nodeCount,
    feature: grown.feature,
    threshold: grown.threshold,
    left: grown.left,
    right: grown.right,
    missingGoesLeft: grown.missingGoesLeft,
    value: grown.value,
    importances: featureImportances(grown, X.nCols),
  };
  return { tree, counts };
}
