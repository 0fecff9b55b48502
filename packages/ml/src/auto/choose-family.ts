import type { Pipeline } from '../compose/pipeline';
import { MlError } from '../core/errors';
import type { FitOptions } from '../core/fit-options';
import type { Frame } from '../core/frame';
import { isLabels } from '../core/labels';
import type { ClassTarget, Tabular, Target } from '../core/roles';
import { rocAucOvr } from '../metrics/roc-auc-ovr';
import { rocAucScore } from '../metrics/roc-auc-score';
import { rootMeanSquaredError } from '../metrics/root-mean-squared-error';
import { crossValScore } from '../model-selection/cross-val-score';
import type { Fold } from '../model-selection/fold';
import { KFold } from '../model-selection/k-fold';
import { StratifiedKFold } from '../model-selection/stratified-k-fold';
import { classIndices } from './class-indices';
import type { Task } from './detect-task';
import { type FeatureSpec, makeTabularModel } from './make-tabular-model';

export type CandidateFamily = 'linear' | 'tree';

export interface FamilyChoice {
  family: CandidateFamily;
  /** 'roc_auc' (binary), 'roc_auc_ovr' (multiclass, macro) or 'neg_rmse' (regression): larger is better. */
  metric: 'roc_auc' | 'roc_auc_ovr' | 'neg_rmse';
  scores: Record<CandidateFamily, { mean: number; folds: number[] }>;
}

const MAX_SPLITS = 5;
const FAMILIES: CandidateFamily[] = ['linear', 'tree'];

/** The folds model selection uses: up to 5, stratified for classification, shuffled by `randomState`. */
export function selectionFolds(nRows: number, y: Target, task: Task, randomState: number): Fold[] {
  if (task === 'regression') {
    if (nRows < 2)
      throw new MlError('TOO_FEW_ROWS', `Cross-validation needs at least 2 rows, got ${nRows}. Add rows.`);
    return new KFold({ nSplits: Math.min(MAX_SPLITS, nRows), shuffle: true, randomState }).split(nRows);
  }
  const codes = isLabels(y) ? y.codes : (y as Int32Array);
  const counts = new Map<number, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  const smallest = Math.min(...counts.values());
  if (counts.size < 2 || smallest < 2) {
    throw new MlError(
      'TOO_FEW_ROWS',
      `Comparing models needs at least 2 rows of every class; the smallest class has ${smallest}. Add rows or merge rare classes.`,
    );
  }
  return new StratifiedKFold({ nSplits: Math.min(MAX_SPLITS, smallest), shuffle: true, randomState }).split(
    nRows,
    y as ClassTarget,
  );
}

/** The selection score of a fitted model on held-out rows: ROC AUC (one-vs-rest macro) or −RMSE; larger is better. */
export function selectionScore(task: Task, model: Pipeline, X: Tabular, y: Target): number {
  if (task === 'regression')
    return -rootMeanSquaredError(y as Float64Array, model.predict(X) as Float64Array);
  const classes = model.classes_;
  const index = classIndices(classes, y as ClassTarget);
  const proba = model.predictProba(X);
  if (classes.length === 2)
    return rocAucScore(
      Int32Array.from(index, (k) => (k === 1 ? 1 : 0)),
      proba.column(1),
    );
  return rocAucOvr(index, proba);
}

/**
 * Picks the model family for a data set by k-fold cross-validation (5 folds, fewer when a class is rarer;
 * stratified for classification) on the rows given, which should be the training rows only. Classification is
 * scored by ROC AUC (one-vs-rest macro for several classes), regression by negative RMSE; a tie goes to the
 * simpler linear model. Refitting the winner on all rows is the caller's job.
 */
export function chooseFamily(
  X: Frame,
  y: Target,
  task: Task,
  features: readonly FeatureSpec[],
  randomState = 0,
  options: FitOptions = {},
): FamilyChoice {
  const folds = selectionFolds(X.nRows, y, task, randomState);
  const scores = {} as FamilyChoice['scores'];
  FAMILIES.forEach((family, k) => {
    const fold = crossValScore(
      () => makeTabularModel({ task, family, features, randomState }),
      X,
      y,
      folds,
      (model, Xtest, ytest) => selectionScore(task, model, Xtest, ytest),
      {
        signal: options.signal,
        onProgress: (fraction, message) =>
          options.onProgress?.((k + fraction) / FAMILIES.length, `${family}: ${message ?? ''}`),
      },
    );
    const values = Array.from(fold);
    scores[family] = { mean: values.reduce((a, b) => a + b, 0) / values.length, folds: values };
  });
  const family = scores.tree.mean > scores.linear.mean ? 'tree' : 'linear';
  options.onProgress?.(1, `chose ${family}`);
  return {
    family,
    metric: task === 'regression' ? 'neg_rmse' : isMulticlass(y) ? 'roc_auc_ovr' : 'roc_auc',
    scores,
  };
}

function isMulticlass(y: Target): boolean {
  const codes = isLabels(y) ? y.codes : y;
  return new Set(codes).size > 2;
}
