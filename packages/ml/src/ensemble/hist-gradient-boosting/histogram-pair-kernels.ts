import type { BlockScratch } from './histogram-block-kernels';
import type { KernelInput } from './histogram-kernels';

/**
 * Two-feature histogram kernels (the plain loops of `histogram-kernels.ts`, two features per pass over the rows).
 * They exist for a team's feature blocks: two threads on 20 features each take 8 + 2 features (10 apiece) instead
 * of 8 + 8 + 4 split 8 | 12, and a pass over two features costs about 1.2× a feature of the eight-wide kernel per
 * feature, where two one-feature passes cost 2×. The same values reach every bin in the same order, so the sums are
 * the same to the last bit.
 */

/** Node features `[f, f + 2)`: rows through the partition's `rows[start:end)`, with counts. */
export function accumulateNode2(
  { binned, nRows: n, span }: KernelInput,
  f: number,
  rows: Int32Array,
  gh: Float32Array,
  start: number,
  end: number,
  constantHessian: boolean,
  out: Float64Array,
): void {
  const c0 = f * n;
  const c1 = c0 + n;
  const h0 = f * span;
  const h1 = h0 + span;
  const scale = constantHessian ? 0 : 1;
  for (let k = start; k < end; k++) {
    const r = rows[k];
    const g = gh[2 * k];
    const h = gh[2 * k + 1] * scale;
    let b = h0 + binned[c0 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
    b = h1 + binned[c1 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
  }
}

/** Root features `[f, f + 2)` into the cleared scratch block (see `histogram-block-kernels.ts`). */
export function blockRoot2(
  { binned, nRows: n }: KernelInput,
  f: number,
  gh: Float32Array,
  constantHessian: boolean,
  block: BlockScratch,
): void {
  const c0 = f * n;
  const c1 = c0 + n;
  const scale = constantHessian ? 0 : 1;
  const { sums } = block;
  let sumG = 0;
  let sumH = 0;
  for (let i = 0; i < n; i++) {
    const g = gh[2 * i];
    const h = gh[2 * i + 1] * scale;
    sumG += g;
    sumH += h;
    let b = 2 * binned[c0 + i];
    sums[b] += g;
    sums[b + 1] += h;
    b = 512 + 2 * binned[c1 + i];
    sums[b] += g;
    sums[b + 1] += h;
  }
  block.sumGradients = sumG;
  block.sumHessians = sumH;
}
