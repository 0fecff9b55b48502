import { Rng } from '@quarry/ml';

/** At most `limit` of `n` positions: all of them, or a seeded sample kept in row order. */
export function samplePositions(n: number, limit: number, seed: number): Int32Array {
  if (n <= limit) return Int32Array.from({ length: n }, (_, i) => i);
  return new Rng(seed).permutation(n).subarray(0, limit).slice().sort();
}

/** At most `limit` points of a curve, evenly spaced by index, first and last kept. */
export function thinCurve(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  limit = 200,
): { x: number[]; y: number[] } {
  const n = x.length;
  if (n <= limit) return { x: Array.from(x), y: Array.from(y) };
  const xs: number[] = [];
  const ys: number[] = [];
  for (let k = 0; k < limit; k++) {
    const i = Math.round((k * (n - 1)) / (limit - 1));
    xs.push(x[i]);
    ys.push(y[i]);
  }
  return { x: xs, y: ys };
}
