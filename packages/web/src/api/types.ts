// Types of the Quarry REST API (v1), copied from docs/api.md. The server is the source of truth; keep these
// in step with it rather than inventing fields the contract does not promise.

export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text' | 'identifier';

export const COLUMN_TYPES: readonly ColumnType[] = [
  'numeric',
  'categorical',
  'boolean',
  'datetime',
  'text',
  'identifier',
];

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  inferredType: ColumnType;
  reason: string;
  missing: number;
}

export type DatasetFormat = 'csv' | 'tsv' | 'json' | 'ndjson' | 'parquet' | 'xlsx';

export interface DatasetSummary {
  id: string;
  name: string;
  fileName: string;
  format: DatasetFormat;
  nRows: number;
  nCols: number;
  sizeBytes: number;
  createdAt: string;
  columns: ColumnInfo[];
}

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface TopValue {
  value: string;
  count: number;
}

export interface Quantiles {
  p05: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  missing: number;
  distinct: number;
  min?: number | string;
  max?: number | string;
  mean?: number;
  std?: number;
  quantiles?: Quantiles;
  histogram?: HistogramBin[];
  topValues?: TopValue[];
}

export interface DatasetProfile {
  nRows: number;
  columns: ColumnProfile[];
}

export type Cell = string | number | boolean | null;

export interface RowsPage {
  columns: string[];
  rows: Cell[][];
  total: number;
}

export type Task = 'classification' | 'regression';

export interface TaskDetection {
  task: Task;
  reason: string;
  classes: string[] | null;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

export const FINAL_JOB_STATUSES: ReadonlySet<JobStatus> = new Set([
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
]);

export interface Job {
  id: string;
  kind: 'train';
  status: JobStatus;
  progress: number;
  message: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  spec: object;
  error: { code: string; message: string } | null;
  result: { modelId: string } | null;
}

export type ModelFamily = 'auto' | 'linear' | 'tree' | 'forest' | 'extra_trees' | 'gbdt' | 'knn' | 'nb';

export interface TrainRequest {
  datasetId: string;
  target: string;
  task?: 'auto' | Task;
  model?: ModelFamily;
  params?: Record<string, unknown>;
  seed?: number;
  testSize?: number;
  name?: string;
}

export type MetricKey =
  | 'accuracy'
  | 'balanced_accuracy'
  | 'roc_auc'
  | 'roc_auc_ovr'
  | 'log_loss'
  | 'rmse'
  | 'mae'
  | 'r2';

export type Metrics = Partial<Record<MetricKey, number>>;

export interface ModelSummary {
  id: string;
  name: string;
  version: number;
  task: Task;
  family: string;
  target: string;
  datasetId: string;
  datasetName: string;
  createdAt: string;
  seed: number;
  split: { strategy: 'stratified' | 'random' | 'rows'; testSize: number; nTrain: number; nTest: number };
  metrics: Metrics;
}

export interface SchemaColumn {
  name: string;
  type: ColumnType;
  categories?: string[];
  min?: number;
  max?: number;
}

export interface ConfusionMatrix {
  labels: string[];
  /** rows = actual, columns = predicted */
  matrix: number[][];
}

export interface ModelDetail extends ModelSummary {
  schema: { columns: SchemaColumn[] };
  classes: string[] | null;
  confusionMatrix: ConfusionMatrix | null;
  params: Record<string, unknown>;
  /** Why the task is what it is (detected, or chosen by the person). */
  taskReason?: string;
  /** Cross-validation score per family compared by 'auto' (ROC AUC, or −RMSE for regression). */
  familyScores?: Record<string, number> | null;
  /** When 'auto' chose an ensemble: its members and weights. */
  members?: { family: string; weight: number }[] | null;
  /** Columns left out of the features, with why. */
  excluded?: { name: string; reason: string }[];
}

export type IssueSeverity = 'error' | 'warning' | 'info';

export interface SchemaIssue {
  column: string;
  severity: IssueSeverity;
  code: string;
  message: string;
}

export interface PredictionResult {
  predictionId: string;
  nRows: number;
  columns: string[];
  /** The columns the model added (prediction, then class probabilities); shown first. */
  predictionColumns?: string[];
  rows: (string | number | null)[][];
  issues: SchemaIssue[];
}

export interface Health {
  status: 'ok';
  version: string;
}
