import {
  CalibratedClassifierCV,
  type Estimator,
  type Fold,
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
import { calibrateUncertainty, type Uncertainty } from '../training/uncertainty';
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
  /**
   * The run's CV folds (positions into `trainRows`). With them the saved version gets conformal intervals or
   * prediction sets: the same model is refitted on each fold's training part and predicts its held-out part, and
   * those out-of-fold predictions calibrate it (training/uncertainty.ts). Without them, or with no holdout, none.
   */
  folds?: Fold[];
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
  uncertainty?: Uncertainty | null;
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
  const makeModel = () => {
    const pipeline = makeTabularModel({
      task: input.task,
      family: input.family,
      features: featureSpecs(input.features),
      params: input.params,
      randomState: input.seed,
    });
    return (input.calibration === null
      ? pipeline
      : new CalibratedClassifierCV({
          estimator: pipeline,
          method: input.calibration,
          cv: 5,
        })) as unknown as Fitted & { fit(X: Frame, y: unknown, o?: object): unknown };
  };
  const model = makeModel();
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
  let testScores: Float64Array;
  if (classes !== null) {
    const proba = model.predictProba(Xtest);
    testScores = proba.data;
    const truth = (yTest as Labels).codes;
    const ordered = model.classes_.every((c, k) => classes[k] === c) ? proba : null;
    if (ordered === null) throw new Error('the fitted model lost a class; add rows of every class');
    const scored = classifierMetrics(truth, ordered, classes.length, input.threshold);
    metrics = scored.metrics;
    confusion = { labels: classes, matrix: scored.matrix };
  } else {
    testScores = Float64Array.from(model.predict(Xtest));
    metrics = regressorMetrics(yTest as Float64Array, testScores);
  }
  const uncertainty =
    input.folds === undefined || input.testRows.length === 0
      ? null
      : outOfFoldCalibration(input, { X, rows, classes, makeModel, takeY, testScores, progress });
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
    uncertainty,
  };
}

/**
 * Conformal calibration of a saved version, out of fold on the run's own folds: each fold's model (the same
 * family, parameters, resampling and probability calibration as the saved one) predicts the training rows it did
 * not see; rows no fold validates (the first block of time-series folds) are left out of the calibration. The
 * holdout, untouched by all of it, then measures the coverage.
 */
function outOfFoldCalibration(
  input: FinalFitInput,
  fitted: {
    X: Frame;
    rows: ReturnType<typeof prepareTarget>;
    classes: string[] | null;
    makeModel: () => Fitted & { fit(X: Frame, y: unknown, o?: object): unknown };
    takeY: (positions: Int32Array) => Labels | Float64Array;
    testScores: Float64Array;
    progress: Progress;
  },
): Uncertainty {
  const { X, rows, classes, makeModel, takeY } = fitted;
  const folds = input.folds as Fold[];
  const nClasses = classes === null ? 1 : classes.length;
  const validated = new Int32Array(input.trainRows.length).fill(-1);
  folds.forEach((fold, f) => {
    for (const p of fold.test) validated[p] = f;
  });
  const calibrationPositions = Int32Array.from(validated.keys()).filter((p) => validated[p] >= 0);
  const slot = new Int32Array(input.trainRows.length).fill(-1);
  calibrationPositions.forEach((p, i) => {
    slot[p] = i;
  });
  const nCal = calibrationPositions.length;
  const oof = new Float64Array(nCal * nClasses);
  folds.forEach((fold, f) => {
    fitted.progress(
      0.6 + (0.1 * f) / folds.length,
      `Calibrating intervals: fold ${f + 1} of ${folds.length}`,
    );
    const foldTrain = Int32Array.from(fold.train, (p) => input.trainRows[p]);
    const fitRows =
      classes === null
        ? foldTrain
        : resampleRows(foldTrain, rows.y as Int32Array, input.resample, input.seed);
    const foldModel = makeModel();
    foldModel.fit(X.take(fitRows), takeY(fitRows));
    const held = Int32Array.from(fold.test, (p) => input.trainRows[p]);
    const Xheld = X.take(held);
    if (classes === null) {
      const pred = foldModel.predict(Xheld);
      fold.test.forEach((p, j) => {
        oof[slot[p]] = pred[j];
      });
    } else {
      const proba = foldModel.predictProba(Xheld).data;
      const m = held.length;
      for (let k = 0; k < nClasses; k++)
        fold.test.forEach((p, j) => {
          oof[k * nCal + slot[p]] = proba[k * m + j];
        });
    }
  });
  const calibrationRows = Int32Array.from(calibrationPositions, (p) => input.trainRows[p]);
  const rawY = (positions: Int32Array) =>
    classes === null
      ? (takeY(positions) as Float64Array)
      : Int32Array.from(positions, (p) => (rows.y as Int32Array)[p]);
  return calibrateUncertainty({
    task: input.task,
    features: featureSpecs(input.features),
    seed: input.seed,
    trainFrame: X.take(calibrationRows),
    testFrame: X.take(input.testRows),
    oof,
    yTrain: rawY(calibrationRows),
    yTest: rawY(input.testRows),
    testPredictions: fitted.testScores,
  });
}
