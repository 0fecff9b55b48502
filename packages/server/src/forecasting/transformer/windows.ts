import type { Rng } from '@quarry/ml';

/**
 * Training and forecast windows for the Transformer. A window is the `inputSize` values before an origin t (the
 * first forecast step); it and its `horizon` targets are divided by the window's scale — the mean absolute value
 * of its last season — minus 1, so series whose levels differ by orders of magnitude look alike to one model.
 * Before the start of a series the first season is repeated backwards (phase kept), so short series still fill a
 * window.
 */
export function windowScale(y: Float64Array, t: number, season: number): number {
  const from = Math.max(0, t - season);
  let sum = 0;
  for (let i = from; i < t; i++) sum += Math.abs(y[i]);
  const scale = t > from ? sum / (t - from) : 0;
  return scale > 0 ? scale : 1;
}

function valueAt(y: Float64Array, i: number, season: number): number {
  if (i >= 0) return y[i];
  const period = Math.min(season, y.length);
  return y[((i % period) + period) % period];
}

/** Writes the normalised input window ending before `t` into `x` at `offset`; returns the scale used. */
export function writeInput(
  y: Float64Array,
  t: number,
  inputSize: number,
  season: number,
  x: Float32Array,
  offset: number,
): number {
  const scale = windowScale(y, t, season);
  for (let k = 0; k < inputSize; k++) x[offset + k] = valueAt(y, t - inputSize + k, season) / scale - 1;
  return scale;
}

export function writeTarget(
  y: Float64Array,
  t: number,
  horizon: number,
  scale: number,
  out: Float32Array,
  offset: number,
): void {
  for (let h = 0; h < horizon; h++) out[offset + h] = y[t + h] / scale - 1;
}

/**
 * One epoch's training windows, in a seeded random order: `perSeries` origins drawn uniformly from every series'
 * usable range (at least one season of history, the whole horizon after). Pairs (series, origin) flattened.
 */
export function epochOrigins(
  series: readonly Float64Array[],
  perSeries: number,
  horizon: number,
  season: number,
  rng: Rng,
): Int32Array {
  const pairs = new Int32Array(2 * series.length * perSeries);
  let k = 0;
  series.forEach((y, i) => {
    const first = Math.min(season, y.length - horizon);
    const span = y.length - horizon - first + 1;
    for (let j = 0; j < perSeries; j++) {
      pairs[k++] = i;
      pairs[k++] = first + rng.nextInt(span);
    }
  });
  const order = rng.permutation(pairs.length / 2);
  const shuffled = new Int32Array(pairs.length);
  order.forEach((from, to) => {
    shuffled[2 * to] = pairs[2 * from];
    shuffled[2 * to + 1] = pairs[2 * from + 1];
  });
  return shuffled;
}
