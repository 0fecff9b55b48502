import { MlError } from '../core/errors';
import { pairwiseSum } from '../core/pairwise-sum';
import { validateParams } from '../core/params';
import { Rng } from '../core/rng';
import type { ClassTarget } from '../core/roles';
import { type Fold, foldsFromAssignment } from './fold';
import { encodeGroups, type Groups } from './groups';
import { K_FOLD_CONSTRAINTS, type KFoldOptions } from './k-fold';

/** NumPy's `np.std` of a short vector (population, ddof 0), summed as NumPy sums it. */
function std(values: Float64Array): number {
  const mean = pairwiseSum(values) / values.length;
  const squares = values.map((v) => (v - mean) * (v - mean));
  return Math.sqrt(pairwiseSum(squares) / values.length);
}

/** NumPy's `isclose(a, b)` with its default tolerances (rtol 1e-5, atol 1e-8). */
function isClose(a: number, b: number): boolean {
  if (!Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= 1e-8 + 1e-5 * Math.abs(b);
}

/**
 * K folds that never split a group and keep class proportions as well as the groups allow (scikit-learn's
 * `StratifiedGroupKFold`, same folds without shuffling): groups with the most uneven class mix go first, each to the
 * fold that leaves the per-class spread of fold shares smallest, ties going to the fold with fewer rows.
 *
 * With `shuffle`, groups of equally uneven class mix are taken in a seeded random order. (scikit-learn 1.2 shuffles
 * the per-group class counts instead, which detaches them from their groups; this shuffles the groups.)
 */
export class StratifiedGroupKFold {
  readonly options: KFoldOptions;

  constructor(options: Partial<KFoldOptions> = {}) {
    this.options = { nSplits: 5, shuffle: false, randomState: 0, ...options };
  }

  split(nRows: number, y?: ClassTarget, groups?: Groups): Fold[] {
    validateParams('StratifiedGroupKFold', this.options, K_FOLD_CONSTRAINTS);
    const { nSplits, shuffle, randomState } = this.options;
    if (y === undefined || groups === undefined) {
      throw new MlError('INVALID_PARAMETER', 'StratifiedGroupKFold needs y and groups: pass both to split.');
    }
    const classes = encodeGroups(y, nRows, 'StratifiedGroupKFold');
    const { inverse, nGroups } = encodeGroups(groups, nRows, 'StratifiedGroupKFold');
    const K = classes.nGroups;
    const classCounts = new Float64Array(K);
    for (const c of classes.inverse) classCounts[c]++;
    if (classCounts.every((count) => count < nSplits)) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `StratifiedGroupKFold cannot make ${nSplits} folds: every class has fewer rows. Lower nSplits.`,
      );
    }
    // countsPerGroup[g * K + c]: rows of class c in group g.
    const countsPerGroup = new Float64Array(nGroups * K);
    for (let i = 0; i < nRows; i++) countsPerGroup[inverse[i] * K + classes.inverse[i]]++;
    const order = shuffle
      ? new Rng(randomState).permutation(nGroups)
      : Int32Array.from({ length: nGroups }, (_, g) => g);
    const spread = Float64Array.from({ length: nGroups }, (_, g) =>
      std(countsPerGroup.subarray(g * K, (g + 1) * K)),
    );
    const sorted = Array.from(order).sort((a, b) => spread[b] - spread[a]); // stable, like kind='mergesort'
    const countsPerFold = new Float64Array(nSplits * K);
    const groupFold = new Int32Array(nGroups);
    for (const g of sorted) {
      const best = bestFold(countsPerFold, countsPerGroup.subarray(g * K, (g + 1) * K), classCounts, nSplits);
      for (let c = 0; c < K; c++) countsPerFold[best * K + c] += countsPerGroup[g * K + c];
      groupFold[g] = best;
    }
    return foldsFromAssignment(
      Int32Array.from(inverse, (g) => groupFold[g]),
      nSplits,
    );
  }
}

/** scikit-learn's `_find_best_fold`: the fold whose tentative counts give the smallest mean per-class spread. */
function bestFold(
  countsPerFold: Float64Array,
  groupCounts: Float64Array,
  classCounts: Float64Array,
  nSplits: number,
): number {
  const K = classCounts.length;
  let best = -1;
  let minEval = Number.POSITIVE_INFINITY;
  let minRows = Number.POSITIVE_INFINITY;
  const column = new Float64Array(nSplits);
  const stdPerClass = new Float64Array(K);
  for (let f = 0; f < nSplits; f++) {
    for (let c = 0; c < K; c++) {
      for (let i = 0; i < nSplits; i++) {
        const count = countsPerFold[i * K + c] + (i === f ? groupCounts[c] : 0);
        column[i] = count / classCounts[c];
      }
      // np.std over axis 0 adds the folds one after another (a strided reduction, not pairwise).
      let sum = 0;
      for (let i = 0; i < nSplits; i++) sum += column[i];
      const mean = sum / nSplits;
      let squares = 0;
      for (let i = 0; i < nSplits; i++) squares += (column[i] - mean) * (column[i] - mean);
      stdPerClass[c] = Math.sqrt(squares / nSplits);
    }
    const evaluation = pairwiseSum(stdPerClass) / K;
    const rows = pairwiseSum(countsPerFold.subarray(f * K, (f + 1) * K));
    if (evaluation < minEval || (isClose(evaluation, minEval) && rows < minRows)) {
      minEval = evaluation;
      minRows = rows;
      best = f;
    }
  }
  return best;
}
