/**
 * A lab as data: its story, six steps done in the studio's real pages, and checkpoints that read what the learner
 * actually did. The server builds a `LabSnapshot` from the learner's project (every version of the lab's data set,
 * the models trained on it, forecasts, anomaly runs, predictions, answers) and evaluates the lab's checkpoints on
 * it (evaluate.ts); the web app shows the result in the progress panel beside whatever page the learner is on.
 */
import type { LabDataset } from './types';

/** The six steps of every lab, in order. */
export const STEP_IDS = ['load', 'clean', 'explore', 'prepare', 'model', 'predict'] as const;
export type StepId = (typeof STEP_IDS)[number];

// ---------------------------------------------------------------------------------------------------------------
// The learner's project state, as the server reads it. Plain JSON: it is also what the code templates are made from.

/** A cleaning step of a recipe, as the studio stores it (packages/server/src/recipes/steps.ts). */
export interface RecipeStep {
  op: string;
  column?: string;
  columns?: string[];
  [key: string]: unknown;
}

export interface SnapshotColumn {
  name: string;
  /** The studio's column type (numeric, categorical, boolean, datetime, text, identifier, …). */
  type: string;
  missing: number;
}

/** One version of the lab's data set: the upload is version 1, each cleaning step makes the next. */
export interface SnapshotDataset {
  id: string;
  version: number;
  nRows: number;
  columns: SnapshotColumn[];
  /** The recipe from the upload to this version, in order. */
  steps: RecipeStep[];
}

/** A model version trained on any version of the lab's data set (Train page, leaderboard or tuning save). */
export interface SnapshotModel {
  id: string;
  name: string;
  version: number;
  createdAt: string;
  datasetId: string;
  datasetVersion: number;
  task: 'classification' | 'regression';
  /** linear, tree, forest, extra_trees, gbdt, knn, nb, ensemble. */
  family: string;
  target: string;
  /** The feature columns the model uses (its schema contract). */
  features: string[];
  /** The pipeline's steps as text, e.g. ['prep: ColumnTransformer(...)', 'model: LogisticRegression']. */
  pipeline: string[];
  /** The holdout: 'stratified', 'random' or 'rows' (rows the learner chose, e.g. the last months). */
  split: {
    strategy: string;
    testSize: number;
    nTrain: number;
    nTest: number;
    /** The lineage's SHA-256 of the holdout row numbers: the code templates check they score the same rows. */
    testRowsSha256?: string;
  };
  /** Cross-validation on the training rows, when it ran: stratified, kfold, group or time. */
  cv: { strategy: string; k: number; timeColumn: string | null } | null;
  imbalance: { classWeight?: string | null; resample?: string; threshold?: unknown } | null;
  /** The saved decision threshold of a two-class model (leaderboard "Save version"), when one was set. Optional:
   * added by the churn lab (its imbalance check accepts a chosen threshold); the snapshot builder may fill it. */
  threshold?: number | null;
  /** Holdout metrics: accuracy, balanced_accuracy, roc_auc, average_precision, f1, rmse, mae, r2, … */
  metrics: Record<string, number>;
  /** The recipe that made the data set version the model was trained on. */
  recipe: RecipeStep[];
  /** Features by permutation importance, most important first (when the model has charts). */
  topFeatures: string[];
  /** Predictions made with this model version and kept in the prediction log. */
  predictions: number;
  seed: number;
  /** The model step's parameters as saved (camelCase, e.g. { maxDepth: 4 }): the code templates pass them on. */
  params?: Record<string, unknown>;
  /** For family 'ensemble': its member families and weights (the code templates rebuild the same vote). */
  members?: { family: string; weight: number }[];
}

export interface SnapshotForecast {
  id: string;
  createdAt: string;
  datasetId: string;
  timeColumn: string;
  valueColumn: string;
  seriesColumn: string | null;
  horizon: number;
  /** The seasonal period the run used (7 for daily data); the code templates backtest with it. */
  season?: number;
  /** How the models were compared: 'walk-forward' (rolling origins, per-series models) or 'validation-window' (a panel run: one window per series, no per-model scores). */
  backtest: { kind: string; folds: number };
  /** Backtest error per model (lower is better): MASE and sMAPE. */
  scores: { model: string; mase: number | null; smape: number | null }[];
  /** The model with the lowest mean MASE over the series. */
  best: string | null;
  /** The model the forecast used for the most series (what `auto` chose, or the model forced with "Use"). */
  used?: string | null;
  /** The seasonal naive baseline's MASE in the same backtest, when it ran. */
  baselineMase: number | null;
}

