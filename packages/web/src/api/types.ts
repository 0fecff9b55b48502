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
  kind: JobKind;
  status: JobStatus;
  progress: number;
  message: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  spec: object;
  error: { code: string; message: string } | null;
  /** train and save: modelId; leaderboard: leaderboardId; tune: tuningId. */
  result: { modelId?: string; leaderboardId?: string; tuningId?: string } | null;
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
  | 'average_precision'
  | 'f1'
  | 'precision'
  | 'recall'
  | 'brier'
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
  stage?: Stage;
  source?: 'train' | 'leaderboard' | 'tuning' | 'import';
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
  lineage?: Lineage | null;
  threshold?: { value: number; positiveClass: string; goal: ThresholdGoal | null } | null;
  calibration?: 'sigmoid' | 'isotonic' | null;
  leaderboardId?: string | null;
  tuningId?: string | null;
  codeVersion?: string;
  sha256?: string;
  /** Conformal intervals / prediction sets calibrated at training; null for models saved before them. */
  uncertainty?: ModelUncertainty | null;
}

export interface ModelUncertainty {
  method: 'normalized-cross-conformal' | 'lac-cross-conformal';
  /** Per level: the conformal quantile, the coverage measured on the holdout, mean width / set size. */
  levels: { level: number; q: number | null; holdoutCoverage: number; meanSize: number }[];
  nHoldout: number;
}

export type IssueSeverity = 'error' | 'warning' | 'info';

export interface SchemaIssue {
  column: string;
  severity: IssueSeverity;
  code: string;
  message: string;
  /** Rows affected, offending examples and what to do (absent from servers before the schema contract). */
  count?: number;
  examples?: string[];
  suggestion?: string;
}

/** POST /api/models/:id/validate: the findings before predicting. */
export interface ValidationResult {
  nRows: number;
  issues: SchemaIssue[];
  canPredict: boolean;
}

export interface PredictionResult {
  predictionId: string;
  nRows: number;
  columns: string[];
  /** The columns the model added (prediction, then class probabilities); shown first. */
  predictionColumns?: string[];
  rows: (string | number | null)[][];
  issues: SchemaIssue[];
  /** The conformal level predicted at, its interval / set columns, and its measured holdout coverage. */
  uncertainty?: {
    level: number;
    method: string;
    columns: string[];
    holdoutCoverage: number | null;
  } | null;
}

export interface Health {
  status: 'ok';
  version: string;
}

// ── Explore and clean (docs/api.md "Explore and clean") ──────────────────────────────────────────────────

export interface ColumnOutliers {
  iqrLower: number;
  iqrUpper: number;
  iqrCount: number;
  median: number;
  mad: number;
  madCount: number;
}

/** The profile's explore fields; the server sends them with every profile. */
export interface ExploreColumnProfile extends ColumnProfile {
  distinctApprox?: boolean;
  outliers?: ColumnOutliers;
  impossibleDates?: number;
}

export interface ExploreProfile {
  nRows: number;
  quantileRows?: number;
  columns: ExploreColumnProfile[];
  duplicateRows?: number;
  missingPatterns?: { columns: string[]; count: number }[];
}

export type FilterOperator =
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'notIn'
  | 'isMissing'
  | 'notMissing'
  | 'contains';

export type DatePart = 'year' | 'month' | 'day' | 'weekday' | 'hour';

/** A cleaning step: plain JSON, never SQL. */
export type Step =
  | { op: 'drop'; columns: string[] }
  | { op: 'rename'; column: string; to: string }
  | { op: 'cast'; column: string; to: ColumnType }
  | {
      op: 'filter';
      column: string;
      operator: FilterOperator;
      value?: string | number | boolean | (string | number)[];
    }
  | { op: 'deduplicate'; columns?: string[] }
  | { op: 'fillMissing'; column: string; value: string | number | boolean }
  | { op: 'clip'; column: string; lower?: number; upper?: number }
  | { op: 'flagOutliers'; column: string; newColumn?: string; k?: number; lower?: number; upper?: number }
  | { op: 'dateParts'; column: string; parts: DatePart[] }
  | { op: 'textLength'; column: string; newColumn?: string }
  | { op: 'standardize'; column: string; mean?: number; sd?: number }
  | { op: 'combine'; columns: string[]; newColumn?: string; separator?: string }
  | { op: 'replaceValue'; column: string; from: string; to: string | null };

export type StepOp = Step['op'];

/** A data set as one version of a lineage (an upload is version 1 of its own lineage). */
export interface DatasetVersion extends DatasetSummary {
  rootId: string;
  parentId: string | null;
  version: number;
  steps: Step[];
  isCurrent: boolean;
}

