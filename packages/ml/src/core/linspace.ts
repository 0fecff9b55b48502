/**
 * `num` evenly spaced values from `start` to `stop` inclusive, computed as NumPy's `linspace` does
 * (start + i · step, the last value exactly `stop`), so bin edges and grids match scikit-learn's bit for bit.
 */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  if (num === 0) return out;
  if (num === 1) {
    out[0] = start;
    return out;
  }
  const div = num - 1;
  const delta = stop - start;
  const step = delta / div;
  for (let i = 0; i < num; i++) out[i] = (step === 0 ? (i / div) * delta : i * step) + start;
  out[div] = stop;
  return out;
}
