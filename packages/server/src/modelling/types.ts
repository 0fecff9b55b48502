import type { ColumnData } from '../datasets/service';
import type { Task } from '../training/types';
import type { LeaderboardFamily } from './families';
import type { ResampleStrategy } from './resample';

/**
 * One cell of a leaderboard or a tuning run, in a worker: fit one family (with one parameter setting) on some
 * rows and score it on others. Rows are positions into the rows that have a target.
 */
export interface CellInput {
  kind: 'cell';
  task: Task;
  family: LeaderboardFamily;
  params: Record<string, unknown>;
  seed: number;
  features: ColumnData[];
  target: ColumnData;
  fitRows: Int32Array;
  scoreRows: Int32Array;
  /** Scorer names (scikit-learn's). */
  scoring: string[];
  /** Applied to `fitRows` only, inside the worker. */
  resample: ResampleStrategy;
  /** Send back the predictions on `scoreRows` (class probabilities, or values). */
  returnPredictions: boolean;
}

export interface CellOutput {
  /** Per scorer, the score on `scoreRows`; NaN when the fit failed. */
  scores: Record<string, number>;
  fitSeconds: number;
  error: string | null;
  /** Rows the model was fitted on, after resampling. */
  nFit: number;
  /** Rows scored: always `scoreRows.length` (resampling never touches them). */
  nScored: number;
  /** Classification: probabilities, rows × classes column-major in the global class order; regression: values. */
  predictions: Float64Array | null;
}
