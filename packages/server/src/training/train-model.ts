import {
  accuracyScore,
  balancedAccuracyScore,
  chooseFamily,
  confusionMatrix,
  Frame,
  logLoss,
  makeTabularModel,
  meanAbsoluteError,
  r2Score,
  rocAucOvr,
  rocAucScore,
  rootMeanSquaredError,
  toJSON,
} from '@quarry/ml';
import { featureSpecs, prepareTarget, splitRows, takeTarget } from './split';
import type { Metrics, ModelKind, Progress, TrainInput, TrainOutput } from './types';
import { calibrateUncertainty, type Uncertainty } from './uncertainty';

/**
 * Fits and scores one model in a worker thread: drop rows without a target, split (the given rows, or seeded
 * and stratified for classification), fit the pipeline on the training rows (imputation, scaling and encoding
 * are pipeline steps, so they never see the holdout), and score the holdout. A family of 'auto' is resolved
 * in the server first (run-training.ts spreads the cross-validation over the pool); here it falls back to a
 * sequential choice on the training rows.
 */
export function trainModel(input: TrainInput, progress: Progress, signal?: AbortSignal): TrainOutput {
  const started = performance.now();
  const rows = prepareTarget(input.target, input.task);
  const { keep, y, classes } = rows;
  const { train, test, split } = splitRows(rows, input);
  const frame = new Frame(input.features).take(keep);
  const features = featureSpecs(input.features);
  const trainFrame = frame.take(train);
  const testFrame = frame.take(test);
  const yTrain = takeTarget(y, train, classes);
  const yTest = takeTarget(y, test, classes);
  progress(0.05, `Split: ${train.length} training rows, ${test.length} holdout rows`);

  let family = input.family;
  let familyScores = input.familyScores ?? null;
  if (family === 'auto') {
    const choice = chooseFamily(trainFrame, yTrain, input.task, features, input.seed, {
      signal,
      onProgress: (f: number) => progress(0.1 + 0.6 * f, 'Comparing model families by cross-validation'),
    });
    family = choice.family;
    familyScores = Object.fromEntries(Object.entries(choice.scores).map(([k, v]) => [k, v.mean]));
  }
  progress(0.75, `Fitting ${family} on ${train.length} rows`);
  const model = makeTabularModel({
    task: input.task,
    family: family as ModelKind,
    features,
    params: family === 'ensemble' ? {} : input.params,
    members: input.members,
    randomState: input.seed,
  });
  model.fit(trainFrame, yTrain, {
    signal,
    onProgress: (f: number, message?: string) => progress(0.75 + 0.15 * f, message ?? `Fitting ${family}`),
  });
  progress(0.9, 'Scoring on the holdout rows');

  let metrics: Metrics;
  let matrix: number[][] | null = null;
  let uncertainty: Uncertainty | null = null;
  const oof = input.oof ?? null;
  const calibrate = oof !== null && test.length > 0;
  const calibration = (
    testPredictions: Float64Array,
    yTrainRaw: Float64Array | Int32Array,
    yTestRaw: Float64Array | Int32Array,
  ) =>
    calibrateUncertainty({
      task: input.task,
      features,
      seed: input.seed,
      trainFrame,
      testFrame,
      oof: oof as Float64Array,
      yTrain: yTrainRaw,
      yTest: yTestRaw,
      testPredictions,
    });
  if (classes !== null) {
    const truth = (yTest as { codes: Int32Array }).codes;
    const proba = model.predictProba(testFrame);
    if (calibrate) {
      progress(0.95, 'Calibrating prediction sets out of fold');
      uncertainty = calibration(proba.data, (yTrain as { codes: Int32Array }).codes, truth);
    }
    const pred = model.predict(testFrame) as Int32Array;
    metrics = {
      accuracy: accuracyScore(truth, pred),
      balanced_accuracy: balancedAccuracyScore(truth, pred),
      log_loss: logLoss(truth, proba),
    };
    if (classes.length === 2) metrics.roc_auc = rocAucScore(truth, proba.column(1));
    else metrics.roc_auc_ovr = rocAucOvr(truth, proba);
    matrix = confusionMatrix(truth, pred, classes.length);
  } else {
    const truth = yTest as Float64Array;
    const pred = model.predict(testFrame) as Float64Array;
    if (calibrate) {
      progress(0.95, 'Calibrating prediction intervals out of fold');
      uncertainty = calibration(pred, yTrain as Float64Array, truth);
    }
    metrics = {
      rmse: rootMeanSquaredError(truth, pred),
      mae: meanAbsoluteError(truth, pred),
      r2: r2Score(truth, pred),
    };
  }
  return {
    family: family as ModelKind,
    familyScores,
    members: input.members,
    pipeline: toJSON(model),
    metrics,
    classes,
    confusionMatrix: matrix === null || classes === null ? null : { labels: classes, matrix },
    nTrain: train.length,
    nTest: test.length,
    droppedRows:
      input.target.kind === 'numeric'
        ? input.target.values.length - keep.length
        : input.target.codes.length - keep.length,
    fitSeconds: (performance.now() - started) / 1000,
    split,
    uncertainty,
  };
}
