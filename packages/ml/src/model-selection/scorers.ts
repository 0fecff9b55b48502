import { MlError } from '../core/errors';
import type { ClassTarget, Tabular, Target } from '../core/roles';
import { accuracyScore } from '../metrics/accuracy-score';
import { averagePrecisionScore } from '../metrics/average-precision-score';
import { balancedAccuracyScore } from '../metrics/balanced-accuracy-score';
import { brierScoreLoss } from '../metrics/brier-score-loss';
import { logLoss } from '../metrics/log-loss';
import { meanAbsoluteError } from '../metrics/mean-absolute-error';
import { meanAbsolutePercentageError } from '../metrics/mean-absolute-percentage-error';
import { meanSquaredError } from '../metrics/mean-squared-error';
import { medianAbsoluteError } from '../metrics/median-absolute-error';
import { type Average, precisionRecallFscoreSupport } from '../metrics/precision-recall-fscore-support';
import { r2Score } from '../metrics/r2-score';
import { rocAucOvr } from '../metrics/roc-auc-ovr';
import { rocAucScore } from '../metrics/roc-auc-score';
import { rootMeanSquaredError } from '../metrics/root-mean-squared-error';
import type { Scorer } from './cross-val-score';
import {
  checkBinary,
  knownIndices,
  labelIndices,
  probabilities,
  type ScorableEstimator,
} from './scorer-inputs';

export type { ScorableEstimator } from './scorer-inputs';

type Named = Scorer<ScorableEstimator>;

function regression(metric: (yTrue: Float64Array, yPred: Float64Array) => number, sign: 1 | -1): Named {
  return (estimator, X, y) => sign * metric(y as Float64Array, estimator.predict(X) as Float64Array);
}

function labels(name: string, metric: (yTrue: Int32Array, yPred: Int32Array) => number): Named {
  return (estimator, X, y) =>
    metric(labelIndices(estimator, y as ClassTarget, name), estimator.predict(X) as Int32Array);
}

/** precision / recall / f1 with an average; 'binary' scores `classes_[1]` as the positive class. */
function prf(name: string, field: 'precision' | 'recall' | 'fbeta', average: Average): Named {
  return (estimator, X, y) => {
    if (average === 'binary') checkBinary(estimator, name, `${name}_macro`);
    const yTrue = labelIndices(estimator, y as ClassTarget, name);
    const yPred = estimator.predict(X) as Int32Array;
    return precisionRecallFscoreSupport(yTrue, yPred, { average, posLabel: 1 })[field];
  };
}

/** The positive class's probability and 0/1 truth, for binary probability scorers. */
function binaryProba(name: string, alternative: string) {
  return (estimator: ScorableEstimator, X: Tabular, y: Target) => {
    checkBinary(estimator, name, alternative);
    const truth = knownIndices(estimator, y as ClassTarget, name);
    return { truth, score: probabilities(estimator, X, name).column(1) };
  };
}

const rocAucInputs = binaryProba('roc_auc', 'roc_auc_ovr');
const averagePrecisionInputs = binaryProba('average_precision', 'roc_auc_ovr');
const brierInputs = binaryProba('neg_brier_score', 'neg_log_loss');

const SCORERS: Record<string, Named> = {
  accuracy: labels('accuracy', accuracyScore),
  balanced_accuracy: labels('balanced_accuracy', balancedAccuracyScore),
  roc_auc: (e, X, y) => {
    const { truth, score } = rocAucInputs(e, X, y);
    return rocAucScore(truth, score);
  },
  roc_auc_ovr: (e, X, y) =>
    rocAucOvr(knownIndices(e, y as ClassTarget, 'roc_auc_ovr'), probabilities(e, X, 'roc_auc_ovr')),
  average_precision: (e, X, y) => {
    const { truth, score } = averagePrecisionInputs(e, X, y);
    return averagePrecisionScore(truth, score);
  },
  neg_log_loss: (e, X, y) =>
    -logLoss(knownIndices(e, y as ClassTarget, 'neg_log_loss'), probabilities(e, X, 'neg_log_loss')),
  neg_brier_score: (e, X, y) => {
    const { truth, score } = brierInputs(e, X, y);
    return -brierScoreLoss(truth, score, { posLabel: 1 });
  },
  r2: regression(r2Score, 1),
  neg_mean_absolute_error: regression(meanAbsoluteError, -1),
  neg_mean_squared_error: regression(meanSquaredError, -1),
  neg_root_mean_squared_error: regression(rootMeanSquaredError, -1),
  neg_median_absolute_error: regression(medianAbsoluteError, -1),
  neg_mean_absolute_percentage_error: regression(meanAbsolutePercentageError, -1),
};
for (const [metric, field] of [
  ['precision', 'precision'],
  ['recall', 'recall'],
  ['f1', 'fbeta'],
] as const) {
  SCORERS[metric] = prf(metric, field, 'binary');
  for (const average of ['macro', 'micro', 'weighted'] as const) {
    SCORERS[`${metric}_${average}`] = prf(`${metric}_${average}`, field, average);
  }
}

/** The names `getScorer` knows, as scikit-learn spells them. */
export const SCORER_NAMES: readonly string[] = Object.freeze(Object.keys(SCORERS).sort());

/**
 * A named scorer, as scikit-learn's `get_scorer`: `(fittedEstimator, X, y) => number`, greater is better (losses
 * and errors are negated: 'neg_log_loss', 'neg_root_mean_squared_error'). Classifier scorers compare classes by
 * name through `classes_`; binary ones ('roc_auc', 'f1', 'precision', 'recall', 'average_precision',
 * 'neg_brier_score') treat `classes_[1]` as the positive class.
 */
export function getScorer(name: string): Scorer<ScorableEstimator> {
  if (!Object.hasOwn(SCORERS, name)) {
    throw new MlError(
      'INVALID_PARAMETER',
      `Unknown scorer '${name}'. Known scorers: ${SCORER_NAMES.join(', ')}.`,
      { details: { scorer: name } },
    );
  }
  return SCORERS[name];
}
