import { type FitOptions, throwIfAborted } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import { Rng } from '../core/rng';
import { type Criterion, impurity, statsSize, totalWeight } from './criterion';
import { findRandomSplit } from './random-splitter';
import { addRow, findBestSplit, type SplitContext } from './splitter';
import { GrowableTree, type TreeArrays } from './tree-arrays';

export interface TreeGrowth {
  criterion: Criterion;
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  maxFeatures: number;
  randomState: number;
  /** 'best' (default): exact search over every threshold; 'random': one random threshold per feature (extra trees). */
  splitter?: 'best' | 'random';
}

export interface TreeTarget {
  /** Classification: class index per row (and `nClasses`); regression: pass `target`. */
  classes?: Int32Array;
  nClasses?: number;
  target?: Float64Array;
  /** Per-row weight; rows of weight 0 (not drawn by a bootstrap) are left out of the tree entirely. */
  weight: Float64Array;
}

/** Impurity of a node: exact two-pass variance for regression (the Σy² form cancels badly), else from counts. */
function nodeImpurity(
  ctx: SplitContext,
  stats: Float64Array,
  samples: Int32Array,
  start: number,
  end: number,
): number {
  if (ctx.criterion !== 'squared_error') return impurity(ctx.criterion, stats, ctx.dim);
  const mean = stats[1] / stats[0];
  let sum = 0;
  for (let s = start; s < end; s++) {
    const row = samples[s];
    const d = ctx.target[row] - mean;
    sum += ctx.weight[row] * d * d;
  }
  return sum / stats[0];
}

/**
 * Grows a CART tree depth first (Breiman et al. 1984, as scikit-learn's `DepthFirstTreeBuilder`). Each node owns a
 * contiguous range of one index array, partitioned in place when the node splits:
 *
 *   samples = [ …left child rows… | …right child rows… ]   (node range [start, end))
 *
 * Only rows of non-zero weight enter `samples` (as scikit-learn's splitter), so a bootstrap sample is a weight
 * vector of draw counts and `minSamplesLeaf` counts distinct rows.
 */
export function buildTree(
  X: Matrix,
  y: TreeTarget,
  growth: TreeGrowth,
  options: FitOptions = {},
): TreeArrays {
  const { nRows: n, nCols: p } = X;
  const nClasses = y.nClasses ?? 0;
  const dim = statsSize(growth.criterion, nClasses);
  const nValues = growth.criterion === 'squared_error' ? 1 : nClasses;
  const ctx: SplitContext = {
    data: X.data,
    nRows: n,
    nFeatures: p,
    criterion: growth.criterion,
    dim,
    classes: y.classes ?? new Int32Array(0),
    target: y.target ?? new Float64Array(0),
    weight: y.weight,
    minSamplesLeaf: growth.minSamplesLeaf,
    maxFeatures: growth.maxFeatures,
    rng: new Rng(growth.randomState),
    values: new Float64Array(n),
    order: new Int32Array(n),
    features: Int32Array.from({ length: p }, (_, j) => j),
    prefix: new Float64Array(dim),
    missing: new Float64Array(dim),
    nonMissing: new Float64Array(dim),
    left: new Float64Array(dim),
    right: new Float64Array(dim),
  };
  let nActive = 0;
  for (let i = 0; i < n; i++) if (y.weight[i] !== 0) nActive++;
  const samples = new Int32Array(nActive);
  for (let i = 0, s = 0; i < n; i++) if (y.weight[i] !== 0) samples[s++] = i;
  const findSplit = growth.splitter === 'random' ? findRandomSplit : findBestSplit;
  const goesLeft = new Uint8Array(n);
  const scratch = new Int32Array(n);
  const stats = new Float64Array(dim);
  const grower = new GrowableTree(nValues);
  const stack = [{ start: 0, end: nActive, depth: 0, parent: -1, isLeft: false }];
  let rowsInLeaves = 0;

  while (stack.length > 0) {
    throwIfAborted(options.signal);
    const { start, end, depth, parent, isLeft } = stack.pop()!;
    const node = grower.addNode(parent, isLeft);
    stats.fill(0);
    for (let s = start; s < end; s++) addRow(ctx, stats, samples[s]);
    const t = grower.tree;
    const weight = totalWeight(growth.criterion, stats, dim);
    const nodeImp = nodeImpurity(ctx, stats, samples, start, end);
    t.impurity[node] = nodeImp;
    t.nNodeSamples[node] = end - start;
    t.weightedNodeSamples[node] = weight;
    if (growth.criterion === 'squared_error') t.value[node] = stats[1] / weight;
    else for (let k = 0; k < nClasses; k++) t.value[node * nValues + k] = stats[k] / weight;

    const count = end - start;
    const isLeaf =
      depth >= growth.maxDepth ||
      count < growth.minSamplesSplit ||
      count < 2 * growth.minSamplesLeaf ||
      nodeImp <= Number.EPSILON;
    const split = isLeaf ? null : findSplit(ctx, samples, start, end);
    if (split === null) {
      rowsInLeaves += count;
      options.onProgress?.(rowsInLeaves / nActive);
      continue;
    }
    t.feature[node] = split.feature;
    t.threshold[node] = split.threshold;
    t.missingGoesLeft[node] = split.missingGoesLeft ? 1 : 0;
    const mid = partition(X, samples, start, end, split, goesLeft, scratch);
    // Right first so the left child is popped (and numbered) first: depth-first, left-to-right order.
    stack.push({ start: mid, end, depth: depth + 1, parent: node, isLeft: false });
    stack.push({ start, end: mid, depth: depth + 1, parent: node, isLeft: true });
  }
  return grower.finish();
}

/** Stable in-place partition of `samples[start:end]` by the split; returns the first right index. */
function partition(
  X: Matrix,
  samples: Int32Array,
  start: number,
  end: number,
  split: { feature: number; threshold: number; missingGoesLeft: boolean },
  goesLeft: Uint8Array,
  scratch: Int32Array,
): number {
  const offset = split.feature * X.nRows;
  let nLeft = 0;
  for (let s = start; s < end; s++) {
    const x = X.data[offset + samples[s]];
    const left = Number.isNaN(x) ? split.missingGoesLeft : x <= split.threshold;
    goesLeft[s] = left ? 1 : 0;
    if (left) nLeft++;
  }
  let l = start;
  let r = start + nLeft;
  for (let s = start; s < end; s++) {
    if (goesLeft[s]) scratch[l++] = samples[s];
    else scratch[r++] = samples[s];
  }
  samples.set(scratch.subarray(start, end), start);
  return start + nLeft;
}
