/**
 * The few curriculum values a lesson page needs while rendering, in a module that imports no @quarry/ml: the
 * page computes in a Web Worker (packages/web/src/academy/curriculum/lesson-worker.ts), and importing the
 * modules that define the computations would put the whole engine into the page's chunk a second time.
 * Exported as `@quarry/academy/curriculum/constants`; the curriculum modules use the same definitions.
 */

export const DETECTORS = [
  'isolationForest',
  'localOutlierFactor',
  'robustZScore',
  'mahalanobis',
  'ensemble',
] as const;
export type DetectorKey = (typeof DETECTORS)[number];

/** The anomaly detectors' display names. */
export const DETECTOR_LABELS: Record<DetectorKey, string> = {
  isolationForest: 'Isolation forest',
  localOutlierFactor: 'Local outlier factor',
  robustZScore: 'Robust z-score',
  mahalanobis: 'Mahalanobis',
  ensemble: 'Ensemble vote',
};

/** The churn columns with gaps the missing-values part fills. */
export const MISSING_COLUMNS = ['satisfaction_score', 'data_usage_gb'] as const;
export type MissingColumn = (typeof MISSING_COLUMNS)[number];

/** One depth of the tuning part's validation curve. */
export interface DepthPoint {
  depth: number;
  /** Mean ROC AUC on the rows each fold's tree was grown on. */
  train: number;
  /** Mean ROC AUC on each fold's held-out rows. */
  validation: number;
}

/** The deepest tree of the validation curve. */
export const MAX_DEPTH = 12;

/** The depth the validation folds choose (the highest mean validation AUC). */
export function bestDepth(points: readonly DepthPoint[]): number {
  return points.reduce((best, p) => (p.validation > best.validation ? p : best)).depth;
}
