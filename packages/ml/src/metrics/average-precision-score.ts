import { pairwiseSum } from '../core/pairwise-sum';
import type { BinaryCurveOptions } from './binary-clf-curve';
import { precisionRecallCurve } from './precision-recall-curve';

/**
 * Average precision, the area under the precision–recall curve as scikit-learn computes it: the precision at each
 * threshold weighted by the recall gained there, AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ, a step function with no interpolation
 * (so it is not the trapezoidal area, which is optimistic). Binary targets only.
 */
export function averagePrecisionScore(
  yTrue: Int32Array,
  yScore: Float64Array,
  options: BinaryCurveOptions = {},
): number {
  const { precision, recall } = precisionRecallCurve(yTrue, yScore, options);
  const terms = new Float64Array(recall.length - 1);
  for (let i = 0; i < terms.length; i++) terms[i] = (recall[i + 1] - recall[i]) * precision[i];
  return -pairwiseSum(terms);
}
