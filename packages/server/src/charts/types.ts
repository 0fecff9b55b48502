import type { ColumnData } from '../datasets/service';
import type { Task } from '../training/types';

export interface CurvePoints {
  label: string;
  x: number[];
  y: number[];
  auc?: number;
}

/** Chart data of a model version, computed on its holdout rows when it is saved (plain JSON). */
export interface ModelCharts {
  task: Task;
  nRows: number;
  roc: CurvePoints[] | null;
  pr: CurvePoints[] | null;
  calibration: (CurvePoints & { brier: number })[] | null;
  lift: { label: string; fraction: number[]; lift: number[]; gain: number[] }[] | null;
  confusionMatrix: { labels: string[]; matrix: number[][] } | null;
  residuals: { fitted: number[]; residual: number[] } | null;
  predictedVsActual: { actual: number[]; predicted: number[] } | null;
  importance: { metric: string; features: { name: string; mean: number; std: number }[] };
  partialDependence: {
    feature: string;
    kind: 'numeric' | 'categorical';
    grid: (number | string)[];
    outputs: { label: string; values: number[] }[];
  }[];
  /** What the model reads in each text column (charts/text-terms.ts); absent in charts saved before it existed. */
  textTerms?:
    | {
        feature: string;
        how: 'coefficients' | 'topics';
        /** Coefficients of a two-class model: the class a positive weight pushes towards. */
        towards: string | null;
        terms: { term: string; weight: number }[] | null;
        /** Each NMF topic's heaviest terms. */
        topics: string[][] | null;
      }[]
    | null;
}

/** Computes a saved model's charts in a worker: the pipeline (serialized) and the holdout rows. */
export interface ChartsInput {
  kind: 'charts';
  task: Task;
  pipeline: unknown;
  features: ColumnData[];
  target: ColumnData;
  /** Positions into the rows that have a target: the holdout. */
  rows: Int32Array;
  threshold: number | null;
  seed: number;
}
