import { MlError } from '../core/errors';
import { checkPair } from './check-pair';
import { npAverage } from './np-average';
import { checkSampleWeight } from './sample-weight';

export interface BrierScoreOptions {
  /** The positive class; default 1 for {0, 1} or {−1, 1} targets, else the largest code (as scikit-learn). */
  posLabel?: number;
  sampleWeight?: Float64Array;
}

/**
 * The mean squared difference between the predicted probability of the positive class and the outcome (1 for the
 * positive class, 0 otherwise): 0 is perfect, 0.25 is what always predicting 0.5 scores (scikit-learn's
 * `brier_score_loss`). Binary targets only.
 */
export function brierScoreLoss(
  yTrue: Int32Array,
  yProb: Float64Array,
  options: BrierScoreOptions = {},
): number {
  checkPair('brierScoreLoss', yTrue.length, yProb.length);
  const weight = checkSampleWeight('brierScoreLoss', options.sampleWeight, yTrue.length);
  const classes = [...new Set(yTrue)].sort((a, b) => a - b);
  if (classes.length > 2) {
    throw new MlError(
      'INVALID_PARAMETER',
      `brierScoreLoss supports binary targets only; got ${classes.length} classes.`,
    );
  }
  for (let i = 0; i < yProb.length; i++) {
    if (!(yProb[i] >= 0 && yProb[i] <= 1)) {
      throw new MlError(
        'INVALID_PARAMETER',
        `brierScoreLoss got probability ${yProb[i]} at row ${i}. Pass probabilities in [0, 1].`,
      );
    }
  }
  const standard = classes.every((c) => c === 0 || c === 1) || classes.every((c) => c === -1 || c === 1);
  const posLabel = options.posLabel ?? (standard ? 1 : classes[classes.length - 1]);
  const squared = Float64Array.from(yProb, (p, i) => ((yTrue[i] === posLabel ? 1 : 0) - p) ** 2);
  return npAverage(squared, weight);
}
