import { checkPair } from './check-pair';
import { npAverage } from './np-average';
import { checkSampleWeight } from './sample-weight';

/** Machine epsilon for doubles (NumPy's `np.finfo(np.float64).eps`), 2⁻⁵². */
const EPSILON = 2 ** -52;

/**
 * The mean of |yTrue − yPred| / max(|yTrue|, ε), ε = 2⁻⁵² (scikit-learn's `mean_absolute_percentage_error`). The
 * result is a fraction, not a percentage: 0.1 means 10 %. The ε floor is scikit-learn's rule for zero targets: the
 * metric never divides by zero, but a row whose target is 0 and whose prediction is off contributes an enormous
 * term (error / 2.2e-16), so MAPE is only meaningful for targets away from 0.
 */
export function meanAbsolutePercentageError(
  yTrue: Float64Array,
  yPred: Float64Array,
  options: { sampleWeight?: Float64Array } = {},
): number {
  checkPair('meanAbsolutePercentageError', yTrue.length, yPred.length);
  const weight = checkSampleWeight('meanAbsolutePercentageError', options.sampleWeight, yTrue.length);
  const ratios = Float64Array.from(yTrue, (t, i) => Math.abs(yPred[i] - t) / Math.max(Math.abs(t), EPSILON));
  return npAverage(ratios, weight);
}
