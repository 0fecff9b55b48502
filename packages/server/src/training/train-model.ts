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
  trainTestSplit,
} from '@quarry/ml';
import type { ColumnData } from '../datasets/service';
import type { Metrics, Progress, TrainInput, TrainOutput } from './types';

/**
 * The training recipe shared by the studio and the CLI (run inside a worker thread): drop rows without a
 * target, split (given rows, or seeded and stratified for classification), choose the family by
 * cross-validation on the training rows only when asked, fit, and score on the holdout.
 */
export function trainModel(input: TrainInput, progress: Progress, signal?: AbortSignal): TrainOutput {
  const started = performance.now();
  const { keep, y, classes } = targetRows(input);
  const droppedRows = rowCount(input.target) - keep.length;
  const frame = new Frame(input.features.map((c) => takeColumn(c, keep)));
  const features = input.features.map((c) => ({ name: c.name, kind: c.kind }));

  const { train, test, split } = splitRows(input, keep, y, classes !== null);
  const trainFrame = frame.take(train);
  const testFrame = frame.take(test);
  const yTrain = takeTarget(y, train, classes);
  const yTest = takeTarget(y, test, classes);
  progress(0.05, `Split: ${train.length} training rows, ${test.length} holdout rows`);

  let family = input.family === 'auto' ? null : input.family;
  let familyScores: Record<string, number> | null = null;
  if (family === null) {
    progress(0.1, 'Comparing model families by cross-validation on the training rows');
    const choice = chooseFamily(trainFrame, yTrain, input.task, features, input.seed, {
      signal,
      onProgress: (f: number) => progress(0.1 + 0.6 * f, 'Comparing model families by cross-validation'),
    });
    family = choice.family as 'linear' | 'tree';
    familyScores = Object.fromEntries(Object.entries(choice.scores).map(([k, v]) => [k, v.mean]));
  }
  signal?.throwIfAborted();
  progress(
    0.75,
    `Fitting ${family === 'linear' ? `${input.task === 'classification' ? 'logistic' : 'linear'} regression` : 'a decision tree'}`,
  );
  const model = makeTabularModel({
    task: input.task,
    family,
    features,
    params: input.params,
    randomState: input.seed,
  });
  model.fit(trainFrame, yTrain, { signal });
  progress(0.9, 'Scoring on the holdout rows');

  let metrics: Metrics;
  let matrix: number[][] | null = null;
  if (classes !== null) {
    const truth = (yTest as { codes: Int32Array }).codes;
    const proba = model.predictProba(testFrame);
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
    metrics = {
      rmse: rootMeanSquaredError(truth, pred),
      mae: meanAbsoluteError(truth, pred),
      r2: r2Score(truth, pred),
    };
  }
  return {
    family,
    familyScores,
    pipeline: toJSON(model),
    metrics,
    classes,
    confusionMatrix: matrix === null || classes === null ? null : { labels: classes, matrix },
    nTrain: train.length,
    nTest: test.length,
    droppedRows,
    fitSeconds: (performance.now() - started) / 1000,
    split,
  };
}

const rowCount = (c: ColumnData) => (c.kind === 'numeric' ? c.values.length : c.codes.length);

/** Rows with a target, and the target over those rows (class codes re-numbered to the classes present). */
function targetRows(input: TrainInput): {
  keep: Int32Array;
  y: Float64Array | Int32Array;
  classes: string[] | null;
} {
  const t = input.target;
  const n = rowCount(t);
  const keepList: number[] = [];
  if (input.task === 'regression') {
    if (t.kind !== 'numeric') throw new Error('regression target must be numeric'); // checked by the caller
    for (let i = 0; i < n; i++) if (Number.isFinite(t.values[i])) keepList.push(i);
    const keep = Int32Array.from(keepList);
    return { keep, y: Float64Array.from(keep, (i) => t.values[i]), classes: null };
  }
  // Classification: labels as strings, so a numeric target (0/1, 1..5) becomes classes too.
  const labels: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (t.kind === 'numeric') labels[i] = Number.isFinite(t.values[i]) ? String(t.values[i]) : null;
    else labels[i] = t.codes[i] < 0 ? null : t.levels[t.codes[i]];
  }
  for (let i = 0; i < n; i++) if (labels[i] !== null) keepList.push(i);
  const keep = Int32Array.from(keepList);
  const present = [...new Set(keepList.map((i) => labels[i] as string))];
  const classes = t.kind === 'numeric' ? present.sort((a, b) => Number(a) - Number(b)) : present.sort();
  const index = new Map(classes.map((c, k) => [c, k]));
  return { keep, y: Int32Array.from(keep, (i) => index.get(labels[i] as string) as number), classes };
}

function splitRows(input: TrainInput, keep: Int32Array, y: Float64Array | Int32Array, stratify: boolean) {
  if (input.testRows !== null) {
    // Given rows refer to the full table; map them onto the kept rows (rows without a target drop out).
    const position = new Map<number, number>();
    for (let k = 0; k < keep.length; k++) position.set(keep[k], k);
    const isTest = new Uint8Array(keep.length);
    for (const row of input.testRows) {
      const k = position.get(row);
      if (k !== undefined) isTest[k] = 1;
    }
    const train: number[] = [];
    const test: number[] = [];
    for (let k = 0; k < keep.length; k++) (isTest[k] ? test : train).push(k);
    return { train: Int32Array.from(train), test: Int32Array.from(test), split: 'rows' as const };
  }
  const { train, test } = trainTestSplit(keep.length, {
    testSize: input.testSize,
    stratify: stratify ? (y as Int32Array) : undefined,
    randomState: input.seed,
  });
  return { train, test, split: stratify ? ('stratified' as const) : ('random' as const) };
}

function takeColumn(c: ColumnData, rows: Int32Array): ColumnData {
  if (c.kind === 'numeric')
    return { name: c.name, kind: 'numeric', values: Float64Array.from(rows, (i) => c.values[i]) };
  return {
    name: c.name,
    kind: 'categorical',
    codes: Int32Array.from(rows, (i) => c.codes[i]),
    levels: c.levels,
  };
}

function takeTarget(y: Float64Array | Int32Array, rows: Int32Array, classes: string[] | null) {
  if (classes === null) return Float64Array.from(rows, (i) => (y as Float64Array)[i]);
  return { codes: Int32Array.from(rows, (i) => (y as Int32Array)[i]), levels: classes };
}
