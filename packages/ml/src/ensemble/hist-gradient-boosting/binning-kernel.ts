import { type ParallelKernel, partBounds } from '../../core/parallel';
import { BINS_OP, binCodes, binValues, paddedEdges, sampleEdges } from './binning';

/**
 * A fit's binning on a `ParallelTeam` (binning.ts's `fitAndBinOnTeam`): the caller gathers every numeric column's
 * sampled values into shared memory, and EDGES sorts them and takes their quantiles, a block of features per chunk
 * (sorting 200 000 values per feature is most of the edges' work); then, a few whole columns at a time copied into
 * the same buffer, MATRIX bins them into the shared binned matrix, a part of a column per chunk.
 */
export interface BinsSharedData {
  /** Feature f's non-missing sampled values at `[f · sampleSize, f · sampleSize + counts[f])`, sorted in place. */
  values: Float64Array;
  /** Per feature, how many values it has; −1 for a categorical feature (no edges). */
  counts: Int32Array;
  /** Feature f's edges at `[f · maxBins, f · maxBins + nEdges[f])` (fewer than maxBins). */
  edges: Float64Array;
  nEdges: Int32Array;
  sampleSize: number;
  maxBins: number;
  /** The binned training matrix (column-major, `nRows` per feature), MATRIX's output. */
  binned: Uint8Array;
  nRows: number;
  /** Per feature, its bins for non-missing values (a categorical feature's number of codes). */
  nCodes: Int32Array;
}

/** MATRIX cuts each column into this many chunks. */
const PARTS_PER_COLUMN = 4;

interface BinsState extends BinsSharedData {
  /** A member's padded edges of the column it bins. */
  table: Float64Array;
}

/**
 * MATRIX's chunk: part of column `first + ⌊chunk / PARTS_PER_COLUMN⌋`, which the caller copied to the staging
 * buffer (`values`), one column after the other from its start.
 */
function binPart(s: BinsState, first: number, chunk: number) {
  const j = Math.floor(chunk / PARTS_PER_COLUMN);
  const f = first + j;
  const n = s.nRows;
  const [from, to] = partBounds(0, n, chunk % PARTS_PER_COLUMN, PARTS_PER_COLUMN);
  const missingBin = s.maxBins;
  if (s.counts[f] < 0) {
    binCodes(s.values, j * n + from, s.nCodes[f], missingBin, s.binned, f * n + from, to - from);
    return;
  }
  const table = paddedEdges(s.edges.subarray(f * s.maxBins, f * s.maxBins + s.nEdges[f]), s.table);
  binValues(s.values, j * n + from, table, missingBin, s.binned, f * n + from, to - from);
}

export const binsKernel: ParallelKernel<BinsState> = {
  init: (data) => ({ ...(data as BinsSharedData), table: new Float64Array(256) }),
  message() {},
  chunks: (s, op, _a, b) => (op === BINS_OP.MATRIX ? b * PARTS_PER_COLUMN : s.counts.length),
  run(s, op, a, _b, _c, _d, chunk, chunks) {
    if (op === BINS_OP.MATRIX) return binPart(s, a, chunk);
    const [f0, f1] = partBounds(0, s.counts.length, chunk, chunks);
    for (let f = f0; f < f1; f++) {
      const count = s.counts[f];
      if (count < 0) continue;
      const from = f * s.sampleSize;
      const edges = sampleEdges(s.values.subarray(from, from + count), s.maxBins);
      s.edges.set(edges, f * s.maxBins);
      s.nEdges[f] = edges.length;
    }
  },
};
