import { type Estimator, Frame, fromJSON, type Labels, type Matrix } from '@quarry/ml';
import { prepareTarget } from '../training/split';
import type { Task } from '../training/types';
import { classificationCharts } from './classification-charts';
import { explainModel } from './explain';
import { samplePositions } from './sample';
import { textTerms } from './text-terms';
import type { ChartsInput, ModelCharts } from './types';

const MAX_ROWS = 5000;
const MAX_POINTS = 1000;
const MAX_PD_ROWS = 500;

interface Predictor extends Estimator {
  predict(X: Frame): Float64Array | Int32Array;
  predictProba(X: Frame): Matrix;
}

/** The 'charts' pool task: load the saved pipeline (data, never code) and chart it on the holdout rows. */
export function computeChartsTask(input: ChartsInput): ModelCharts {
  const model = fromJSON(input.pipeline as never) as unknown as Predictor;
  const rows = prepareTarget(input.target, input.task);
  const X = new Frame(input.features).take(rows.keep).take(input.rows);
  const y = Int32Array.from(input.rows, (p) => rows.y[p]);
  const target =
    rows.classes === null
      ? Float64Array.from(input.rows, (p) => rows.y[p])
      : { codes: y, levels: rows.classes };
  return computeCharts(model, X, target, input.task, input.threshold, input.seed);
}

/**
 * Every chart of a fitted model on holdout rows (a seeded sample of 5000 above that): curves and the confusion
 * matrix for a classifier, residuals and predicted-vs-actual for a regressor, and for both permutation
 * importance and partial dependence.
 */
export function computeCharts(
  model: Predictor,
  Xall: Frame,
  yAll: Labels | Float64Array,
  task: Task,
  threshold: number | null,
  seed: number,
): ModelCharts {
  const keep = samplePositions(Xall.nRows, MAX_ROWS, seed);
  const X = Xall.take(keep);
  const pdRows = samplePositions(X.nRows, MAX_PD_ROWS, seed);
  const base: ModelCharts = {
    task,
    nRows: X.nRows,
    roc: null,
    pr: null,
    calibration: null,
    lift: null,
    confusionMatrix: null,
    residuals: null,
    predictedVsActual: null,
    importance: { metric: '', features: [] },
    partialDependence: [],
    textTerms: textTerms(model, task === 'classification' ? (yAll as Labels).levels : null),
  };
  if (task === 'classification') {
    const labels = yAll as Labels;
    const classes = labels.levels;
    // The model's probability columns follow its classes_; put them in the data's class order.
    const y: Labels = { codes: Int32Array.from(keep, (i) => labels.codes[i]), levels: classes };
    const proba = model.predictProba(X);
    const ordered = reorder(proba, (model as unknown as { classes_: string[] }).classes_, classes);
    const binary = classes.length === 2;
    return {
      ...base,
      ...classificationCharts(y.codes, ordered, classes, threshold),
      ...explainModel(model, X, y, { metric: binary ? 'roc_auc' : 'roc_auc_ovr', seed, pdRows, binary }),
    };
  }
  const actual = Float64Array.from(keep, (i) => (yAll as Float64Array)[i]);
  const predicted = Float64Array.from(model.predict(X));
  const points = samplePositions(actual.length, MAX_POINTS, seed);
  return {
    ...base,
    residuals: {
      fitted: Array.from(points, (i) => predicted[i]),
      residual: Array.from(points, (i) => actual[i] - predicted[i]),
    },
    predictedVsActual: {
      actual: Array.from(points, (i) => actual[i]),
      predicted: Array.from(points, (i) => predicted[i]),
    },
    ...explainModel(model, X, actual, { metric: 'neg_root_mean_squared_error', seed, pdRows, binary: false }),
  };
}

function reorder(proba: Matrix, modelClasses: readonly string[], classes: readonly string[]): Matrix {
  if (modelClasses.every((c, k) => classes[k] === c) && modelClasses.length === classes.length) return proba;
  const out = proba.constructor as new (r: number, c: number) => Matrix;
  const m = new out(proba.nRows, classes.length);
  modelClasses.forEach((label, j) => {
    const k = classes.indexOf(label);
    if (k >= 0) m.column(k).set(proba.column(j));
  });
  return m;
}
