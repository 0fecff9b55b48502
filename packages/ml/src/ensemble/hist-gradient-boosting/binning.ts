import type { Matrix } from '../../core/matrix';
import { type ParallelTeam, sharedFloat64, sharedInt32 } from '../../core/parallel';
import type { Rng } from '../../core/rng';
import { type Allocator, unpooled } from '../../core/working-memory';
import type { BinsSharedData } from './binning-kernel';
import { sortFloat64 } from './radix-sort';

/** Thresholds stop short of +∞ (scikit-learn's `ALMOST_INF`): a +∞ threshold means "split missing from the rest". */
const ALMOST_INF = 1e300;

/** The ops of the team kernel `hgb-bins` (binning-kernel.ts). */
export const BINS_OP = { EDGES: 1, MATRIX: 2 } as const;

/** Rows used to find the quantiles; above it a seeded subsample is taken (scikit-learn's `subsample=2e5`). */
export const BINNING_SUBSAMPLE = 200_000;

/**
 * How raw feature values map to bins (scikit-learn's `_BinMapper`). Every feature has `maxBins + 1` bins; the last,
 * `missingBin = maxBins`, holds missing values (NaN) whatever the feature:
 *
 *   numeric      bin b holds t[b−1] < x ≤ t[b]   (t = thresholds[f], b = 0 … t.length)
 *   categorical  bin = the integer code itself (codes are checked to be in [0, maxBins) before binning)
 *   missing      bin = maxBins
 */
export interface BinMapper {
  /** Per feature: the increasing upper bin edges of a numeric feature; empty for a categorical one. */
  thresholds: Float64Array[];
  /** Per feature, the bins non-missing values can use (numeric: thresholds + 1; categorical: largest code + 1). */
  nBinsNonMissing: Int32Array;
  isCategorical: Uint8Array;
  missingBin: number;
}

/**
 * Bin edges of one numeric feature from its sorted non-missing values: midpoints between consecutive distinct
 * values when there are at most `maxBins` of them, otherwise the `maxBins − 1` inner quantiles computed as
 * NumPy's `percentile(method='midpoint')` does, so edges match scikit-learn's bit for bit.
 */
export function binThresholds(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  let nDistinct = n === 0 ? 0 : 1;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) nDistinct++;
  let edges: Float64Array;
  if (nDistinct <= maxBins) {
    edges = new Float64Array(Math.max(0, nDistinct - 1));
    let k = 0;
    for (let i = 1; i < n; i++) {
      if (sorted[i] !== sorted[i - 1]) edges[k++] = (sorted[i - 1] + sorted[i]) * 0.5;
    }
  } else {
    edges = new Float64Array(maxBins - 1);
    // np.linspace(0, 100, maxBins + 1)[1:-1] / 100, then the midpoint rule on the virtual index (n − 1)·q.
    const step = 100 / maxBins;
    for (let k = 1; k < maxBins; k++) {
      const q = (k * step) / 100;
      const position = (n - 1) * q;
      const index = 0.5 * (Math.floor(position) + Math.ceil(position));
      const lower = Math.floor(index);
      if (index === lower) {
        edges[k - 1] = sorted[lower];
      } else {
        const a = sorted[lower];
        const b = sorted[Math.min(lower + 1, n - 1)];
        const mid = b - (b - a) * 0.5;
        edges[k - 1] = Number.isNaN(mid) ? b : mid;
      }
    }
  }
  for (let k = 0; k < edges.length; k++) if (edges[k] > ALMOST_INF) edges[k] = ALMOST_INF;
  return edges;
}

/**
 * Learns the bin edges of every feature. Quantiles come from at most `subsample` rows drawn by `rng` (all rows when
 * there are fewer); a categorical feature needs no edges, only its number of codes (`nCategories`, counted over
 * all rows before any validation split, as scikit-learn's known categories are).
 */
export function fitBinMapper(
  X: Matrix,
  isCategorical: Uint8Array,
  nCategories: Int32Array,
  maxBins: number,
  rng: Rng,
  subsample = BINNING_SUBSAMPLE,
  memory: Allocator = unpooled,
): BinMapper {
  const { nRows: n, nCols: p } = X;
  const [sampled, m] = drawSample(n, subsample, rng, memory);
  const buffer = memory.float64(m);
  const thresholds = Array.from({ length: p }, (_, f) => {
    if (isCategorical[f]) return new Float64Array(0);
    const k = gatherColumn(X, f, sampled, m, buffer, 0);
    return sampleEdges(buffer.subarray(0, k), maxBins);
  });
  return mapperOf(thresholds, isCategorical, nCategories, maxBins);
}

