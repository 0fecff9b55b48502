import type { Matrix } from '../core/matrix';
import { NeighborHeap } from './neighbor-heap';

/**
 * The k nearest training rows of each query row, nearest first, query-major:
 *
 *   indices[q * k + j]    training row of the j-th neighbour of query q
 *   distances[q * k + j]  its distance
 */
export interface Neighbors {
  nQueries: number;
  k: number;
  indices: Int32Array;
  distances: Float64Array;
}

/**
 * Brute-force k nearest neighbours under the Minkowski distance (Σ|a−b|^p)^(1/p). Both matrices are column-major,
 * so the distances of one query to every training row are accumulated one feature column at a time (contiguous
 * reads); the heap then keeps the k best. Comparisons use the "reduced" distance Σ|a−b|^p, and only the k kept ones
 * get the p-th root (as scikit-learn's KD-tree and ball tree). Plain version:
 *
 *   for each query q: order = argsort(training rows by (distance to q, row index)); keep order[:k]
 */
export function kNearest(train: Matrix, queries: Matrix, k: number, p: number): Neighbors {
  const nTrain = train.nRows;
  const nQueries = queries.nRows;
  const nFeatures = train.nCols;
  const reduced = new Float64Array(nTrain);
  const heap = new NeighborHeap(k);
  const indices = new Int32Array(nQueries * k);
  const distances = new Float64Array(nQueries * k);
  for (let q = 0; q < nQueries; q++) {
    reduced.fill(0);
    for (let j = 0; j < nFeatures; j++) {
      const x = queries.data[j * nQueries + q];
      const offset = j * nTrain;
      if (p === 2) {
        for (let r = 0; r < nTrain; r++) {
          const diff = train.data[offset + r] - x;
          reduced[r] += diff * diff;
        }
      } else if (p === 1) {
        for (let r = 0; r < nTrain; r++) reduced[r] += Math.abs(train.data[offset + r] - x);
      } else {
        for (let r = 0; r < nTrain; r++) reduced[r] += Math.abs(train.data[offset + r] - x) ** p;
      }
    }
    heap.reset();
    for (let r = 0; r < nTrain; r++) heap.push(reduced[r], r);
    heap.sort();
    for (let j = 0; j < k; j++) {
      const rd = heap.distances[j];
      indices[q * k + j] = heap.indices[j];
      distances[q * k + j] = p === 1 ? rd : p === 2 ? Math.sqrt(rd) : rd ** (1 / p);
    }
  }
  return { nQueries, k, indices, distances };
}
