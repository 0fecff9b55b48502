import { type Fold, GroupKFold, KFold, Rng, StratifiedKFold, TimeSeriesSplit } from '@quarry/ml';
import type { ColumnData } from '../datasets/service';
import { httpError } from '../errors';
import { prepareTarget, splitRows, type TargetRows } from '../training/split';
import type { Task } from '../training/types';

export type CvStrategy = 'stratified' | 'kfold' | 'group' | 'time';
export interface CvRequest {
  strategy: CvStrategy;
  k: number;
  groupColumn?: string;
  timeColumn?: string;
}
export type SplitStrategy = 'stratified' | 'random' | 'rows' | 'group' | 'time';

/** The holdout and the CV folds of a leaderboard or a tuning run, all made before any model is fitted. */
export interface CvPlan {
  rows: TargetRows;
  /** Positions into `rows.keep`: the training rows (CV runs on these only) and the holdout. */
  train: Int32Array;
  test: Int32Array;
  split: SplitStrategy;
  /** Folds over the training rows, as positions into `train` (what `crossValidate` on them would get). */
  folds: Fold[];
}

export interface PlanOptions {
  task: Task;
  seed: number;
  testSize: number;
  testRows: Int32Array | null;
  cv: CvRequest;
  /** One group code per row of the table ('group'). */
  groups?: Int32Array;
  /** One time per row of the table ('time'): numbers or epoch seconds. */
  times?: Float64Array;
}

const bad = (detail: string) => httpError('BAD_CV', { detail });

/**
 * Splits rows that have a target into training rows and a holdout, then the training rows into k folds:
 * stratified or plain k-fold (both shuffled by the seed), grouped (no group on two sides, holdout included), or
 * time-ordered (the holdout is the latest rows; each fold validates on rows later than the ones it fits).
 */
export function planCv(target: ColumnData, options: PlanOptions): CvPlan {
  const { task, seed, cv } = options;
  const rows = prepareTarget(target, task);
  const codes = rows.classes === null ? null : (rows.y as Int32Array);
  if (cv.strategy === 'stratified' && codes === null)
    throw bad("Stratified folds need a classification target. Use 'kfold' for regression.");
  const groups =
    cv.strategy === 'group' ? Int32Array.from(rows.keep, (r) => (options.groups as Int32Array)[r]) : null;
  const times =
    cv.strategy === 'time' ? Float64Array.from(rows.keep, (r) => (options.times as Float64Array)[r]) : null;
  if (times !== null) {
    const missing = times.filter((t) => !Number.isFinite(t)).length;
    if (missing > 0)
      throw bad(
        `${missing} rows have no value in time column '${cv.timeColumn}'. Fill or filter them first.`,
      );
  }

  let train: Int32Array;
  let test: Int32Array;
  let split: SplitStrategy;
  if (options.testRows !== null || (groups === null && times === null)) {
    ({ train, test, split } = splitRows(rows, options));
  } else if (groups !== null) {
    ({ train, test } = groupHoldout(groups, options.testSize, seed));
    split = 'group';
  } else {
    ({ train, test } = timeHoldout(times as Float64Array, options.testSize));
    split = 'time';
  }
  if (train.length < 2 * cv.k)
    throw bad(`Only ${train.length} training rows for ${cv.k} folds. Lower k or the holdout size.`);
  return { rows, train, test, split, folds: makeFolds(cv, train, codes, groups, times, seed) };
}

function makeFolds(
  cv: CvRequest,
  train: Int32Array,
  codes: Int32Array | null,
  groups: Int32Array | null,
  times: Float64Array | null,
  seed: number,
): Fold[] {
  const n = train.length;
  switch (cv.strategy) {
    case 'stratified': {
      const yTrain = Int32Array.from(train, (k) => (codes as Int32Array)[k]);
      const counts = new Map<number, number>();
      for (const c of yTrain) counts.set(c, (counts.get(c) ?? 0) + 1);
      const smallest = Math.min(...counts.values());
      if (smallest < cv.k)
        throw bad(`The smallest class has ${smallest} training rows, fewer than k = ${cv.k}. Lower k.`);
      return new StratifiedKFold({ nSplits: cv.k, shuffle: true, randomState: seed }).split(n, yTrain);
    }
    case 'kfold':
      return new KFold({ nSplits: cv.k, shuffle: true, randomState: seed }).split(n);
    case 'group': {
      const g = Int32Array.from(train, (k) => (groups as Int32Array)[k]);
      const nGroups = new Set(g).size;
      if (nGroups < cv.k)
        throw bad(
          `Group column '${cv.groupColumn}' has ${nGroups} groups in the training rows, fewer than k = ${cv.k}. Lower k.`,
        );
      return new GroupKFold({ nSplits: cv.k }).split(n, undefined, g);
    }
    case 'time': {
      // Training rows in time order (ties by row), split forward, and mapped back to positions into `train`.
      const t = Float64Array.from(train, (k) => (times as Float64Array)[k]);
      const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
      const back = (positions: Int32Array) => Int32Array.from(positions, (p) => order[p]).sort();
      return new TimeSeriesSplit({ nSplits: cv.k })
        .split(n)
        .map((fold) => ({ train: back(fold.train), test: back(fold.test) }));
    }
  }
}

/** Whole groups, in a seeded random order, go to the holdout until it holds `testSize` of the rows. */
function groupHoldout(groups: Int32Array, testSize: number, seed: number) {
  const distinct = [...new Set(groups)].sort((a, b) => a - b);
  if (distinct.length < 3) throw bad('Grouped splitting needs at least 3 groups. Pick another group column.');
  const sizes = new Map<number, number>();
  for (const g of groups) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const order = new Rng(seed).permutation(distinct.length);
  const inTest = new Set<number>();
  let taken = 0;
  for (const k of order) {
    if (taken >= testSize * groups.length || inTest.size === distinct.length - 2) break;
    inTest.add(distinct[k]);
    taken += sizes.get(distinct[k]) as number;
  }
  return partition(groups.length, (i) => inTest.has(groups[i]));
}

/** The latest `testSize` share of the rows (ties by row order) is the holdout. */
function timeHoldout(times: Float64Array, testSize: number) {
  const n = times.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
  const nTest = Math.max(1, Math.ceil(testSize * n));
  const isTest = new Uint8Array(n);
  for (let p = n - nTest; p < n; p++) isTest[order[p]] = 1;
  return partition(n, (i) => isTest[i] === 1);
}

function partition(n: number, isTest: (i: number) => boolean) {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < n; i++) (isTest(i) ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

/** Group codes for a column: categories by code (missing is a group of its own), numbers by value. */
export function groupCodes(column: ColumnData): Int32Array {
  if (column.kind === 'categorical')
    return Int32Array.from(column.codes, (c) => (c < 0 ? column.levels.length : c));
  const index = new Map<number, number>();
  return Int32Array.from(column.values, (v) => {
    const key = Number.isNaN(v) ? Number.NaN : v;
    let code = index.get(key);
    if (code === undefined) index.set(key, (code = index.size));
    return code;
  });
}
