import { MlError } from '../core/errors';
import { pairwiseSum } from '../core/pairwise-sum';
import { validateParams } from '../core/params';
import { checkPair } from './check-pair';
import { labelCounts, uniqueLabels } from './label-counts';
import { npAverage } from './np-average';
import { checkSampleWeight } from './sample-weight';

/** How per-label scores are combined (scikit-learn's `average`); `null` keeps one score per label. */
export type Average = 'binary' | 'macro' | 'weighted' | 'micro';

/** A number when averaged, one value per label when `average` is null. */
export type PerLabel<A extends Average | null> = A extends null ? Float64Array : number;

export interface PrfOptions<A extends Average | null> {
  average?: A;
  /** The positive class for `average: 'binary'` (default 1). */
  posLabel?: number;
  /** The labels to report, in this order (default: the sorted labels present in either input). */
  labels?: readonly number[];
  sampleWeight?: Float64Array;
  /**
   * The value of a ratio whose denominator is 0 (no predicted or no true rows of a label). 'warn' gives 0 like
   * scikit-learn's default, without the warning: the library never prints.
   */
  zeroDivision?: 'warn' | 0 | 1;
}

export interface PrfsOptions<A extends Average | null> extends PrfOptions<A> {
  /** Weight of recall in the F-score: F_β = (1 + β²)·P·R / (β²·P + R). */
  beta?: number;
}

export interface PrfsResult<A extends Average | null> {
  precision: PerLabel<A>;
  recall: PerLabel<A>;
  fbeta: PerLabel<A>;
  /** Rows per label (weighted); null when averaged, as scikit-learn returns None. */
  support: A extends null ? Float64Array : null;
}

const CONSTRAINTS = {
  average: [{ type: 'options', values: ['binary', 'macro', 'weighted', 'micro'] }, { type: 'null' }],
  zeroDivision: [{ type: 'options', values: ['warn', 0, 1] }],
  beta: [{ type: 'float', min: 0, max: Number.POSITIVE_INFINITY }],
} as const;

function divide(numerator: Float64Array, denominator: Float64Array, zeroDivision: number): Float64Array {
  return numerator.map((v, k) => (denominator[k] === 0 ? zeroDivision : v / denominator[k]));
}

/** The labels to score: scikit-learn's `_check_set_wise_labels`. */
function labelsToScore(
  yTrue: Int32Array,
  yPred: Int32Array,
  average: Average | null,
  labels: readonly number[] | undefined,
  posLabel: number,
): readonly number[] {
  const present = uniqueLabels(yTrue, yPred);
  if (average !== 'binary') return labels ?? present;
  if (present.length > 2) {
    throw new MlError(
      'INVALID_PARAMETER',
      `The target has ${present.length} classes but average is 'binary'. Choose average 'macro', 'weighted' or 'micro', or null for one score per class.`,
    );
  }
  if (!present.includes(posLabel) && present.length >= 2) {
    throw new MlError(
      'INVALID_PARAMETER',
      `posLabel ${posLabel} is not a valid label. It should be one of ${present.join(', ')}.`,
    );
  }
  return [posLabel];
}

/**
 * Precision, recall, F-β and support per label or averaged (scikit-learn's `precision_recall_fscore_support`, same
 * zero-division rules and averages). `yTrue` and `yPred` hold class codes.
 *
 *   const { precision, recall } = precisionRecallFscoreSupport(yTrue, yPred, { average: 'macro' });
 */
export function precisionRecallFscoreSupport<A extends Average | null = null>(
  yTrue: Int32Array,
  yPred: Int32Array,
  options: PrfsOptions<A> = {},
): PrfsResult<A> {
  const { average = null, posLabel = 1, zeroDivision = 'warn', beta = 1 } = options;
  validateParams('precisionRecallFscoreSupport', { average, zeroDivision, beta }, CONSTRAINTS);
  checkPair('precisionRecallFscoreSupport', yTrue.length, yPred.length);
  const sampleWeight = checkSampleWeight('precisionRecallFscoreSupport', options.sampleWeight, yTrue.length);
  const labels = labelsToScore(yTrue, yPred, average, options.labels, posLabel);
  const counts = labelCounts(yTrue, yPred, labels, sampleWeight);
  let { tp } = counts;
  // scikit-learn goes through the confusion matrix (fp = pred − tp, then pred = tp + fp), which can round the
  // weighted sums differently in the last bit; doing the same keeps results bit-identical.
  let predSum = tp.map((t, k) => t + (counts.predSum[k] - t));
  let trueSum = tp.map((t, k) => t + (counts.trueSum[k] - t));
  if (average === 'micro') {
    tp = Float64Array.of(pairwiseSum(tp));
    predSum = Float64Array.of(pairwiseSum(predSum));
    trueSum = Float64Array.of(pairwiseSum(trueSum));
  }
  const zero = zeroDivision === 1 ? 1 : 0;
  const precision = divide(tp, predSum, zero);
  const recall = divide(tp, trueSum, zero);
  const beta2 = beta * beta;
  const fbeta =
    beta === Number.POSITIVE_INFINITY
      ? recall.slice()
      : precision.map((p, k) => {
          const denom = beta2 * p + recall[k];
          return ((1 + beta2) * p * recall[k]) / (denom === 0 ? 1 : denom);
        });
  if (average === null) return { precision, recall, fbeta, support: trueSum } as PrfsResult<A>;
  let weights: Float64Array | undefined;
  if (average === 'weighted') {
    if (pairwiseSum(trueSum) === 0) {
      // No true rows of any scored label: scikit-learn's special case.
      const noPredictions = pairwiseSum(predSum) === 0;
      return {
        precision: noPredictions ? zero : 0,
        recall: zero,
        fbeta: noPredictions ? zero : 0,
        support: null,
      } as PrfsResult<A>;
    }
    weights = trueSum;
  }
  return {
    precision: npAverage(precision, weights),
    recall: npAverage(recall, weights),
    fbeta: npAverage(fbeta, weights),
    support: null,
  } as PrfsResult<A>;
}
