/** Shapes of the anomaly API (packages/server/src/anomalies). */

export interface AnomalyReason {
  feature: string;
  /** Share of the row's unusualness this feature explains, 0..1. */
  contribution: number;
  /** Signed robust z-score of the (encoded) value. */
  robustZ: number;
  value: string | number | null;
}

export interface AnomalyRow {
  row: number;
  score: number;
  agreement: number;
  flaggedBy: string[];
  ranks: Record<string, number>;
  reasons: AnomalyReason[];
  values: Record<string, string | number | null>;
}

export interface AnomalyRun {
  version: 1;
  id: string;
  datasetId: string;
  datasetName: string;
  createdAt: string;
  request: { columns: string[]; contamination: number; seed: number };
  nRows: number;
  nAnalysed: number;
  features: { name: string; encoding: 'numeric' | 'rarity'; imputed: number }[];
  excluded: { name: string; reason: string }[];
  threshold: number;
  quantiles: number[];
  histogram: number[];
  detectors: { name: string; flagged: number }[];
  rows: AnomalyRow[];
  labels: Record<string, 'normal' | 'anomalous'>;
}

export const DETECTOR_LABELS: Record<string, string> = {
  isolationForest: 'Isolation forest',
  localOutlierFactor: 'Local outlier factor',
  robustZScore: 'Robust z-score',
  mahalanobis: 'Robust Mahalanobis',
};

/** One run as `GET /api/anomalies` lists it (newest first): enough to tell runs apart and pick one. */
export interface AnomalyRunSummary {
  id: string;
  datasetId: string;
  datasetName: string;
  createdAt: string;
  contamination: number;
  seed: number;
  columns: string[];
  nRows: number;
  nAnalysed: number;
  nFlagged: number;
  detectors: { name: string; flagged: number }[];
  /** Rows a person marked normal or anomalous in this run. */
  nMarked: number;
}
