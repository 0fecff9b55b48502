import { MlError } from '../core/errors';

export interface RollingOriginOptions {
  /** Steps forecast from each origin. */
  horizon: number;
  /** Number of origins. */
  folds: number;
  /** Steps between consecutive origins (default: the horizon, so test windows do not overlap). */
  step?: number;
}

/** One walk-forward fold: train on [0, trainEnd), test on [trainEnd, trainEnd + horizon). */
export interface ForecastFold {
  trainEnd: number;
  horizon: number;
}

/**
 * Rolling-origin (walk-forward) evaluation folds (Tashman, "Out-of-sample tests of forecasting accuracy", IJF
 * 16, 2000): the last fold's test window ends at the last observation, earlier origins move back by `step`.
 * Every model compared on the same series gets the same folds.
 */
export function rollingOriginFolds(n: number, options: RollingOriginOptions): ForecastFold[] {
  const { horizon, folds } = options;
  const step = options.step ?? horizon;
  for (const [name, value] of [
    ['horizon', horizon],
    ['folds', folds],
    ['step', step],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new MlError(
        'INVALID_PARAMETER',
        `The '${name}' option of rollingOriginFolds must be an int in [1, Infinity). Got ${value}.`,
      );
    }
  }
  const firstEnd = n - horizon - (folds - 1) * step;
  if (firstEnd < 1) {
    throw new MlError(
      'TOO_FEW_ROWS',
      `${folds} folds of horizon ${horizon} every ${step} steps need more than ${horizon + (folds - 1) * step} observations; the series has ${n}. Use fewer folds or a shorter horizon.`,
    );
  }
  return Array.from({ length: folds }, (_, i) => ({ trainEnd: firstEnd + i * step, horizon }));
}
