import { MlError } from '../core/errors';
import { linspace } from '../core/linspace';
import { validateParams } from '../core/params';
import { resolvePosLabel } from './binary-clf-curve';
import { checkPair } from './check-pair';
import { percentile } from './percentile';

export interface CalibrationCurveOptions {
  /** Number of bins (default 5); empty bins are left out of the result. */
  nBins?: number;
  /** 'uniform': equal-width bins over [0, 1]; 'quantile': bins holding equally many rows. */
  strategy?: 'uniform' | 'quantile';
  posLabel?: number;
}

export interface CalibrationCurve {
  /** Per non-empty bin: the fraction of positives. */
  probTrue: Float64Array;
  /** Per non-empty bin: the mean predicted probability. */
  probPred: Float64Array;
}

/** The first index of `edges` whose value is ≥ `value` (NumPy's `searchsorted`, side 'left'). */
function searchLeft(edges: Float64Array, value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A reliability diagram's points (scikit-learn 1.2's `calibration_curve`, same bins): predictions are binned by
 * predicted probability and each bin's mean prediction is paired with its observed fraction of positives. A
 * probability equal to an inner edge falls in the bin to the left of it.
 */
export function calibrationCurve(
  yTrue: Int32Array,
  yProb: Float64Array,
  options: CalibrationCurveOptions = {},
): CalibrationCurve {
  const { nBins = 5, strategy = 'uniform' } = options;
  validateParams(
    'calibrationCurve',
    { nBins, strategy },
    {
      nBins: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY }],
      strategy: [{ type: 'options', values: ['uniform', 'quantile'] }],
    },
  );
  checkPair('calibrationCurve', yTrue.length, yProb.length);
  for (let i = 0; i < yProb.length; i++) {
    if (!(yProb[i] >= 0 && yProb[i] <= 1)) {
      throw new MlError(
        'INVALID_PARAMETER',
        `calibrationCurve got probability ${yProb[i]} at row ${i}. Pass probabilities in [0, 1].`,
      );
    }
  }
  if (new Set(yTrue).size > 2) {
    throw new MlError('INVALID_PARAMETER', 'calibrationCurve supports binary targets only.');
  }
  const posLabel = resolvePosLabel('calibrationCurve', yTrue, options.posLabel);
  const quantiles = linspace(0, 1, nBins + 1);
  const edges =
    strategy === 'uniform'
      ? quantiles
      : percentile(
          yProb,
          quantiles.map((q) => q * 100),
        );
  const inner = edges.subarray(1, nBins);
  const sums = new Float64Array(nBins + 1);
  const positives = new Float64Array(nBins + 1);
  const totals = new Float64Array(nBins + 1);
  for (let i = 0; i < yProb.length; i++) {
    const bin = searchLeft(inner, yProb[i]);
    sums[bin] += yProb[i];
    positives[bin] += yTrue[i] === posLabel ? 1 : 0;
    totals[bin]++;
  }
  const probTrue: number[] = [];
  const probPred: number[] = [];
  for (let b = 0; b <= nBins; b++) {
    if (totals[b] === 0) continue;
    probTrue.push(positives[b] / totals[b]);
    probPred.push(sums[b] / totals[b]);
  }
  return { probTrue: Float64Array.from(probTrue), probPred: Float64Array.from(probPred) };
}
