import { classIndices } from '../auto/class-indices';
import { MlError } from '../core/errors';
import type { Estimator } from '../core/estimator';
import type { Matrix } from '../core/matrix';
import type { ClassTarget, Tabular } from '../core/roles';

/** What a scorer may call on a fitted estimator (a classifier, a regressor, or a pipeline ending in one). */
export interface ScorableEstimator extends Estimator {
  predict(X: Tabular): Int32Array | Float64Array;
  predictProba?(X: Tabular): Matrix;
  readonly classes_?: string[];
}

export function fittedClasses(estimator: ScorableEstimator, scorer: string): string[] {
  const classes = estimator.estimatorType === 'classifier' ? estimator.classes_ : undefined;
  if (classes === undefined) {
    throw new MlError(
      'UNSUPPORTED_OPERATION',
      `The scorer '${scorer}' needs a classifier but got a ${estimator.kind}. Use a regression scorer such as 'r2'.`,
    );
  }
  return classes;
}

/**
 * The true classes as indices into the estimator's `classes_`; a class it never saw in training becomes
 * `classes_.length`, a code it never predicts, so label metrics count those rows as errors.
 */
export function labelIndices(estimator: ScorableEstimator, y: ClassTarget, scorer: string): Int32Array {
  const classes = fittedClasses(estimator, scorer);
  return classIndices(classes, y).map((k) => (k < 0 ? classes.length : k));
}

/** Like `labelIndices`, but a class the estimator never saw is an error (probability metrics need a column). */
export function knownIndices(estimator: ScorableEstimator, y: ClassTarget, scorer: string): Int32Array {
  const classes = fittedClasses(estimator, scorer);
  const indices = classIndices(classes, y);
  const row = indices.indexOf(-1);
  if (row >= 0) {
    throw new MlError(
      'UNKNOWN_CATEGORY',
      `The scorer '${scorer}' got a class at row ${row} that the model never saw in training. Use stratified folds so every class is in each training set.`,
    );
  }
  return indices;
}

export function probabilities(estimator: ScorableEstimator, X: Tabular, scorer: string): Matrix {
  if (typeof estimator.predictProba !== 'function') {
    throw new MlError(
      'UNSUPPORTED_OPERATION',
      `The scorer '${scorer}' needs predictProba, which ${estimator.kind} does not have. Use 'accuracy' or another label scorer.`,
    );
  }
  return estimator.predictProba(X);
}

/** Checks a binary scorer is used on a two-class model; the positive class is `classes_[1]`, as scikit-learn's. */
export function checkBinary(estimator: ScorableEstimator, scorer: string, alternative: string): void {
  const classes = fittedClasses(estimator, scorer);
  if (classes.length !== 2) {
    throw new MlError(
      'INVALID_PARAMETER',
      `The scorer '${scorer}' is for two classes but the model has ${classes.length}. Use '${alternative}' instead.`,
    );
  }
}
