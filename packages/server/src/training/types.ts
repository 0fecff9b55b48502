import type { ColumnType } from '../datasets/column-types';
import type { ColumnData } from '../datasets/service';
import type { Uncertainty, UncertaintyOutput } from './uncertainty';

export type Task = 'classification' | 'regression';
/** Model families a user can ask for; 'auto' compares the candidates by cross-validation on the training rows. */
export const FAMILIES = ['auto', 'linear', 'tree', 'forest', 'extra_trees', 'gbdt', 'knn', 'nb'] as const;
export type Family = (typeof FAMILIES)[number];
/** A single family, or the weighted ensemble that 'auto' may choose. */
export type ModelKind = Exclude<Family, 'auto'> | 'ensemble';
/**
 * What 'auto' compares, simplest first (a tie goes to the simpler family): the three families that win on
 * tabular data between them (see reference-peers.jsonl); a single tree, k-NN and naive Bayes rarely do.
 */
export const AUTO_CANDIDATES: Exclude<Family, 'auto'>[] = ['linear', 'gbdt', 'forest', 'extra_trees'];

export type MetricKey =
  | 'accuracy'
  | 'balanced_accuracy'
  | 'roc_auc'
  | 'roc_auc_ovr'
  | 'log_loss'
  | 'rmse'
  | 'mae'
  | 'r2'
  | 'f1'
  | 'precision'
  | 'recall'
  | 'average_precision'
  | 'brier';
export type Metrics = Partial<Record<MetricKey, number>>;

/**
 * One feature of the training schema — the contract a prediction file is checked against (predict/
 * schema-check.ts). `missingShare` and `quantiles` were added later: older model files lack them and are
 * checked with what they have (types, categories, min/max, the missing count).
 */
export interface SchemaColumn {
  name: string;
  type: ColumnType;
  /** Categories seen in training (categorical columns). */
  categories?: string[];
  min?: number;
  max?: number;
  /** Missing values in the training data set (count). */
  missing?: number;
  /** Share of rows missing in the training data set (0–1). */
  missingShare?: number;
  /** Numeric columns: the 1st, 50th and 99th percentiles of the training values. */
  quantiles?: { p01: number; p50: number; p99: number };
}

/** What a worker needs to train: plain data and typed arrays only (they are transferred, not copied). */
export interface TrainInput {
  kind: 'train';
  task: Task;
  family: Family | 'ensemble';
  params: Record<string, unknown>;
  seed: number;
  testSize: number;
  /** Rows (0-based, of the full table) that form the holdout; null for a seeded random/stratified split. */
  testRows: Int32Array | null;
  features: ColumnData[];
  target: ColumnData;
  /** Cross-validation means per family, when the server resolved 'auto' before this fit. */
  familyScores?: Record<string, number> | null;
  /** With family 'ensemble': the member families and their weights, chosen by the server. */
  members?: { family: Exclude<Family, 'auto'>; weight: number }[];
  /**
   * Out-of-fold predictions over the training rows (in training-row order; classification: rows × classes,
   * column-major), from run-training.ts's cross-validation. With them the fit also calibrates conformal
   * intervals / sets (uncertainty.ts); without them (e.g. a leaderboard refit) the model has none.
   */
  oof?: Float64Array | null;
}

export interface FoldOutput {
  score: number;
  /** Out-of-fold predictions: values, or class probabilities (rows × classes, column-major, global class order). */
  predictions: Float64Array;
}

/** Ensemble selection over out-of-fold predictions of the training rows (same folds for every family). */
export interface BlendInput {
  kind: 'blend';
  families: string[];
  oof: Float64Array[];
  /** The target over the training rows: class codes, or values. */
  y: Int32Array | Float64Array;
  /** 0 for regression. */
  nClasses: number;
}

export interface BlendOutput {
  weights: Record<string, number>;
  ensembleScore: number;
  singleScores: Record<string, number>;
}

/** One (family, fold) cell of model selection. Rows are positions into the rows that have a target. */
export interface FoldInput {
  kind: 'fold';
  task: Task;
  family: Exclude<Family, 'auto'>;
  seed: number;
  features: ColumnData[];
  target: ColumnData;
  fitRows: Int32Array;
  scoreRows: Int32Array;
}

export interface TrainOutput {
  family: ModelKind;
  familyScores: Record<string, number> | null;
  /** The ensemble's members and weights, when 'auto' chose an ensemble. */
  members?: { family: Exclude<Family, 'auto'>; weight: number }[];
  pipeline: unknown; // versioned JSON of the fitted pipeline
  metrics: Metrics;
  classes: string[] | null;
  confusionMatrix: { labels: string[]; matrix: number[][] } | null;
  nTrain: number;
  nTest: number;
  droppedRows: number;
  fitSeconds: number;
  split: 'stratified' | 'random' | 'rows';
  /** Conformal intervals / sets calibrated out of fold and measured on the holdout; null without `oof`. */
  uncertainty?: Uncertainty | null;
}

export interface PredictInput {
  kind: 'predict';
  task: Task;
  pipeline: unknown;
  classes: string[] | null;
  features: ColumnData[];
  /** A saved decision threshold (binary classification): the second class when its probability ≥ it. */
  threshold?: number | null;
  /** The model file's uncertainty and the coverage level asked for (one of UNCERTAINTY_LEVELS). */
  uncertainty?: Uncertainty | null;
  level?: number | null;
}

export interface PredictOutput {
  /** Regression: values. Classification: index into classes. */
  predictions: Float64Array;
  /** Classification: n × k probabilities, column-major. */
  proba: Float64Array | null;
  /** Intervals or prediction sets at the level asked for; null when the model has no uncertainty. */
  uncertainty?: UncertaintyOutput | null;
}

export type Progress = (fraction: number, message: string) => void;
