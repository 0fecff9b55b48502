/**
 * The M4 MASE scale: the in-sample mean absolute seasonal difference, mean over t = m..n−1 of |x_t − x_{t−m}|
 * (m = 1 when the series is not longer than one season).
 */
export function maseScale(insample: ArrayLike<number>, m: number): number {
  const lag = insample.length > m ? m : 1;
  let sum = 0;
  for (let t = lag; t < insample.length; t++) sum += Math.abs(insample[t] - insample[t - lag]);
  return sum / (insample.length - lag);
}

/** Mean absolute scaled error (Hyndman & Koehler 2006) with the M4 seasonal in-sample scale. */
export function mase(
  actual: ArrayLike<number>,
  forecast: ArrayLike<number>,
  insample: ArrayLike<number>,
  m: number,
): number {
  const scale = maseScale(insample, m);
  let sum = 0;
  for (let h = 0; h < actual.length; h++) sum += Math.abs(actual[h] - forecast[h]);
  return sum / actual.length / scale;
}
