import type { KernelInput } from './histogram-kernels';

/**
 * Root histogram kernels that sum into a small dense scratch block instead of straight into the root's histogram
 * buffer, then copy the block out (`flushBlock`). In the block a bin's gradient and hessian sums are one aligned
 * 16-byte pair (`sums[(j · 256 + b) · 2]`, `+1`), where the histogram layout (`histogram.ts`) spreads a bin over 24
 * bytes: eight features' sums take 32 KB instead of 48 KB (an L1 cache's worth) and no pair straddles a cache line.
 * Measured on 750 000 rows × 20 features: ~14% faster than `accumulateRoot8`; the same layout did not pay for
 * nodes below the root (their rows are scattered, and the gather dominates). Each bin receives the same values in
 * the same order as with the direct kernels (`histogram-kernels.ts`), so the sums are the same to the last bit.
 */
export class BlockScratch {
  /** Gradient and hessian sums of up to eight features, 256 bins each. */
  readonly sums = new Float64Array(8 * 256 * 2);
  /**
   * The sums of every row's gradient and of its hessian (0 with constant hessians), in row order, from the last
   * kernel run: the root's totals come free with its first block (two additions per row in a loop bound by its
   * memory traffic) instead of taking a pass of their own.
   */
  sumGradients = 0;
  sumHessians = 0;
}

/** Root features `[f, f + 8)` (rows 0..n−1 in order) into the cleared scratch. */
export function blockRoot8(
  { binned, nRows: n }: KernelInput,
  f: number,
  gh: Float32Array,
  constantHessian: boolean,
  block: BlockScratch,
): void {
  const c0 = f * n;
  const c1 = c0 + n;
  const c2 = c1 + n;
  const c3 = c2 + n;
  const c4 = c3 + n;
  const c5 = c4 + n;
  const c6 = c5 + n;
  const c7 = c6 + n;
  // Constant hessians are not summed: times 0 they add nothing and their sums stay 0, as the builder expects.
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
    b = 1024 + 2 * binned[c2 + i];
    sums[b] += g;
    sums[b + 1] += h;
    b = 1536 + 2 * binned[c3 + i];
    sums[b] += g;
    sums[b + 1] += h;
    b = 2048 + 2 * binned[c4 + i];
    sums[b] += g;
    sums[b + 1] += h;
    b = 2560 + 2 * binned[c5 + i];
    sums[b] += g;
    sums[b + 1] += h;
    b = 3072 + 2 * binned[c6 + i];
    sums[b] += g;
    sums[b + 1] += h;
    b = 3584 + 2 * binned[c7 + i];
    sums[b] += g;
    sums[b + 1] += h;
  }
  block.sumGradients = sumG;
  block.sumHessians = sumH;
}

/** Root features `[f, f + 4)` into the cleared scratch. */
export function blockRoot4(
  { binned, nRows: n }: KernelInput,
  f: number,
  gh: Float32Array,
  constantHessian: boolean,
  block: BlockScratch,
): void {
  const c0 = f * n;
  const c1 = c0 + n;
  const c2 = c1 + n;
  const c3 = c2 + n;
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
    b = 1024 + 2 * binned[c2 + i];
    sums[b] += g;
    sums[b + 1] += h;
    b = 1536 + 2 * binned[c3 + i];
    sums[b] += g;
    sums[b + 1] += h;
  }
  block.sumGradients = sumG;
  block.sumHessians = sumH;
}

/**
 * Copies the scratch's first `width` features into the gradient and hessian slots of features `[f, f + width)` of
 * `out` (every bin; bins no row can reach hold 0) and clears what it copied. Counts are the builder's business.
 */
export function flushBlock(
  scratch: BlockScratch,
  f: number,
  width: number,
  span: number,
  out: Float64Array,
): void {
  const { sums } = scratch;
  for (let j = 0; j < width; j++) {
    const base = (f + j) * span;
    for (let b = 0; b < 256 && 3 * b < span; b++) {
      const o = base + 3 * b;
      const q = 2 * (256 * j + b);
      out[o] = sums[q];
      out[o + 1] = sums[q + 1];
    }
  }
  sums.fill(0, 0, 512 * width);
}
