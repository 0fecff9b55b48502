import { trainTestSplit } from '@quarry/ml';
import type { ColumnData } from '../datasets/service';
import type { Task } from './types';

export interface TargetRows {
  /** Rows (of the full table) that have a target. */
  keep: Int32Array;
  /** The target over `keep`: values (regression) or class codes into `classes`. */
  y: Float64Array | Int32Array;
  classes: string[] | null;
}

const rowCount = (c: ColumnData) => (c.kind === 'numeric' ? c.values.length : c.codes.length);

/**
 * Rows with a target, and the target over those rows. Classes are the labels present, as text (so a numeric
 * target such as 0/1 or 1..5 becomes classes too), sorted numerically or alphabetically.
 */
export function prepareTarget(target: ColumnData, task: Task): TargetRows {
  const n = rowCount(target);
  const keepList: number[] = [];
  if (task === 'regression') {
    if (target.kind !== 'numeric') throw new Error('a regression target must be numeric'); // checked in prepare.ts
    for (let i = 0; i < n; i++) if (Number.isFinite(target.values[i])) keepList.push(i);
    const keep = Int32Array.from(keepList);
    return { keep, y: Float64Array.from(keep, (i) => target.values[i]), classes: null };
  }
  const labels: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    if (target.kind === 'numeric')
      labels[i] = Number.isFinite(target.values[i]) ? String(target.values[i]) : null;
    else labels[i] = target.codes[i] < 0 ? null : target.levels[target.codes[i]];
  }
  for (let i = 0; i < n; i++) if (labels[i] !== null) keepList.push(i);
  const keep = Int32Array.from(keepList);
  const present = [...new Set(keepList.map((i) => labels[i] as string))];
  const classes = target.kind === 'numeric' ? present.sort((a, b) => Number(a) - Number(b)) : present.sort();
  const index = new Map(classes.map((c, k) => [c, k]));
  return { keep, y: Int32Array.from(keep, (i) => index.get(labels[i] as string) as number), classes };
}

export interface SplitOptions {
  testRows: Int32Array | null;
  testSize: number;
  seed: number;
}

/**
 * The holdout, as positions into `keep`: the given rows (which refer to the full table; rows without a target
 * drop out), or a seeded split, stratified for classification.
 */
export function splitRows(rows: TargetRows, options: SplitOptions) {
  const { keep, y, classes } = rows;
  if (options.testRows !== null) {
    const position = new Map<number, number>();
    for (let k = 0; k < keep.length; k++) position.set(keep[k], k);
    const isTest = new Uint8Array(keep.length);
    for (const row of options.testRows) {
      const k = position.get(row);
      if (k !== undefined) isTest[k] = 1;
    }
    const train: number[] = [];
    const test: number[] = [];
    for (let k = 0; k < keep.length; k++) (isTest[k] ? test : train).push(k);
    return { train: Int32Array.from(train), test: Int32Array.from(test), split: 'rows' as const };
  }
  const stratify = classes !== null;
  const { train, test } = trainTestSplit(keep.length, {
    testSize: options.testSize,
    stratify: stratify ? (y as Int32Array) : undefined,
    randomState: options.seed,
  });
  return { train, test, split: stratify ? ('stratified' as const) : ('random' as const) };
}

/** The target over some positions: values, or Labels for the ML library. */
export function takeTarget(y: Float64Array | Int32Array, positions: Int32Array, classes: string[] | null) {
  if (classes === null) return Float64Array.from(positions, (i) => (y as Float64Array)[i]);
  return { codes: Int32Array.from(positions, (i) => (y as Int32Array)[i]), levels: classes };
}

/** What the ML library needs to know of each feature to build its preprocessing. */
export function featureSpecs(columns: ColumnData[]) {
  return columns.map((c) =>
    c.kind === 'categorical'
      ? { name: c.name, kind: c.kind, cardinality: c.levels.length, ...(c.text ? { text: true } : {}) }
      : { name: c.name, kind: c.kind },
  );
}
