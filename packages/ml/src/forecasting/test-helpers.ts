import { expect } from 'vitest';
import { Rng } from '../core/rng';

/** Expects every a[i] within `rel` relative error of b[i] (NaN in b is skipped). */
export function expectClose(a: ArrayLike<number>, b: ArrayLike<number>, rel: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(b[i])) {
      expect(Number.isNaN(a[i])).toBe(true);
      continue;
    }
    const scale = Math.max(1e-12, Math.abs(b[i]));
    if (Math.abs(a[i] - b[i]) / scale > rel) expect(a[i], `index ${i}`).toBeCloseTo(b[i], 12);
  }
}

/** A seeded seasonal series: level + trend + sine season of period m + Gaussian-ish noise, all positive. */
export function syntheticSeries(n: number, m: number, seed = 1, noise = 1): Float64Array {
  const rng = new Rng(seed);
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const e = (rng.nextFloat() + rng.nextFloat() + rng.nextFloat() - 1.5) * 2 * noise;
    y[t] = 50 + 0.05 * t + (m > 1 ? 8 * Math.sin((2 * Math.PI * t) / m) : 0) + e;
  }
  return y;
}
