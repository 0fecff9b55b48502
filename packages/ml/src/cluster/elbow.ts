import { MlError } from '../core/errors';
import { type FitOptions, subTaskOptions } from '../core/fit-options';
import type { Tabular } from '../core/roles';
import { KMeans, type KMeansParams } from './kmeans';

export interface ElbowPoint {
  k: number;
  inertia: number;
  /** The cluster of every row for this k (for silhouettes or colouring). */
  labels: Int32Array;
}

/**
 * Inertia for k = 1..kMax, one seeded KMeans fit per k: the "elbow" where adding clusters stops paying off
 * suggests a k. Inertia always falls as k grows, so read it together with the silhouette.
 */
export function elbowCurve(
  X: Tabular,
  options: { kMax: number } & Partial<Omit<KMeansParams, 'nClusters' | 'init'>>,
  fitOptions: FitOptions = {},
): ElbowPoint[] {
  const { kMax, ...params } = options;
  if (!(Number.isInteger(kMax) && kMax >= 1)) {
    throw new MlError('INVALID_PARAMETER', `elbowCurve needs an integer kMax >= 1, got ${kMax}.`);
  }
  const out: ElbowPoint[] = [];
  for (let k = 1; k <= kMax; k++) {
    const model = new KMeans({ ...params, nClusters: k }).fit(
      X,
      undefined,
      subTaskOptions(fitOptions, (k - 1) / kMax, k / kMax, `k = ${k}`),
    );
    out.push({ k, inertia: model.inertia_, labels: model.labels_ });
  }
  return out;
}
