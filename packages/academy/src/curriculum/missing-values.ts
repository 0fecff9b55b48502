import { Matrix, rocAucScore, SimpleImputer, trainTestSplit } from '@quarry/ml';
import { numericColumn } from '../labs/measures';
import { MISSING_COLUMNS, type MissingColumn } from './constants';
import { churnFeatures, labData, logisticScores, memo, take, takeLabels01 } from './lab-data';
import { meanSd } from './stats';

export type ImputeStrategy = 'mean' | 'median' | 'most_frequent' | 'drop';
export { MISSING_COLUMNS, type MissingColumn };

export interface ImputationResult {
  column: MissingColumn;
  strategy: ImputeStrategy;
  missing: number;
  rows: number;
  /** The value the gaps are filled with (learned on the training rows); NaN for 'drop'. */
  fillValue: number;
  /** Observed values and imputed values per bin, stacked in the chart. */
  bins: { start: number; end: number; observed: number; imputed: number }[];
  sdBefore: number;
  sdAfter: number;
  /** Churn rate among the rows where the value is missing and where it is present. */
  churnWhenMissing: number;
  churnWhenPresent: number;
  /** Holdout ROC AUC of the churn model with the column filled this way (and the flag, if asked). */
  auc: number;
}

/**
 * The missing-values lesson: fill the gaps of one churn column with the real `SimpleImputer` (fitted on the
 * training rows), or drop the rows. Filling piles every gap onto one value — the spike in the chart, and a
 * smaller spread. For the survey score the gaps are not random (unhappy customers skip the survey), so a
 * "was missing" flag carries signal of its own; for data usage they are random and the flag adds nothing.
 */
export const imputation = (options: {
  column: MissingColumn;
  strategy: ImputeStrategy;
  indicator: boolean;
}): ImputationResult => imputeMemo(`${options.column}|${options.strategy}|${options.indicator}`);

const imputeMemo = memo((key) => {
  const [column, strategy, flag] = key.split('|') as [MissingColumn, ImputeStrategy, string];
  const ds = labData('churn');
  const values = numericColumn(ds, column);
  const features = churnFeatures();
  const { y } = features;
  const isMissing = Float64Array.from(values, (v) => (Number.isNaN(v) ? 1 : 0));
  const others = features.columns.filter(
    (_, j) => features.names[j] !== column && features.names[j] !== 'satisfaction_missing',
  );
  let { train, test } = trainTestSplit(y.length, { testSize: 0.3, stratify: y, randomState: 1 });
  let filled = values;
  let fillValue = Number.NaN;
  if (strategy === 'drop') {
    const present = (rows: Int32Array) => rows.filter((i) => isMissing[i] === 0);
    train = present(train);
    test = present(test);
  } else {
    const imputer = new SimpleImputer({ strategy }).fit(Matrix.fromColumns([take(values, train)]));
    fillValue = imputer.statistics_[0] as number;
    filled = values.map((v) => (Number.isNaN(v) ? fillValue : v));
  }
  const columns = [...others, filled, ...(flag === 'true' ? [isMissing] : [])];
  const auc = rocAucScore(takeLabels01(y, test), logisticScores(columns, y, train, test));
  const observed = values.filter((v) => !Number.isNaN(v));
  const lo = Math.min(...observed);
  const hi = Math.max(...observed);
  // The survey score takes the values 1–5: one bar per value (a filled mean lands in its nearest value's bar).
  const discrete = column === 'satisfaction_score';
  const nBins = discrete ? Math.round(hi - lo) + 1 : 30;
  const width = discrete ? 1 : (hi - lo) / nBins;
  const start = discrete ? lo - 0.5 : lo;
  const bins = Array.from({ length: nBins }, (_, b) => ({
    start: start + b * width,
    end: start + (b + 1) * width,
    observed: 0,
    imputed: 0,
  }));
  const binOf = (v: number) => Math.min(nBins - 1, Math.max(0, Math.floor((v - start) / width)));
  values.forEach((v, i) => {
    if (isMissing[i] === 0) bins[binOf(v)].observed++;
    else if (strategy !== 'drop') bins[binOf(filled[i])].imputed++;
  });
  const rate = (gap: number) => {
    let n = 0;
    let c = 0;
    isMissing.forEach((m, i) => {
      if (m === gap) {
        n++;
        c += y[i];
      }
    });
    return c / n;
  };
  const missing = observed.length === values.length ? 0 : values.length - observed.length;
  return {
    column,
    strategy,
    missing,
    rows: strategy === 'drop' ? values.length - missing : values.length,
    fillValue,
    bins,
    sdBefore: meanSd(observed).sd,
    sdAfter: meanSd(strategy === 'drop' ? observed : filled).sd,
    churnWhenMissing: rate(1),
    churnWhenPresent: rate(0),
    auc,
  };
});