export interface SnapshotAnomalyRun {
  id: string;
  createdAt: string;
  datasetId: string;
  columns: string[];
  detectors: string[];
  nRows: number;
  /** Rows flagged at the run's cut. */
  nFlagged: number;
  /** Rows the learner marked after looking at them. */
  labels: { anomaly: number; normal: number };
  /** Row indices flagged (as positions in the analysed data set), at most a few thousand. */
  flaggedRows: number[];
}

export interface LabSnapshot {
  lab: string;
  /** The id of the lab's upload (the root of its versions); null before the lab was started. */
  rootDatasetId: string | null;
  /** Every version of the lab's data set, oldest first; the last is the current one. */
  datasets: SnapshotDataset[];
  models: SnapshotModel[];
  forecasts: SnapshotForecast[];
  anomalyRuns: SnapshotAnomalyRun[];
  /** The learner's answers to the lab's questions, by question id. */
  answers: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------------------------
// The lab's definition.

/**
 * A link into the studio, with placeholders the web app fills from the snapshot: {dataset} (the current version
 * of the lab's data set), {model} (the newest model), e.g. '#/data/{dataset}?tab=clean', '#/train?dataset={dataset}'.
 */
export type StudioLink = string;

export interface CheckResult {
  status: 'pass' | 'fail' | 'pending';
  /** What the checkpoint saw in the learner's work, in one sentence (e.g. "3 of 5 planted outliers remain"). */
  detail: string;
}

export interface Checkpoint {
  id: string;
  step: StepId;
  /** What should be true, e.g. "The leaky column is not a feature". */
  title: string;
  /** Why it matters, shown after the check has run (pass or fail). */
  explanation: string;
  /** Shown on fail: what to do, and where. */
  hint: { text: string; link: StudioLink };
  check: (snapshot: LabSnapshot, data: LabDataset) => CheckResult;
}

/** A question the learner answers in the progress panel from what they saw on a page. */
export interface Question {
  id: string;
  step: StepId;
  prompt: string;
  /** Choices (the answer is one of them) or a free number. */
  choices?: string[];
}

export interface LabStep {
  id: StepId;
  title: string;
  /** Where the step is done. */
  link: StudioLink;
  /** What to do, one instruction per line (plain text; `code` in backticks is shown as code). */
  instructions: string[];
  /** A before/after view of the data belongs to this step (cleaning). */
  beforeAfter?: boolean;
}

export interface LabDefinition {
  id: string;
  title: string;
  /** One line for the lab list. */
  summary: string;
  story: string;
  goals: string[];
  /** What the lab's data is made with: the generator and its seed (the same for every learner). */
  seed: number;
  generate: (seed: number) => LabDataset;
  /** A second file for the predict step (new rows without the target), when the lab has one. */
  newData?: (seed: number) => LabDataset;
  /** Which part of the studio the modelling steps use. */
  kind: 'tabular' | 'forecast' | 'anomaly';
  estimatedMinutes: number;
  steps: LabStep[];
  questions: Question[];
  checkpoints: Checkpoint[];
}

// ---------------------------------------------------------------------------------------------------------------
// What the server returns for a lab.

export interface CheckpointOutcome {
  id: string;
  step: StepId;
  title: string;
  status: CheckResult['status'];
  detail: string;
  explanation: string;
  hint: { text: string; link: StudioLink } | null;
}

export interface StepProgress {
  id: StepId;
  /** 'done' when every checkpoint of the step passes; 'current' is the first step not done. */
  status: 'done' | 'current' | 'todo';
  checkpoints: CheckpointOutcome[];
}

export interface LabProgress {
  lab: string;
  started: boolean;
  rootDatasetId: string | null;
  currentDatasetId: string | null;
  latestModelId: string | null;
  steps: StepProgress[];
  passed: number;
  total: number;
  answers: Record<string, string>;
}
