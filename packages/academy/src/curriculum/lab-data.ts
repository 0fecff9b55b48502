import { LogisticRegression, Matrix, Rng } from '@quarry/ml';
import { generateChurn } from '../labs/churn';
import { generateHousePrices } from '../labs/house-prices';
import { columnOf, mean, median, numericColumn } from '../labs/measures';
import { generatePaymentFraud } from '../labs/payment-fraud';
import { generateRetailDemand } from '../labs/retail-demand';
import type { LabDataset } from '../labs/types';
import type { LabId } from './types';

/**
 * The lab data the lessons compute on. Every lesson uses the same seed as the labs' first run, so the numbers a
 * learner sees in a lesson are the ones they meet again in the lab. Generated once per page and kept: the
 * generators are deterministic, so caching cannot change a result.
 */
export const LESSON_SEED = 7;

const generators: Record<LabId, (seed: number) => LabDataset> = {
  churn: generateChurn,
  'house-prices': generateHousePrices,
  'retail-demand': generateRetailDemand,
  'payment-fraud': generatePaymentFraud,
};
const cache = new Map<string, LabDataset>();

export function labData(id: LabId, seed = LESSON_SEED): LabDataset {
  const key = `${id}:${seed}`;
  let data = cache.get(key);
  if (!data) {
    data = generators[id](seed);
    cache.set(key, data);
  }
  return data;
}

/** Memoises a pure function of one string key (lesson computations repeat as sliders go back and forth). */
export function memo<T>(fn: (key: string) => T, size = 64): (key: string) => T {
  const store = new Map<string, T>();
  return (key) => {
    if (store.has(key)) return store.get(key) as T;
    const value = fn(key);
    if (store.size >= size) store.delete(store.keys().next().value as string);
    store.set(key, value);
    return value;
  };
}

/** `size` distinct row indices of 0..n-1, sorted, drawn with a seeded generator (all rows when n ≤ size). */
export function sampleRows(n: number, size: number, seed: number): Int32Array {
  if (n <= size) return Int32Array.from({ length: n }, (_, i) => i);
  return new Rng(seed).permutation(n).slice(0, size).sort();
}

/** A numeric column with its missing values replaced by the median of the observed ones. */
export function medianFilled(values: Float64Array): Float64Array {
  const med = median(values.filter((v) => !Number.isNaN(v)));
  return values.map((v) => (Number.isNaN(v) ? med : v));
}

/** 1 where the column equals `value`, else 0. */
export function indicator(dataset: LabDataset, name: string, value: unknown): Float64Array {
  return Float64Array.from(columnOf(dataset, name), (v) => (v === value ? 1 : 0));
}

export interface ChurnFeatures {
  names: string[];
  columns: Float64Array[];
  /** 1 = churned. */
  y: Int32Array;
  /** The leakage trap: a retention offer, recorded after the customer asked to cancel. */
  leak: Float64Array;
}

/**
 * The churn lab's honest features, as a careful learner would prepare them: medians for the gaps, a missing flag
 * for the survey answer (its gaps say something), and one-hot columns for the contract and internet service.
 */
export function churnFeatures(): ChurnFeatures {
  const ds = labData('churn');
  const named: [string, Float64Array][] = [
    ['tenure_months', medianFilled(numericColumn(ds, 'tenure_months'))],
    ['monthly_charges_usd', medianFilled(numericColumn(ds, 'monthly_charges_usd'))],
    ['support_calls_90d', medianFilled(numericColumn(ds, 'support_calls_90d'))],
    ['satisfaction_score', medianFilled(numericColumn(ds, 'satisfaction_score'))],
    ['satisfaction_missing', indicator(ds, 'satisfaction_score', null)],
    ['data_usage_gb', medianFilled(numericColumn(ds, 'data_usage_gb'))],
    ['age', medianFilled(numericColumn(ds, 'age'))],
    ['contract_month_to_month', indicator(ds, 'contract_type', 'month-to-month')],
    ['contract_two_year', indicator(ds, 'contract_type', 'two-year')],
    ['internet_fiber', indicator(ds, 'internet_service', 'fiber')],
  ];
  return {
    names: named.map(([name]) => name),
    columns: named.map(([, col]) => col),
    y: Int32Array.from(columnOf(ds, 'churned'), (v) => (v === true ? 1 : 0)),
    leak: indicator(ds, 'retention_offer_made', true),
  };
}

/**
 * Standardises each column with the mean and standard deviation of the *train* rows only and returns the train
 * and test matrices: statistics from the test rows would be a (small) leak of their own.
 */
export function scaledMatrices(
  columns: readonly Float64Array[],
  train: Int32Array,
  test: Int32Array,
): { train: Matrix; test: Matrix } {
  const scaled = columns.map((col) => {
    const values = Float64Array.from(train, (i) => col[i]);
    const mu = mean(values);
    const sd = Math.sqrt(mean(values.map((v) => (v - mu) ** 2))) || 1;
    return col.map((v) => (v - mu) / sd);
  });
  const pick = (rows: Int32Array) =>
    Matrix.fromColumns(
      scaled.map((col) => Float64Array.from(rows, (i) => col[i])),
      rows.length,
    );
  return { train: pick(train), test: pick(test) };
}

/**
 * Fits a logistic regression on the train rows and returns the positive-class probability of each test row. The
 * model every classification lesson uses: quick, and its scores are well behaved.
 */
export function logisticScores(
  columns: readonly Float64Array[],
  y: Int32Array,
  train: Int32Array,
  test: Int32Array,
  options: { balanced?: boolean } = {},
): Float64Array {
  const X = scaledMatrices(columns, train, test);
  const model = new LogisticRegression({ classWeight: options.balanced ? 'balanced' : null }).fit(
    X.train,
    Int32Array.from(train, (i) => y[i]),
  );
  const proba = model.predictProba(X.test);
  return Float64Array.from(test, (_, k) => proba.get(k, 1));
}

/** The values at `rows`, as a new array of the same kind. */
export function take(values: Float64Array, rows: Int32Array): Float64Array {
  return Float64Array.from(rows, (i) => values[i]);
}

/** The labels at `rows`. */
export function takeLabels01(values: Int32Array, rows: Int32Array): Int32Array {
  return Int32Array.from(rows, (i) => values[i]);
}

/** Rounds for display and for stable comparisons in tests. */
export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
