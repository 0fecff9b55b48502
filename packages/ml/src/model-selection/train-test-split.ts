import { MlError } from '../core/errors';
import { isLabels, type Labels } from '../core/labels';
import { validateParams } from '../core/params';
import { Rng } from '../core/rng';
import type { Fold } from './fold';
import { encodeGroups, type Groups } from './groups';

export interface TrainTestSplitOptions {
  /** Fraction of rows in the test set, in (0, 1); the test set gets ⌈testSize · n⌉ rows. */
  testSize?: number;
  /** Class per row: keep each class's proportion on both sides. */
  stratify?: Int32Array | Labels;
  /**
   * Group per row: a grouped holdout keeps every group on one side (scikit-learn's `GroupShuffleSplit`);
   * `testSize` is then the fraction of groups in the test set, ⌈testSize · nGroups⌉. Not combinable with
   * `stratify`.
   */
  groups?: Groups;
  randomState?: number;
}

function sorted(values: number[]): Int32Array {
  return Int32Array.from(values).sort();
}

/**
 * Splits rows 0..nRows-1 into train and test index sets, shuffled by a seeded RNG and returned sorted. Stratified,
 * each class gets its share of the test set by largest remainders, then is clamped so every class with at least
 * two rows has at least one row on each side (a class with one row stays in train).
 */
export function trainTestSplit(nRows: number, options: TrainTestSplitOptions = {}): Fold {
  const { testSize = 0.25, stratify, groups, randomState = 0 } = options;
  validateParams(
    'trainTestSplit',
    { testSize, randomState },
    {
      testSize: [{ type: 'float', min: 0, max: 1, closed: 'neither' }],
      randomState: [{ type: 'int', min: 0, max: 4294967295 }],
    },
  );
  if (groups !== undefined) {
    if (stratify !== undefined) {
      throw new MlError(
        'INVALID_PARAMETER',
        'trainTestSplit cannot both stratify and keep groups together. Pass stratify or groups, not both.',
      );
    }
    return groupedSplit(nRows, groups, testSize, randomState);
  }
  const nTest = Math.ceil(testSize * nRows);
  if (nTest < 1 || nRows - nTest < 1) {
    throw new MlError(
      'TOO_FEW_ROWS',
      `Cannot split ${nRows} rows with testSize ${testSize} and keep a row on each side. Add rows or change testSize.`,
    );
  }
  const rng = new Rng(randomState);
  if (stratify === undefined) {
    const order = rng.permutation(nRows);
    return { train: order.slice(nTest).sort(), test: order.slice(0, nTest).sort() };
  }
  const codes = isLabels(stratify) ? stratify.codes : stratify;
  if (codes.length !== nRows) {
    throw new MlError(
      'SHAPE_MISMATCH',
      `stratify has ${codes.length} values for ${nRows} rows. Pass one class per row.`,
    );
  }
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < nRows; i++) {
    const members = byClass.get(codes[i]);
    if (members) members.push(i);
    else byClass.set(codes[i], [i]);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const quota = classes.map((c) => (byClass.get(c)!.length * nTest) / nRows);
  const take = quota.map(Math.floor);
  let left = nTest - take.reduce((a, b) => a + b, 0);
  const byRemainder = classes
    .map((_, k) => k)
    .sort((a, b) => quota[b] - take[b] - (quota[a] - take[a]) || a - b);
  for (const k of byRemainder) {
    if (left <= 0) break;
    take[k]++;
    left--;
  }
  const train: number[] = [];
  const test: number[] = [];
  classes.forEach((c, k) => {
    const members = Int32Array.from(byClass.get(c)!);
    rng.shuffle(members);
    const size = members.length;
    const t = size < 2 ? 0 : Math.min(size - 1, Math.max(1, take[k]));
    for (let r = 0; r < size; r++) (r < t ? test : train).push(members[r]);
  });
  return { train: sorted(train), test: sorted(test) };
}

/** A grouped holdout: the groups are shuffled and the first ⌈testSize · nGroups⌉ go to the test set. */
function groupedSplit(nRows: number, groups: Groups, testSize: number, randomState: number): Fold {
  const { inverse, nGroups } = encodeGroups(groups, nRows, 'trainTestSplit');
  const nTestGroups = Math.ceil(testSize * nGroups);
  if (nTestGroups < 1 || nGroups - nTestGroups < 1) {
    throw new MlError(
      'TOO_FEW_ROWS',
      `Cannot split ${nGroups} groups with testSize ${testSize} and keep a group on each side. Add groups or change testSize.`,
    );
  }
  const inTest = new Uint8Array(nGroups);
  const order = new Rng(randomState).permutation(nGroups);
  for (let k = 0; k < nTestGroups; k++) inTest[order[k]] = 1;
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < nRows; i++) (inTest[inverse[i]] ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
