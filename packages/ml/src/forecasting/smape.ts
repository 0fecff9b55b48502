/**
 * Symmetric MAPE as the M4 competition defines it: mean over the horizon of 200·|y − f| / (|y| + |f|), in percent
 * (0 where both are 0).
 */
export function smape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let sum = 0;
  for (let h = 0; h < actual.length; h++) {
    const denom = Math.abs(actual[h]) + Math.abs(forecast[h]);
    if (denom > 0) sum += (200 * Math.abs(actual[h] - forecast[h])) / denom;
  }
  return sum / actual.length;
}
