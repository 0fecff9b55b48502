import { MlError } from '../core/errors';
import { Estimator } from '../core/estimator';
import { Matrix } from '../core/matrix';
import { pairwiseSum } from '../core/pairwise-sum';
import type { Tabular } from '../core/roles';
import { calibrationScores, type ScoringClassifier } from './calibration-scores';
import { IsotonicRegression } from './isotonic-regression';
import { type SigmoidParams, sigmoidCalibration, sigmoidProbability } from './sigmoid-calibration';

/** Maps one column of scores to probabilities: Platt's sigmoid (plain numbers) or an isotonic fit. */
export type Calibrator = SigmoidParams | IsotonicRegression;

/** A fitted classifier and one calibrator per score column (scikit-learn's `_CalibratedClassifier`). */
export interface CalibratedPair {
  estimator: ScoringClassifier;
  calibrators: Calibrator[];
}

export function isCalibratedPair(value: unknown): value is CalibratedPair {
  const pair = value as CalibratedPair | null;
  return (
    pair?.estimator instanceof Estimator &&
    pair.estimator.isFitted &&
    Array.isArray(pair.calibrators) &&
    pair.calibrators.length > 0 &&
    pair.calibrators.every((c) =>
      c instanceof IsotonicRegression
        ? c.isFitted
        : typeof (c as SigmoidParams)?.a === 'number' && typeof (c as SigmoidParams)?.b === 'number',
    )
  );
}

/** Per column of the classifier's scores, the index of its class among `classes` (matched by name). */
function columnClasses(estimator: ScoringClassifier, classes: readonly string[]): number[] {
  return estimator.classes_.map((name) => {
    const k = classes.indexOf(name);
    if (k < 0) throw new MlError('BAD_MODEL_FORMAT', `The calibrated classifier knows no class '${name}'.`);
    return k;
  });
}

/**
 * Fits one calibrator per score column on held-out rows (scikit-learn's `_fit_calibrator`): column j against
 * "is class j" (for two classes, the single column against the second class). `y` indexes `classes`.
 */
export function fitCalibratedPair(
  estimator: ScoringClassifier,
  scores: Matrix,
  y: Int32Array,
  classes: readonly string[],
  method: 'sigmoid' | 'isotonic',
): CalibratedPair {
  const positions = columnClasses(estimator, classes);
  const calibrators: Calibrator[] = [];
  for (let j = 0; j < scores.nCols && j < positions.length; j++) {
    const positive = classes.length === 2 ? 1 : positions[j];
    const target = Float64Array.from(y, (k) => (k === positive ? 1 : 0));
    const column = scores.column(j).slice();
    calibrators.push(
      method === 'isotonic'
        ? new IsotonicRegression({ outOfBounds: 'clip' }).fit(column, target)
        : sigmoidCalibration(column, target),
    );
  }
  return { estimator, calibrators };
}

/**
 * Calibrated probabilities, n × classes.length: each calibrated column, the negative class as 1 − p for two
 * classes, otherwise renormalised one-vs-rest (uniform where every calibrator says 0), and values within 1e-5
 * above 1 set to 1, as scikit-learn.
 */
export function calibratedProba(pair: CalibratedPair, X: Tabular, classes: readonly string[]): Matrix {
  const k = classes.length;
  const scores = calibrationScores(pair.estimator, X, k);
  const positions = columnClasses(pair.estimator, classes);
  const n = scores.nRows;
  const proba = new Matrix(n, k);
  pair.calibrators.forEach((calibrator, j) => {
    const column = scores.column(j).slice();
    const p =
      calibrator instanceof IsotonicRegression
        ? calibrator.predict(column)
        : column.map((f) => sigmoidProbability(calibrator.a * f + calibrator.b));
    proba.column(k === 2 ? positions[j] + 1 : positions[j]).set(p);
  });
  if (k === 2) {
    for (let i = 0; i < n; i++) proba.data[i] = 1 - proba.data[n + i];
  } else {
    const row = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) row[c] = proba.data[c * n + i];
      const sum = pairwiseSum(row);
      for (let c = 0; c < k; c++) proba.data[c * n + i] = sum === 0 ? 1 / k : row[c] / sum;
    }
  }
  for (let t = 0; t < proba.data.length; t++) {
    if (proba.data[t] > 1 && proba.data[t] <= 1 + 1e-5) proba.data[t] = 1;
  }
  return proba;
}
