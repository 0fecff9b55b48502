import { MlError } from '../core/errors';
import { type ParamConstraints, validateParams } from '../core/params';
import type { Target } from '../core/roles';
import { type Fold, foldsFromAssignment } from './fold';
import { encodeGroups, type Groups } from './groups';
import { numpyArgsort } from './numpy-argsort';

export interface GroupKFoldOptions {
  nSplits: number;
}

const CONSTRAINTS: ParamConstraints = {
  nSplits: [{ type: 'int', min: 2, max: Number.POSITIVE_INFINITY, closed: 'left' }],
};

/**
 * K folds that never split a group (scikit-learn's `GroupKFold`, same folds): groups are taken from the largest to
 * the smallest and each goes to the fold with the fewest rows so far (the first such fold on ties), which balances
 * the folds' sizes. There is no shuffling: the assignment depends only on the group sizes.
 */
export class GroupKFold {
  readonly options: GroupKFoldOptions;

  constructor(options: Partial<GroupKFoldOptions> = {}) {
    this.options = { nSplits: 5, ...options };
  }

  split(nRows: number, _y?: Target, groups?: Groups): Fold[] {
    validateParams('GroupKFold', this.options, CONSTRAINTS);
    const { nSplits } = this.options;
    if (groups === undefined) {
      throw new MlError('INVALID_PARAMETER', 'GroupKFold needs groups: pass one group per row to split.');
    }
    const { inverse, nGroups } = encodeGroups(groups, nRows, 'GroupKFold');
    if (nSplits > nGroups) {
      throw new MlError(
        'TOO_FEW_ROWS',
        `GroupKFold cannot make ${nSplits} folds of ${nGroups} groups. Lower nSplits or add groups.`,
      );
    }
    const sizes = new Float64Array(nGroups);
    for (const g of inverse) sizes[g]++;
    // np.argsort(sizes)[::-1]: largest first, ties in the order NumPy's unstable sort leaves them, reversed.
    const order = numpyArgsort(sizes).reverse();
    const foldRows = new Float64Array(nSplits);
    const groupFold = new Int32Array(nGroups);
    for (const g of order) {
      let lightest = 0;
      for (let f = 1; f < nSplits; f++) if (foldRows[f] < foldRows[lightest]) lightest = f;
      foldRows[lightest] += sizes[g];
      groupFold[g] = lightest;
    }
    return foldsFromAssignment(
      Int32Array.from(inverse, (g) => groupFold[g]),
      nSplits,
    );
  }
}
