import {
  CalibratedClassifierCV,
  type Estimator,
  Frame,
  type Labels,
  type Matrix,
  makeTabularModel,
  toJSON,
} from '@quarry/ml';
import { computeCharts } from '../charts/compute-charts';
import type { ModelCharts } from '../charts/types';
import type { ColumnData } from '../datasets/service';
import { featureSpecs, prepareTarget } from '../training/split';
import type { Metrics, Progress, Task } from '../training/types';
import type { LeaderboardFamily } from './families';
import { classifierMetrics, regressorMetrics } from './holdout-metrics';
import { type ResampleStrategy, resampleRows } from './resample';

/** Saves a leaderboard's family: fit on all training rows, score the holdout, chart it (one pool task). */
export interface FinalFitInput {
  kind: 'final';
  task: Task;
  family: LeaderboardFamily;
  params: Record<string, unknown>;
  seed: number;
  features: ColumnData[];
  target: ColumnData;
  /** Positions into the rows that have a target. */
  trainRows: Int32Array;
  testRows: Int32Array;
  resample: ResampleStrategy;
  calibration: 'sigmoid' | 'isotonic' | null;
  threshold: number | null;
}

export interface FinalFitOutput {
  pipeline: unknown;
  metrics: Metrics;
  classes: string[] | null;
  confusionMatrix: { labels: string[]; matrix: number[][] } | null;
  nTrain: number;
  nTest: number;
  nFit: number;
  fitSeconds: number;
  charts: ModelCharts | null;
  chartsError: string | null;
}

interface Fitted extends Estimator {
  predict(X: Frame): Float64Array | Int32Array;
  predictProba(X: Frame): Matrix;
  classes_: string[];
}

/**
 * The refit behind "save from the leaderboard": the family's pipeline on every training row (resampled like the
 * folds were), optionally wrapped in `CalibratedClassifierCV` (5 stratified folds of those rows, so the
 * calibrator never sees rows its classifier was fitted on), then holdout metrics at the chosen threshold and the
 * charts, while the fitted model is at hand.
 */
export function finalFit(input: FinalFitInput, progress: Progress): FinalFitOutput {
  const started = performance.now();
  const rows = prepareTarget(input.target, input.task);
  const classes = rows.classes;
  const X = new Frame(input.features).take(rows.keep);
  const y: Labels | Float64Array =
    classes === null ? (rows.y as Float64Array) : { codes: rows.y as Int32Array, levels: classes };
  const fitRows =
    classes === null
      ? input.trainRows
      : resampleRows(input.trainRows, rows.y as Int32Array, input.resample, input.seed);
  const takeY = (positions: Int32Array) =>
    classes === null
      ? Float64Array.from(positions, (p) => (y as Float64Array)[p])
      : { codes: Int32Array.from(positions, (p) => (rows.y as Int32Array)[p]), levels: classes };
  const pipeline = makeTabularModel({
    task: input.task,
    family: input.family,
    features: featureSpecs(input.features),
    params: input.params,
    randomState: input.seed,
  });
  const model = (input.calibration === null
    ? pipeline
    : new CalibratedClassifierCV({
        estimator: pipeline,
        method: input.calibration,
        cv: 5,
      })) as unknown as Fitted & { fit(X: Frame, y: unknown, o?: object): unknown };
  progress(0.1, `Fitting ${input.family} on ${fitRows.length} rows`);
  model.fit(X.take(fitRows), takeY(fitRows), {
    onProgress: (f: number) => progress(0.1 + 0.5 * f, `Fitting ${input.family}`),
  });
  const fitSeconds = (performance.now() - started) / 1000;
  progress(0.6, 'Scoring the holdout rows');
  const Xtest = X.take(input.testRows);
  const yTest = takeY(input.testRows);
  let metrics: Metrics;
  let confusion: FinalFitOutput['confusionMatrix'] = null;
  if (classes !== null) {
    const proba = model.predictProba(Xtest);
    const truth = (yTest as Labels).codes;
    const ordered = model.classes_.every((c, k) => classes[k] === c) ? proba : null;
    if (ordered === null) throw new Error('the fitted model lost a class; add rows of every class');
    const scored = classifierMetrics(truth, ordered, classes.length, input.threshold);
    metrics = scored.metrics;
    confusion = { labels: classes, matrix: scored.matrix };
  } else metrics = regressorMetrics(yTest as Float64Array, Float64Array.from(model.predict(Xtest)));
  progress(0.7, 'Computing charts: importance and partial dependence');
  let charts: ModelCharts | null = null;
  let chartsError: string | null = null;
  try {
    charts = computeCharts(model, Xtest, yTest, input.task, input.threshold, input.seed);
  } catch (err) {
    chartsError = (err as Error).message;
  }
  return {
    pipeline: toJSON(model),
    metrics,
    classes,
    confusionMatrix: confusion,
    nTrain: input.trainRows.length,
    nTest: input.testRows.length,
    nFit: fitRows.length,
    fitSeconds,
    charts,
    chartsError,
  };
}