/** The rows the quantiles come from, in increasing order, and how many (all n rows, `null`, when n ≤ subsample). */
function drawSample(n: number, subsample: number, rng: Rng, memory: Allocator): [Int32Array | null, number] {
  if (n <= subsample) return [null, n];
  // `rng.permutation(n)`, in the fit's working memory.
  const order = memory.int32(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return [ascending(rng.shuffle(order).subarray(0, subsample), n, memory), subsample];
}

function mapperOf(
  thresholds: Float64Array[],
  isCategorical: Uint8Array,
  nCategories: Int32Array,
  maxBins: number,
): BinMapper {
  const p = thresholds.length;
  const nBinsNonMissing = new Int32Array(p);
  for (let f = 0; f < p; f++)
    nBinsNonMissing[f] = isCategorical[f] ? nCategories[f] : thresholds[f].length + 1;
  return { thresholds, nBinsNonMissing, isCategorical, missingBin: maxBins };
}

/**
 * `fitBinMapper` then `binMatrix` into `binned` (shared memory) with a team, for a fit's training rows: the same
 * edges and bins, the sorting and the binning on the team's threads (binning-kernel.ts). The sampled values are
 * gathered into shared memory and sorted a feature at a time (EDGES); then that buffer holds a few whole columns at
 * a time for MATRIX (copying a column costs a small share of binning it, and the buffer's memory is already there).
 */
export function fitAndBinOnTeam(
  X: Matrix,
  isCategorical: Uint8Array,
  nCategories: Int32Array,
  maxBins: number,
  rng: Rng,
  team: ParallelTeam,
  binned: Uint8Array,
  subsample = BINNING_SUBSAMPLE,
  memory: Allocator = unpooled,
): BinMapper {
  const { nRows: n, nCols: p } = X;
  const [sampled, m] = drawSample(n, subsample, rng, memory);
  const data: BinsSharedData = {
    values: memory.float64(m * p, true),
    counts: sharedInt32(p),
    edges: sharedFloat64(p * maxBins),
    nEdges: sharedInt32(p),
    sampleSize: m,
    maxBins,
    binned,
    nRows: n,
    nCodes: sharedInt32(p),
  };
  for (let f = 0; f < p; f++)
    data.counts[f] = isCategorical[f] ? -1 : gatherColumn(X, f, sampled, m, data.values, f * m);
  team.open('hgb-bins', data);
  team.run(BINS_OP.EDGES, 0, 0, 0, 0);
  const thresholds = Array.from({ length: p }, (_, f) =>
    data.edges.slice(f * maxBins, f * maxBins + (isCategorical[f] ? 0 : data.nEdges[f])),
  );
  const mapper = mapperOf(thresholds, isCategorical, nCategories, maxBins);
  data.nCodes.set(mapper.nBinsNonMissing);
  // Whole columns per round: as many as the sample's buffer holds (none when the rows outnumber the sample's
  // values, few features on many rows: then the caller bins alone).
  const perRound = Math.floor((m * p) / n);
  if (perRound === 0) {
    binMatrix(X, mapper, binned);
    return mapper;
  }
  for (let f = 0; f < p; f += perRound) {
    const width = Math.min(perRound, p - f);
    data.values.set(X.data.subarray(f * n, (f + width) * n));
    team.run(BINS_OP.MATRIX, f, width, 0, 0);
  }
  return mapper;
}

/** The edges of one feature from its non-missing sampled values, which it sorts in place. */
export function sampleEdges(values: Float64Array, maxBins: number): Float64Array {
  sortFloat64(values);
  return binThresholds(values, maxBins);
}

/** Column f's non-missing values at the sampled rows (all m rows when `sampled` is null) into `out` at `at`. */
function gatherColumn(
  X: Matrix,
  f: number,
  sampled: Int32Array | null,
  m: number,
  out: Float64Array,
  at: number,
): number {
  const { data, nRows } = X;
  const column = f * nRows;
  let k = at;
  for (let r = 0; r < m; r++) {
    const x = data[column + (sampled === null ? r : sampled[r])];
    if (!Number.isNaN(x)) out[k++] = x;
  }
  return k - at;
}

/**
 * The sampled row indices in increasing order: only the set of values drawn matters (they are sorted next), and
 * reading a column in row order instead of at random places makes the gather ~8× faster on large data.
 */
function ascending(indices: Int32Array, n: number, memory: Allocator): Int32Array {
  const drawn = memory.uint8(n);
  for (let r = 0; r < indices.length; r++) drawn[indices[r]] = 1;
  // One spare slot: every index is written at the current end, which moves on only for drawn ones.
  const out = memory.int32(indices.length + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    out[k] = i;
    k += drawn[i];
  }
  return out.subarray(0, indices.length);
}

/**
 * The bin of every value, as one column-major `Uint8Array` (n × p, like the matrix it comes from), written into
 * `binned` when given.
 */
export function binMatrix(
  X: Matrix,
  mapper: BinMapper,
  binned: Uint8Array<ArrayBufferLike> = new Uint8Array(X.nRows * X.nCols),
): Uint8Array {
  const { nRows: n, nCols: p, data } = X;
  for (let f = 0; f < p; f++) {
    if (mapper.isCategorical[f])
      binCodes(data, f * n, mapper.nBinsNonMissing[f], mapper.missingBin, binned, f * n, n);
    else binValues(data, f * n, paddedEdges(mapper.thresholds[f]), mapper.missingBin, binned, f * n, n);
  }
  return binned;
}

/** A numeric feature's edges padded with +∞ to 256 (at most 254 edges), so `binValues`' search takes 8 steps. */
export function paddedEdges(
  thresholds: Float64Array<ArrayBufferLike>,
  out: Float64Array = new Float64Array(256),
): Float64Array {
  out.fill(Number.POSITIVE_INFINITY);
  out.set(thresholds);
  return out;
}

/**
 * The bins of `count` numeric values, `values[from …]` into `binned[to …]`: the number of edges below each value
 * (the first edge ≥ it), or `missingBin` for NaN.
 */
export function binValues(
  values: Float64Array,
  from: number,
  edges: Float64Array,
  missingBin: number,
  binned: Uint8Array,
  to: number,
  count: number,
): void {
  // A binary search written as arithmetic on the comparisons: V8 compiles `cond ? a : b` to a branch, which
  // mispredicts half the time here, and this form runs 5× faster. Plain version: while (lo < hi) { mid = (lo + hi)
  // >> 1; x <= edges[mid] ? hi = mid : lo = mid + 1 }. Four values per pass: each search is a chain of eight
  // dependent loads, and four chains overlap.
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const x0 = values[from + i];
    const x1 = values[from + i + 1];
    const x2 = values[from + i + 2];
    const x3 = values[from + i + 3];
    let b0 = +(edges[127] < x0) << 7;
    let b1 = +(edges[127] < x1) << 7;
    let b2 = +(edges[127] < x2) << 7;
    let b3 = +(edges[127] < x3) << 7;
    b0 += +(edges[b0 + 63] < x0) << 6;
    b1 += +(edges[b1 + 63] < x1) << 6;
    b2 += +(edges[b2 + 63] < x2) << 6;
    b3 += +(edges[b3 + 63] < x3) << 6;
    b0 += +(edges[b0 + 31] < x0) << 5;
    b1 += +(edges[b1 + 31] < x1) << 5;
    b2 += +(edges[b2 + 31] < x2) << 5;
    b3 += +(edges[b3 + 31] < x3) << 5;
    b0 += +(edges[b0 + 15] < x0) << 4;
    b1 += +(edges[b1 + 15] < x1) << 4;
    b2 += +(edges[b2 + 15] < x2) << 4;
    b3 += +(edges[b3 + 15] < x3) << 4;
    b0 += +(edges[b0 + 7] < x0) << 3;
    b1 += +(edges[b1 + 7] < x1) << 3;
    b2 += +(edges[b2 + 7] < x2) << 3;
    b3 += +(edges[b3 + 7] < x3) << 3;
    b0 += +(edges[b0 + 3] < x0) << 2;
    b1 += +(edges[b1 + 3] < x1) << 2;
    b2 += +(edges[b2 + 3] < x2) << 2;
    b3 += +(edges[b3 + 3] < x3) << 2;
    b0 += +(edges[b0 + 1] < x0) << 1;
    b1 += +(edges[b1 + 1] < x1) << 1;
    b2 += +(edges[b2 + 1] < x2) << 1;
    b3 += +(edges[b3 + 1] < x3) << 1;
    b0 += +(edges[b0] < x0);
    b1 += +(edges[b1] < x1);
    b2 += +(edges[b2] < x2);
    b3 += +(edges[b3] < x3);
    binned[to + i] = Number.isNaN(x0) ? missingBin : b0;
    binned[to + i + 1] = Number.isNaN(x1) ? missingBin : b1;
    binned[to + i + 2] = Number.isNaN(x2) ? missingBin : b2;
    binned[to + i + 3] = Number.isNaN(x3) ? missingBin : b3;
  }
  for (; i < count; i++) {
    const x = values[from + i];
    let b = +(edges[127] < x) << 7;
    for (let step = 6; step >= 0; step--) b += +(edges[b + (1 << step) - 1] < x) << step;
    binned[to + i] = Number.isNaN(x) ? missingBin : b;
  }
}

/** The bins of `count` categorical codes (`binValues`' arguments): the code itself, or `missingBin`. */
export function binCodes(
  values: Float64Array,
  from: number,
  nCodes: number,
  missingBin: number,
  binned: Uint8Array,
  to: number,
  count: number,
): void {
  for (let i = 0; i < count; i++) {
    const x = values[from + i];
    // Codes outside the fitted range can only come from validation rows: treat them as missing.
    binned[to + i] = x >= 0 && x < nCodes ? x : missingBin;
  }
}
