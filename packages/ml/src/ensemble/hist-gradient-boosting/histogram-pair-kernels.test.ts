import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { HIST_STRIDE, HistogramBuilder } from './histogram';
import { histBlock, histChunks } from './parallel-kernel';

// Feature ranges that end in a pair (8 + 2, 4 + 2 + 1) at the root (through the scratch block: ≥ 4096 rows) and
// in a node (every third row), against the plain sums in row order.
const nRows = 6000;
const nFeatures = 11;
const nBins = 32;
const rng = new Rng(41);
const binned = Uint8Array.from({ length: nRows * nFeatures }, () => rng.nextInt(nBins));
const gh = Float32Array.from({ length: 2 * nRows }, (_, k) =>
  k % 2 === 0 ? rng.nextFloat() - 0.5 : rng.nextFloat(),
);
const span = nBins * HIST_STRIDE;

/** The plain sums of the rows `rows` (gradients at their positions in `rows`), in order. */
function naive(rows: Int32Array, grads: Float32Array, constantHessian: boolean): Float64Array {
  const out = new Float64Array(nFeatures * span);
  rows.forEach((r, k) => {
    for (let f = 0; f < nFeatures; f++) {
      const at = (f * nBins + binned[f * nRows + r]) * HIST_STRIDE;
      out[at] += grads[2 * k];
      if (!constantHessian) out[at + 1] += grads[2 * k + 1];
      out[at + 2] += 1;
    }
  });
  return out;
}

describe('two-feature histogram kernels', () => {
  const builder = new HistogramBuilder(
    binned,
    nRows,
    new Int32Array(nFeatures).fill(nBins - 1),
    nBins,
    nBins - 1,
  );
  const all = Int32Array.from({ length: nRows }, (_, i) => i);
  const some = Int32Array.from({ length: nRows / 3 }, (_, k) => 3 * k + 1);
  const someGh = Float32Array.from({ length: 2 * some.length }, (_, j) => gh[j] * 0.5);

  for (const [f0, f1] of [
    [0, 10],
    [3, 10],
    [1, 3],
  ]) {
    it(`sum features [${f0}, ${f1}) bit for bit at the root and in a node`, () => {
      for (const constantHessian of [false, true]) {
        for (const [rows, grads] of [
          [all, gh],
          [some, someGh],
        ] as const) {
          const out = new Float64Array(builder.size).fill(99);
          builder.buildFeatures(rows, grads, 0, rows.length, constantHessian, out, f0, f1);
          const expected = naive(rows, grads, constantHessian);
          for (let f = f0; f < f1; f++) {
            for (let b = 0; b < nBins - 1; b++) {
              const at = f * span + b * HIST_STRIDE;
              expect([out[at], out[at + 1], out[at + 2]]).toEqual([
                expected[at],
                expected[at + 1],
                expected[at + 2],
              ]);
            }
          }
          expect(out[f1 * span]).toBe(f1 === nFeatures ? undefined : 99);
        }
      }
    });
  }
});

describe('a team’s histogram blocks (histChunks, histBlock)', () => {
  it('cover every feature once, wide parts first: 20 features on two threads are 8, 8, 2, 2', () => {
    const blocks = (nF: number, team: number) => {
      const chunks = histChunks(nF, team);
      return Array.from({ length: chunks }, (_, c) => histBlock(nF, c, chunks));
    };
    expect(blocks(20, 2)).toEqual([
      [0, 8],
      [10, 18],
      [8, 10],
      [18, 20],
    ]);
    for (const [nF, team] of [
      [20, 2],
      [7, 2],
      [3, 8],
      [61, 4],
      [1, 2],
    ]) {
      const seen = new Int32Array(nF);
      for (const [f0, f1] of blocks(nF, team)) for (let f = f0; f < f1; f++) seen[f]++;
      expect(Array.from(seen)).toEqual(new Array(nF).fill(1));
    }
  });
});
