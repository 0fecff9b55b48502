import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { addLeafValues, type LeafRange } from './raw-update';

/** A partition of n rows into `nLeaves` leaves (rows ascending within each), with random values. */
function leavesOf(n: number, nLeaves: number, rng: Rng): { rows: Int32Array; leaves: LeafRange[] } {
  const leaf = Int32Array.from({ length: n }, () => rng.nextInt(nLeaves));
  const rows = new Int32Array(n);
  const leaves: LeafRange[] = [];
  let at = 0;
  for (let j = 0; j < nLeaves; j++) {
    const start = at;
    for (let i = 0; i < n; i++) if (leaf[i] === j) rows[at++] = i;
    leaves.push({ start, end: at, value: rng.nextFloat() - 0.5 });
  }
  return { rows, leaves };
}

describe('addLeafValues', () => {
  for (const nLeaves of [31, 256, 300]) {
    it(`adds each leaf's value to its rows exactly as the plain scatter does (${nLeaves} leaves)`, () => {
      const rng = new Rng(nLeaves);
      const n = 5000;
      const { rows, leaves } = leavesOf(n, nLeaves, rng);
      const start = Float64Array.from({ length: n }, () => rng.nextFloat() * 3);
      const plain = Float64Array.from(start);
      for (const l of leaves) for (let r = l.start; r < l.end; r++) plain[rows[r]] += l.value;
      const raw = Float64Array.from(start);
      addLeafValues(raw, rows, leaves, new Uint8Array(n));
      expect(raw.every((v, i) => Object.is(v, plain[i]))).toBe(true);
      expect(raw.some((v, i) => v !== start[i])).toBe(true);
    });
  }
});
