/**
 * The hot loops of histogram building (see `histogram.ts` for the layout), written out by hand: they run over every
 * row of every node for every feature, which is most of a fit's time. They process eight (or four) features per
 * pass over the rows, so each row index, gradient and hessian is loaded once for eight histograms — about 2×
 * faster in V8 than one feature per pass. The plain version they replace, for one feature f:
 *
 *   for (k = start; k < end; k++) {
 *     b = f·span + binned[f·n + rows[k]]·3;
 *     out[b] += gh[2k]; out[b + 1] += gh[2k + 1]; out[b + 2] += 1;
 *   }
 *
 * The root variants skip the row indirection (the root's rows are 0..n−1 in order) and the counts (the root's
 * counts are the same for every tree, so the builder counts them once).
 */

/** The binned columns (column-major, `nRows` per feature) and the size of one feature's histogram (nBins · 3). */
export interface KernelInput {
  binned: Uint8Array;
  nRows: number;
  span: number;
}

export function accumulateNode8(
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
  if (constantHessian) {
    for (let k = start; k < end; k++) {
      const r = rows[k];
      const g = gh[2 * k];
      let b = h0 + binned[c0 + r] * 3;
      out[b] += g;
      out[b + 2] += 1;
      b = h1 + binned[c1 + r] * 3;
      out[b] += g;
      out[b + 2] += 1;
      b = h2 + binned[c2 + r] * 3;
      out[b] += g;
      out[b + 2] += 1;
      b = h3 + binned[c3 + r] * 3;
      out[b] += g;
      out[b + 2] += 1;
      b = h4 + binned[c4 + r] * 3;
      out[b] += g;
      out[b + 2] += 1;
      b = h5 + binned[c5 + r] * 3;
      out[b] += g;
      out[b + 2] += 1;
      b = h6 + binned[c6 + r] * 3;
      out[b] += g;
      out[b + 2] += 1;
      b = h7 + binned[c7 + r] * 3;
      out[b] += g;
      out[b + 2] += 1;
    }
    return;
  }
  for (let k = start; k < end; k++) {
    const r = rows[k];
    const g = gh[2 * k];
    const h = gh[2 * k + 1];
    let b = h0 + binned[c0 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
    b = h1 + binned[c1 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
    b = h2 + binned[c2 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
    b = h3 + binned[c3 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
    b = h4 + binned[c4 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
    b = h5 + binned[c5 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
    b = h6 + binned[c6 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
    b = h7 + binned[c7 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
  }
}

/** Four features per pass, for the features left after the blocks of eight. */
export function accumulateNode4(
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
  const c2 = c1 + n;
  const c3 = c2 + n;
  const h0 = f * span;
  const h1 = h0 + span;
  const h2 = h1 + span;
  const h3 = h2 + span;
  // Constant hessians add 0 instead of taking a second loop: leftover blocks are a small share of the work.
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
    b = h2 + binned[c2 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
    b = h3 + binned[c3 + r] * 3;
    out[b] += g;
    out[b + 1] += h;
    out[b + 2] += 1;
  }
}

/** One feature per pass (the plain version), for the last features. */
export function accumulateNode1(
  { binned, nRows: n, span }: KernelInput,
  f: number,
  rows: Int32Array,
  gh: Float32Array,
  start: number,
  end: number,
  constantHessian: boolean,
  out: Float64Array,
): void {
  const column = f * n;
  const base = f * span;
  const scale = constantHessian ? 0 : 1;
  for (let k = start; k < end; k++) {
    const b = base + binned[column + rows[k]] * 3;
    out[b] += gh[2 * k];
    out[b + 1] += gh[2 * k + 1] * scale;
    out[b + 2] += 1;
  }
}

/** Eight root features per pass: rows in order, gradient and hessian sums only. */
export function accumulateRoot8(
  { binned, nRows: n, span }: KernelInput,
  f: number,
  gh: Float32Array,
  constantHessian: boolean,
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
  if (constantHessian) {
    for (let i = 0; i < n; i++) {
      const g = gh[2 * i];
      out[h0 + binned[c0 + i] * 3] += g;
      out[h1 + binned[c1 + i] * 3] += g;
      out[h2 + binned[c2 + i] * 3] += g;
      out[h3 + binned[c3 + i] * 3] += g;
      out[h4 + binned[c4 + i] * 3] += g;
      out[h5 + binned[c5 + i] * 3] += g;
      out[h6 + binned[c6 + i] * 3] += g;
      out[h7 + binned[c7 + i] * 3] += g;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const g = gh[2 * i];
    const h = gh[2 * i + 1];
    let b = h0 + binned[c0 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h1 + binned[c1 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h2 + binned[c2 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h3 + binned[c3 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h4 + binned[c4 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h5 + binned[c5 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h6 + binned[c6 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h7 + binned[c7 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
  }
}

/** Four root features per pass, for the features left after the blocks of eight. */
export function accumulateRoot4(
  { binned, nRows: n, span }: KernelInput,
  f: number,
  gh: Float32Array,
  constantHessian: boolean,
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
  const scale = constantHessian ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const g = gh[2 * i];
    const h = gh[2 * i + 1] * scale;
    let b = h0 + binned[c0 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h1 + binned[c1 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h2 + binned[c2 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
    b = h3 + binned[c3 + i] * 3;
    out[b] += g;
    out[b + 1] += h;
  }
}

/** One root feature per pass, for the last features. */
export function accumulateRoot1(
  { binned, nRows: n, span }: KernelInput,
  f: number,
  gh: Float32Array,
  constantHessian: boolean,
  out: Float64Array,
): void {
  const column = f * n;
  const base = f * span;
  const scale = constantHessian ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const b = base + binned[column + i] * 3;
    out[b] += gh[2 * i];
    out[b + 1] += gh[2 * i + 1] * scale;
  }
}