export interface VersionList {
  rootId: string;
  currentId: string;
  versions: DatasetVersion[];
}

export interface Correlations {
  rowsUsed: number;
  numeric: string[];
  categorical: string[];
  numericPairs: { a: string; b: string; n: number; pearson: number | null; spearman: number | null }[];
  categoricalPairs: { a: string; b: string; n: number; cramersV: number | null }[];
  excluded: { name: string; reason: string }[];
}

export interface TargetRelations {
  target: string;
  task: Task;
  positiveClass: string | null;
  rowsUsed: number;
  features: {
    name: string;
    type: ColumnType;
    n: number;
    auc: number | null;
    mutualInformation: number;
    r2: number | null;
  }[];
}

export type WarningSeverity = 'info' | 'warning' | 'critical';

export interface DataWarning {
  code: string;
  category: 'quality' | 'leakage';
  severity: WarningSeverity;
  columns: string[];
  message: string;
  suggestion: string;
  details: Record<string, number | string | boolean | null>;
}

export interface SqlTable {
  name: string;
  datasetId: string;
  datasetName: string;
  version: number;
  isCurrent: boolean;
  columns: { name: string; type: string }[];
}

export interface SqlResult {
  columns: { name: string; type: string }[];
  rows: unknown[][];
  truncated: boolean;
  elapsedMs: number;
}

// Tabular modelling (docs/api.md, "Tabular modelling").

export type JobKind = 'train' | 'leaderboard' | 'tune' | 'save';

export type Family = 'dummy' | 'linear' | 'tree' | 'forest' | 'extra_trees' | 'gbdt' | 'knn' | 'nb';

/** scikit-learn scorer names; every score is greater-is-better (losses negated). */
export type ScorerName =
  | 'roc_auc'
  | 'average_precision'
  | 'accuracy'
  | 'balanced_accuracy'
  | 'f1'
  | 'precision'
  | 'recall'
  | 'neg_log_loss'
  | 'neg_brier_score'
  | 'roc_auc_ovr'
  | 'f1_macro'
  | 'neg_root_mean_squared_error'
  | 'neg_mean_absolute_error'
  | 'r2'
  | 'neg_mean_absolute_percentage_error';

export type CvStrategy = 'stratified' | 'kfold' | 'group' | 'time';

export interface CvSpec {
  strategy: CvStrategy;
  k: number;
  groupColumn?: string;
  timeColumn?: string;
}

export type ThresholdGoal =
  | { metric: 'f1' }
  | { metric: 'recall_at_precision'; minPrecision: number }
  | { metric: 'min_cost'; costFalsePositive: number; costFalseNegative: number };

export interface Imbalance {
  classWeight?: 'balanced' | null;
  resample?: 'none' | 'oversample' | 'undersample';
  threshold?: ThresholdGoal;
}

export interface LeaderboardRequest {
  datasetId: string;
  target: string;
  task?: 'auto' | Task;
  families?: Family[];
  metric?: ScorerName;
  cv?: CvSpec;
  seed?: number;
  testSize?: number;
  imbalance?: Imbalance;
}

export interface MetricStats {
  mean: number | null;
  std: number | null;
  folds: (number | null)[];
}

export interface PairedTest {
  against: string;
  meanDifference: number;
  t: number | null;
  pValue: number;
  better: boolean;
}

export interface ThresholdPoint {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  cost?: number;
}

export interface ThresholdTuning {
  goal: ThresholdGoal;
  positiveClass: string;
  threshold: number;
  value: number | null;
  curve: ThresholdPoint[];
}

export interface LeaderboardRow {
  family: Family;
  rank: number;
  status: 'ok' | 'failed';
  error: string | null;
  params: Record<string, unknown>;
  metrics: Partial<Record<ScorerName, MetricStats>>;
  holdout: Partial<Record<ScorerName, number | null>>;
  fitSeconds: { mean: number; total: number };
  vsBaseline: PairedTest | null;
  vsLeader: PairedTest | null;
  flags: { isBaseline: boolean; isLeader: boolean; notBetterThanBaseline: boolean; tiedWithLeader: boolean };
  notes: string[];
  threshold: ThresholdTuning | null;
  calibration: { brier: number; probPred: number[]; probTrue: number[] } | null;
}

export interface CvFolds {
  folds: { nFit: number; nValidation: number }[];
}

