import type { KernelInput } from './histogram-kernels';

/**
 * The node kernels of `histogram-kernels.ts` and `histogram-pair-kernels.ts` without the row counts, for histograms
 * whose counts the split finder bounds from the hessians instead (`SplitContext.rowHessianBound`): a count is a
 * third read-modify-write per row and feature, about a quarter of a kernel's time. Same features per pass, same
 * order of additions, so the gradient and hessian sums are the same to the last bit. The count slots stay as the
 * builder cleared them, 0 (the split finder counts a feature itself when it needs to).
 */

/** Node features `[f, f + 8)`: rows through the partition's `rows[start:end)`. */
export function uncountedNode8(
  { binned, nRows: n, span }: KernelInput,
  f: number,
  rows: Int32Array,
  gh: Float32Array,
  start: number,
  end: number,
  out: Float64Array,
): void {
  const c0 = f * n;
  const c1 = c0 + n;
  const c2 = c1 + n;
  const c3 = c2 + n;
  const c4 = c3 + n;
  const c5 = c4 + n;
  const c6 = c5 + n;
  const c7 = c6 + n;
  const h0 = f * span;
  const h1 = h0 + span;
  const h2 = h1 + span;
  const h3 = h2 + span;
  const h4 = h3 + span;
  const h5 = h4 + span;
  const h6 = h5 + span;
  const h7 = h6 + span;
  for (let k = start; k < end; k++) {
    const r = rows[k];
    const g = gh[2 * k];
    const h = gh[2 * k + 1];
    let b = h0 + binned[c0 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h1 + binned[c1 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h2 + binned[c2 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h3 + binned[c3 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h4 + binned[c4 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h5 + binned[c5 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h6 + binned[c6 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h7 + binned[c7 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
  }
}

/** Four features per pass, for the features left after the blocks of eight. */
export function uncountedNode4(
  { binned, nRows: n, span }: KernelInput,
  f: number,
  rows: Int32Array,
  gh: Float32Array,
  start: number,
  end: number,
  out: Float64Array,
): void {
  const c0 = f * n;
  const c1 = c0 + n;
  const c2 = c1 + n;
  const c3 = c2 + n;
  const h0 = f * span;
  const h1 = h0 + span;
  const h2 = h1 + span;
  const h3 = h2 + span;
  for (let k = start; k < end; k++) {
    const r = rows[k];
    const g = gh[2 * k];
    const h = gh[2 * k + 1];
    let b = h0 + binned[c0 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h1 + binned[c1 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h2 + binned[c2 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h3 + binned[c3 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
  }
}

/** Two features per pass (a team member's share past its blocks of eight). */
export function uncountedNode2(
  { binned, nRows: n, span }: KernelInput,
  f: number,
  rows: Int32Array,
  gh: Float32Array,
  start: number,
  end: number,
  out: Float64Array,
): void {
  const c0 = f * n;
  const c1 = c0 + n;
  const h0 = f * span;
  const h1 = h0 + span;
  for (let k = start; k < end; k++) {
    const r = rows[k];
    const g = gh[2 * k];
    const h = gh[2 * k + 1];
    let b = h0 + binned[c0 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h1 + binned[c1 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
  }
}

/** One feature per pass, for the last feature. */
export function uncountedNode1(
  { binned, nRows: n, span }: KernelInput,
  f: number,
  rows: Int32Array,
  gh: Float32Array,
  start: number,
  end: number,
  out: Float64Array,
): void {
  const c0 = f * n;
  const h0 = f * span;
  for (let k = start; k < end; k++) {
    const b = h0 + binned[c0 + rows[k]] * 3;
    out[b] += gh[2 * k];
    out[b + 1] += gh[2 * k + 1];
  }
}
