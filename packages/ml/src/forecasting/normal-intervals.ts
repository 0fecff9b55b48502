import { intervalZ } from './normal-quantile';

/** Gaussian prediction intervals mean ± z·sd for each level (sd per step). */
export function normalIntervals(
  mean: Float64Array,
  sd: Float64Array,
  levels: readonly number[],
): { lower: Record<number, Float64Array>; upper: Record<number, Float64Array> } {
  const lower: Record<number, Float64Array> = {};
  const upper: Record<number, Float64Array> = {};
  for (const level of levels) {
    const z = intervalZ(level);
    const lo = new Float64Array(mean.length);
    const hi = new Float64Array(mean.length);
    for (let h = 0; h < mean.length; h++) {
      lo[h] = mean[h] - z * sd[h];
      hi[h] = mean[h] + z * sd[h];
    }
    lower[level] = lo;
    upper[level] = hi;
  }
  return { lower, upper };
}

/** Multiplies every interval bound by the seasonal index of its step, in place (see `reseasonalize`). */
export function scaleIntervals(
  bounds: Record<number, Float64Array>,
  indices: Float64Array,
  nObs: number,
): Record<number, Float64Array> {
  const m = indices.length;
  for (const values of Object.values(bounds)) {
    for (let h = 0; h < values.length; h++) values[h] *= indices[(nObs + h) % m];
  }
  return bounds;
}