export interface Leaderboard {
  id: string;
  datasetId: string;
  datasetName: string;
  datasetVersion: number;
  target: string;
  task: Task;
  classes: string[] | null;
  positiveClass: string | null;
  metric: ScorerName;
  metrics: ScorerName[];
  seed: number;
  cv: CvSpec & CvFolds;
  split: { strategy: string; testSize: number; nTrain: number; nTest: number };
  imbalance: Imbalance | null;
  baseline: 'dummy';
  leader: Family;
  rows: LeaderboardRow[];
  createdAt: string;
}

export interface SaveRequest {
  family: Family;
  name?: string;
  threshold?: number | 'tuned' | ThresholdGoal;
  calibration?: 'none' | 'sigmoid' | 'isotonic';
}

export type SpaceValue = number | string | boolean | null;
export type Distribution = { type: 'uniform' | 'loguniform' | 'randint'; low: number; high: number };

export interface SpaceParam {
  values?: SpaceValue[];
  distribution?: Distribution;
  min: number | null;
  max: number | null;
  /** Numbers must be whole. */
  integer?: boolean;
  /** Non-number values allowed (null for "no limit", 'sqrt'). */
  options?: SpaceValue[];
  description: string;
}

export type SearchSpace = Record<string, SpaceValue[] | Distribution>;

export interface TuneRequest {
  datasetId: string;
  target: string;
  task?: 'auto' | Task;
  family: Family;
  metric?: ScorerName;
  search: 'grid' | 'random';
  space?: SearchSpace;
  budget?: { trials?: number; minutes?: number };
  cv?: CvSpec;
  seed?: number;
  imbalance?: Imbalance;
}

export interface TuningTrial {
  trial: number;
  params: Record<string, unknown>;
  status: 'ok' | 'failed';
  error: string | null;
  mean: number | null;
  std: number | null;
  folds: (number | null)[];
  rank: number;
  fitSeconds: number;
}

export interface Tuning {
  id: string;
  datasetId: string;
  target: string;
  task: Task;
  family: Family;
  search: 'grid' | 'random';
  metric: ScorerName;
  seed: number;
  space: SearchSpace;
  cv: CvSpec & CvFolds;
  budget: { trials: number | null; minutes: number | null };
  stoppedBy: 'trials' | 'minutes' | 'exhausted';
  trials: TuningTrial[];
  best: { trial: number; params: Record<string, unknown>; mean: number; std: number } | null;
  createdAt: string;
}

export type Stage = 'draft' | 'production' | 'archived';

export interface Lineage {
  dataset: {
    id: string;
    name: string;
    rootId: string;
    version: number;
    contentSha256: string;
    nRows: number;
  };
  target: string;
  pipeline: { family: string; steps: string[] };
  params: Record<string, unknown>;
  seed: number;
  split: { strategy: string; testSize: number; nTrain: number; nTest: number; testRowsSha256: string };
  cv: {
    strategy: string;
    k: number;
    groupColumn: string | null;
    timeColumn: string | null;
    foldSizes: number[];
    assignmentSha256: string;
  } | null;
  imbalance: Imbalance | null;
  metrics: Metrics;
  codeVersion: string;
  recipe?: { rootDatasetId: string; version: number; steps: unknown[] } | null;
}

export interface ModelGroup {
  name: string;
  production: { id: string; version: number } | null;
  latest: number;
  versions: ModelSummary[];
}

export interface ModelComparison {
  a: ModelDetail;
  b: ModelDetail;
  metrics: { name: string; a: number | null; b: number | null; difference: number | null }[];
  differences: { field: string; a: unknown; b: unknown }[];
}

export interface CurvePoints {
  label: string;
  x: number[];
  y: number[];
  auc?: number;
}

export interface ModelCharts {
  task: Task;
  nRows: number;
  roc: CurvePoints[] | null;
  pr: CurvePoints[] | null;
  calibration: (CurvePoints & { brier: number })[] | null;
  lift: { label: string; fraction: number[]; lift: number[]; gain: number[] }[] | null;
  confusionMatrix: ConfusionMatrix | null;
  residuals: { fitted: number[]; residual: number[] } | null;
  predictedVsActual: { actual: number[]; predicted: number[] } | null;
  importance: { metric: ScorerName; features: { name: string; mean: number; std: number }[] };
  partialDependence: {
    feature: string;
    kind: 'numeric' | 'categorical';
    grid: (number | string)[];
    outputs: { label: string; values: number[] }[];
  }[];
  /** What the model reads in each text column: top coefficients by term, or its NMF topics' terms. */
  textTerms?:
    | {
        feature: string;
        how: 'coefficients' | 'topics';
        towards: string | null;
        terms: { term: string; weight: number }[] | null;
        topics: string[][] | null;
      }[]
    | null;
}
