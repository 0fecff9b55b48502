import type { Imbalance, Lineage, ModelComparison, ModelDetail, ThresholdGoal } from '../api/types';
import { formatPercent } from '../components/format';

/** A parameter value as a person reads it: numbers briefly, null as "none", anything else as text. */
export function paramText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'number') return String(Number(value.toPrecision(6)));
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const SPLIT_NAMES: Record<string, string> = {
  stratified: 'stratified',
  random: 'random',
  rows: 'by given rows',
  group: 'by whole groups',
  time: 'latest rows held out',
};

export function splitText(split: Lineage['split']): string {
  const how = SPLIT_NAMES[split.strategy] ?? split.strategy;
  return `${how} holdout of ${formatPercent(split.testSize)}: ${split.nTrain.toLocaleString('en-US')} training rows, ${split.nTest.toLocaleString('en-US')} holdout rows`;
}

const CV_NAMES: Record<string, string> = {
  stratified: 'stratified k-fold',
  kfold: 'k-fold',
  group: 'group k-fold',
  time: 'time-series split',
};

export function cvText(cv: Lineage['cv']): string {
  if (cv === null) return 'none (trained without cross-validation)';
  const by = cv.groupColumn
    ? ` on '${cv.groupColumn}'`
    : cv.timeColumn
      ? ` ordered by '${cv.timeColumn}'`
      : '';
  return `${cv.k} folds, ${CV_NAMES[cv.strategy] ?? cv.strategy}${by}; validation rows per fold: ${cv.foldSizes.join(', ')}`;
}

export function goalText(goal: ThresholdGoal | null | undefined): string {
  if (!goal) return 'set by hand';
  if (goal.metric === 'f1') return 'best F1';
  if (goal.metric === 'recall_at_precision') return `best recall at precision ≥ ${goal.minPrecision}`;
  return `lowest cost (false positive ${goal.costFalsePositive}, false negative ${goal.costFalseNegative})`;
}

export function imbalanceText(imbalance: Imbalance | null): string {
  if (!imbalance) return 'none';
  const parts: string[] = [];
  if (imbalance.classWeight === 'balanced') parts.push('balanced class weights');
  if (imbalance.resample && imbalance.resample !== 'none')
    parts.push(
      `${imbalance.resample === 'oversample' ? 'oversampling' : 'undersampling'} inside the fit rows`,
    );
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** How the model turns probabilities into a class: the saved threshold and calibration. */
export function decisionText(model: Pick<ModelDetail, 'threshold' | 'calibration' | 'task'>): string {
  if (model.task !== 'classification') return 'regression: the predicted value';
  const parts = [
    model.threshold
      ? `'${model.threshold.positiveClass}' when its probability ≥ ${model.threshold.value.toFixed(2)} (${goalText(model.threshold.goal)})`
      : 'the most probable class',
  ];
  parts.push(model.calibration ? `${model.calibration} calibration` : 'uncalibrated probabilities');
  return parts.join('; ');
}

export function originText(model: Pick<ModelDetail, 'source' | 'leaderboardId' | 'tuningId'>): string {
  switch (model.source) {
    case 'leaderboard':
      return `saved from leaderboard ${model.leaderboardId ?? ''}`.trim();
    case 'tuning':
      return `saved from tuning run ${model.tuningId ?? ''}`.trim();
    case 'import':
      return 'imported from a model file';
    default:
      return 'trained on the Train page or the CLI';
  }
}

/** Metrics where a smaller value is better: a positive B − A there is a worse B. */
const LOWER_IS_BETTER = new Set(['log_loss', 'brier', 'rmse', 'mae']);

/** Green when B is better than A, red when worse (by the metric's direction), nothing for no change. */
export function differenceColor(metric: string, difference: number | null): string | undefined {
  if (difference === null || Math.abs(difference) < 5e-4) return undefined;
  const better = LOWER_IS_BETTER.has(metric) ? difference < 0 : difference > 0;
  return better ? 'teal.8' : 'red.8';
}

/**
 * The lineage differences worth reading: the holdout metrics are left out (the table above has them), and so is
 * a top-level `params.x` when `lineage.params.x` says the same.
 */
export function lineageDifferences(
  differences: ModelComparison['differences'],
): ModelComparison['differences'] {
  const fields = new Set(differences.map((d) => d.field));
  return differences.filter(
    (d) =>
      !d.field.startsWith('lineage.metrics.') &&
      !(d.field.startsWith('params.') && fields.has(`lineage.${d.field}`)),
  );
}
