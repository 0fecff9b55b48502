import { MlError } from '../core/errors';

export interface ClassicalDecomposition {
  /** Centred moving average; NaN for the first and last ⌊m/2⌋ points. */
  trend: Float64Array;
  /** The seasonal component for every observation (`figure[t % m]`). */
  seasonal: Float64Array;
  /** The m seasonal indices, normalised to sum to 0 (additive) or average 1 (multiplicative). */
  figure: Float64Array;
  /** What is left: y − trend − seasonal, or y / (trend · seasonal). */
  remainder: Float64Array;
}

/**
 * Classical decomposition by moving averages, as R's `decompose` (Kendall & Stuart; Brockwell & Davis §1.5):
 * the trend is a centred moving average of order m (a 2×m average for even m), the seasonal figure the mean of
 * the detrended values at each position of the cycle, normalised. The series is taken to start at cycle
 * position 0.
 */
export function classicalDecomposition(
  y: Float64Array,
  m: number,
  type: 'additive' | 'multiplicative' = 'additive',
): ClassicalDecomposition {
  const n = y.length;
  if (!Number.isInteger(m) || m < 2 || n < 2 * m) {
    throw new MlError(
      'TOO_FEW_ROWS',
      `Classical decomposition needs a period m >= 2 and at least two full periods (2·m = ${2 * m} points); got m = ${m} and ${n} points.`,
    );
  }
  const trend = centredMovingAverage(y, m);
  const multiplicative = type === 'multiplicative';
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = 0; t < n; t++) {
    if (Number.isNaN(trend[t])) continue;
    sums[t % m] += multiplicative ? y[t] / trend[t] : y[t] - trend[t];
    counts[t % m]++;
  }
  const figure = new Float64Array(m);
  let mean = 0;
  for (let j = 0; j < m; j++) {
    figure[j] = sums[j] / counts[j];
    mean += figure[j] / m;
  }
  for (let j = 0; j < m; j++) figure[j] = multiplicative ? figure[j] / mean : figure[j] - mean;
  const seasonal = new Float64Array(n);
  const remainder = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    seasonal[t] = figure[t % m];
    remainder[t] = multiplicative ? y[t] / (trend[t] * seasonal[t]) : y[t] - trend[t] - seasonal[t];
  }
  return { trend, seasonal, figure, remainder };
}

/**
 * The centred moving average of order m: weights 1/m (odd m) or (½, 1, …, 1, ½)/m over m + 1 points (even m).
 * NaN where the window does not fit.
 */
export function centredMovingAverage(y: Float64Array, m: number): Float64Array {
  const n = y.length;
  const out = new Float64Array(n).fill(Number.NaN);
  const half = m >> 1;
  const even = m % 2 === 0;
  for (let t = half; t < n - half; t++) {
    let sum = 0;
    if (even) {
      sum = 0.5 * (y[t - half] + y[t + half]);
      for (let k = -half + 1; k < half; k++) sum += y[t + k];
    } else {
      for (let k = -half; k <= half; k++) sum += y[t + k];
    }
    out[t] = sum / m;
  }
  return out;
}
