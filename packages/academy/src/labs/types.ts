/**
 * The shape every lab generator returns. A lab data set is plain data (records of strings, numbers, booleans and
 * nulls) so it can be written as CSV, loaded into the studio like any upload, and inspected by the checkpoints.
 */

/** The studio's column types (the ones its type inference would propose for the column). */
export type LabColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text' | 'identifier';

export interface LabColumn {
  name: string;
  type: LabColumnType;
  /** What the column means, with its unit, as a data dictionary would say it. */
  description: string;
}

/** One cell; `null` is a missing value (an empty cell in the CSV). */
export type Cell = string | number | boolean | null;

export type LabRow = Record<string, Cell>;

/** The kinds of trap a lab plants in its data, each the subject of a lesson. */
export type ProblemKind =
  | 'imbalance'
  | 'missing'
  | 'leakage'
  | 'outliers'
  | 'skew'
  | 'high-cardinality'
  | 'seasonality'
  | 'holidays'
  | 'promotions'
  | 'missing-days'
  | 'rare-anomalies'
  | 'drift';

/** A problem deliberately planted in a lab's data, which the learner should find and handle. */
export interface EmbeddedProblem {
  kind: ProblemKind;
  /** The columns where the problem shows. */
  columns: string[];
  /** One sentence the learner reads once they have found it (or asked for a hint). */
  description: string;
  /** How the generator's tests check that the problem is really there, in words. */
  measure: string;
  /** Row indices the problem was planted in, where it is a set of rows (e.g. outliers). */
  rows?: number[];
}

export interface LabDataset {
  /** Machine name, also the CSV file's base name. */
  name: string;
  title: string;
  /** The story the lab tells the learner. */
  story: string;
  /** The column a model is asked to predict (for a forecasting lab, the series value). */
  target: string;
  columns: LabColumn[];
  rows: LabRow[];
  problems: EmbeddedProblem[];
}

export interface GenerateOptions {
  /** Scales the number of rows (or, for the demand lab, of series); the labs are tuned at their default. */
  rows?: number;
}
