import type { Matrix } from '../core/matrix';
import type { Rng } from '../core/rng';

const EULER_GAMMA = 0.5772156649015329;

/**
 * c(n), the average path length of an unsuccessful search in a binary search tree of n points (Liu et al. 2008):
 * the expected depth a point would still need to be isolated in a leaf that holds n training rows.
 *
 *   c(n) = 2·H(n − 1) − 2(n − 1)/n with H(i) ≈ ln(i) + γ;  c(1) = 0, c(2) = 1
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

/**
 * Isolation trees stored flat, all trees in the same arrays (so they save as a few typed arrays). Node `i` splits on
 * `feature[i]` at `threshold[i]` (`x <= threshold` goes to `left[i]`); a leaf has `left[i] = -1` and
 * `pathLength[i] = depth + c(rows in the leaf)`, the isolation depth every row reaching it gets.
 */
export interface IsolationTrees {
  roots: number[];
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  pathLength: number[];
}

export function emptyTrees(): IsolationTrees {
  return { roots: [], feature: [], threshold: [], left: [], right: [], pathLength: [] };
}

/**
 * Grows one isolation tree on `rows` of X (scikit-learn's `ExtraTreeRegressor` with `max_features=1`, as
 * `IsolationForest` uses it): at each node a random feature that is not constant in the node, a threshold uniform
 * between its minimum and maximum there, until a node has one row, only constant features, or `maxDepth`.
 */
export function growIsolationTree(
  X: Matrix,
  rows: Int32Array,
  maxDepth: number,
  rng: Rng,
  out: IsolationTrees,
): void {
  const { nRows, nCols, data } = X;
  out.roots.push(out.feature.length);
  const candidates = new Int32Array(nCols);
  // Stack of [node, start, end, depth]; rows[start:end] are the node's rows.
  const stack: number[][] = [[newNode(out), 0, rows.length, 0]];
  while (stack.length > 0) {
    const [node, start, end, depth] = stack.pop() as number[];
    const n = end - start;
    let split = -1;
    let lo = 0;
    let hi = 0;
    if (depth < maxDepth && n > 1) {
      // Draw features without replacement until one varies in the node (constant ones cannot split).
      for (let j = 0; j < nCols; j++) candidates[j] = j;
      for (let remaining = nCols; remaining > 0 && split < 0; remaining--) {
        const pick = rng.nextInt(remaining);
        const j = candidates[pick];
        candidates[pick] = candidates[remaining - 1];
        lo = Number.POSITIVE_INFINITY;
        hi = Number.NEGATIVE_INFINITY;
        for (let r = start; r < end; r++) {
          const v = data[j * nRows + rows[r]];
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        if (hi > lo) split = j;
      }
    }
    if (split < 0) {
      out.pathLength[node] = depth + averagePathLength(n);
      continue;
    }
    let threshold = lo + rng.nextFloat() * (hi - lo);
    if (threshold >= hi) threshold = lo;
    // Partition rows[start:end] into x <= threshold, then x > threshold.
    let mid = start;
    for (let r = start; r < end; r++) {
      if (data[split * nRows + rows[r]] <= threshold) {
        const tmp = rows[mid];
        rows[mid] = rows[r];
        rows[r] = tmp;
        mid++;
      }
    }
    const left = newNode(out);
    const right = newNode(out);
    out.feature[node] = split;
    out.threshold[node] = threshold;
    out.left[node] = left;
    out.right[node] = right;
    stack.push([right, mid, end, depth + 1], [left, start, mid, depth + 1]);
  }
}

function newNode(out: IsolationTrees): number {
  const id = out.feature.length;
  out.feature.push(-1);
  out.threshold.push(0);
  out.left.push(-1);
  out.right.push(-1);
  out.pathLength.push(0);
  return id;
}

/** The isolation depth of row `i` of X in the tree rooted at `root` (the `pathLength` of the leaf it reaches). */
export function pathLengthOf(
  X: Matrix,
  i: number,
  root: number,
  feature: Int32Array,
  threshold: Float64Array,
  left: Int32Array,
  right: Int32Array,
  pathLength: Float64Array,
): number {
  let node = root;
  while (left[node] >= 0) {
    node = X.data[feature[node] * X.nRows + i] <= threshold[node] ? left[node] : right[node];
  }
  return pathLength[node];
}
