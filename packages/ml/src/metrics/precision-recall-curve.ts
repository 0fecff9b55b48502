import { type BinaryCurveOptions, binaryClfCurve } from './binary-clf-curve';

export interface PrecisionRecallCurve {
  /** Precision at each threshold, then a final 1 (no threshold). */
  precision: Float64Array;
  /** Recall at each threshold, decreasing, then a final 0. */
  recall: Float64Array;
  /** The distinct scores, increasing; one fewer than precision and recall. */
  thresholds: Float64Array;
}

/**
 * Precision and recall at every distinct score (scikit-learn 1.2's `precision_recall_curve`, same points): a row
 * is predicted positive when its score ≥ the threshold. Without positives, recall is 1 at every threshold
 * (scikit-learn warns).
 */
export function precisionRecallCurve(
  yTrue: Int32Array,
  probasPred: Float64Array,
  options: BinaryCurveOptions = {},
): PrecisionRecallCurve {
  const { fps, tps, thresholds } = binaryClfCurve('precisionRecallCurve', yTrue, probasPred, options);
  const m = tps.length;
  const tpTotal = tps[m - 1];
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const increasing = new Float64Array(m);
  // Reversed so recall decreases.
  for (let i = 0; i < m; i++) {
    const j = m - 1 - i;
    const predicted = tps[j] + fps[j];
    precision[i] = predicted === 0 ? 0 : tps[j] / predicted;
    recall[i] = tpTotal === 0 ? 1 : tps[j] / tpTotal;
    increasing[i] = thresholds[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: increasing };
}
