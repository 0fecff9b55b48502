import { type ParallelKernel, partBounds } from '../../core/parallel';
import { sampleEdges } from './binning';

/**
 * The bin edges of a fit's features on a `ParallelTeam` (binning.ts's `fitBinMapper` with a team): the caller
 * gathers every numeric column's sampled values into shared memory, and EDGES sorts them and takes their quantiles,
 * a block of features per chunk (its one op, binning.ts's `BINS_OP.EDGES`). Sorting 200 000 values per feature is
 * most of the binning of a large fit.
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
}

export const binsKernel: ParallelKernel<BinsSharedData> = {
  init: (data) => data as BinsSharedData,
  message() {},
  chunks: (s) => s.counts.length,
  run(s, _op, _a, _b, _c, _d, chunk, chunks) {
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
