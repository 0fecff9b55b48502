import { MlError } from '../core/errors';
import type { Estimator } from '../core/estimator';
import { Matrix } from '../core/matrix';
import type { Tabular } from '../core/roles';

/** What calibration needs from a fitted classifier. */
export interface ScoringClassifier extends Estimator {
  readonly classes_: string[];
  predictProba?(X: Tabular): Matrix;
  decisionFunction?(X: Tabular): Matrix;
}

/**
 * The scores a calibrator maps to probabilities (scikit-learn's `_get_prediction_method` and
 * `_compute_predictions`): `decisionFunction` when the classifier has one (n × 1 for two classes), else
 * `predictProba`, reduced to the positive class's column for a binary problem (`nClasses` is the calibrated
 * classifier's number of classes).
 */
export function calibrationScores(estimator: ScoringClassifier, X: Tabular, nClasses: number): Matrix {
  if (typeof estimator.decisionFunction === 'function') return estimator.decisionFunction(X);
  if (typeof estimator.predictProba !== 'function') {
    throw new MlError(
      'UNSUPPORTED_OPERATION',
      `${estimator.kind} has neither decisionFunction nor predictProba, so it cannot be calibrated.`,
    );
  }
  const proba = estimator.predictProba(X);
  return nClasses === 2 ? new Matrix(proba.nRows, 1, proba.column(1).slice()) : proba;
}
