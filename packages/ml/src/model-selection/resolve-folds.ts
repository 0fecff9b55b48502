import { MlError } from '../core/errors';
import type { Target } from '../core/roles';
import type { Fold } from './fold';
import type { Groups } from './groups';
import { KFold } from './k-fold';
import { isSplitter, type Splitter } from './splitter';
import { StratifiedKFold } from './stratified-k-fold';

/** Cross-validation as a number of folds, a splitter, or explicit folds (row indices). */
export type CvSpec = number | Splitter | readonly Fold[];

function checkFold(fold: Fold, nRows: number, k: number): void {
  const ok = (indices: unknown) =>
    indices instanceof Int32Array && indices.every((i) => Number.isInteger(i) && i >= 0 && i < nRows);
  if (!(ok(fold?.train) && ok(fold?.test)) || fold.train.length === 0 || fold.test.length === 0) {
    throw new MlError(
      'INVALID_PARAMETER',
      `Fold ${k} must have non-empty Int32Array train and test row indices within 0..${nRows - 1}.`,
    );
  }
}

/**
 * The folds for `cv` (scikit-learn's `check_cv`): a number k means `StratifiedKFold(k)` for classifiers and
 * `KFold(k)` otherwise, both unshuffled; a splitter is asked to split (with `y` and `groups`); explicit folds are
 * checked and used as they are.
 */
export function resolveFolds(
  cv: CvSpec,
  nRows: number,
  y: Target | undefined,
  classifier: boolean,
  groups?: Groups,
): Fold[] {
  if (typeof cv === 'number') {
    if (classifier && y !== undefined && !(y instanceof Float64Array)) {
      return new StratifiedKFold({ nSplits: cv }).split(nRows, y);
    }
    return new KFold({ nSplits: cv }).split(nRows);
  }
  if (isSplitter(cv)) return cv.split(nRows, y, groups);
  if (!Array.isArray(cv) || cv.length === 0) {
    throw new MlError(
      'INVALID_PARAMETER',
      'cv must be a number of folds (≥ 2), a splitter or a non-empty list of folds.',
    );
  }
  cv.forEach((fold, k) => {
    checkFold(fold, nRows, k);
  });
  return [...cv];
}
