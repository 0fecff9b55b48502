import { describe, expect, it } from 'vitest';
import { toLabels } from '../core/labels';
import { reference } from './fixtures/splits';
import type { Fold } from './fold';
import { GroupKFold } from './group-k-fold';
import { numpyArgsort } from './numpy-argsort';
import { StratifiedGroupKFold } from './stratified-group-k-fold';
import { TimeSeriesSplit } from './time-series-split';

const plain = (folds: Fold[]) => folds.map((f) => ({ train: Array.from(f.train), test: Array.from(f.test) }));

describe('numpyArgsort', () => {
  it('returns NumPy 1.24’s argsort permutation, ties included, up to 1000 elements', () => {
    for (const { values, order } of reference.argsort) {
      expect(Array.from(numpyArgsort(values))).toEqual(order);
    }
  });

  it('sorts a long patterned input completely, every index once', () => {
    const values = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? i : 300 - i));
    const order = numpyArgsort(values);
    const sorted = Array.from(order, (i) => values[i]);
    expect(sorted).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(300);
  });
});

describe('GroupKFold', () => {
  for (const { groups, nSplits, folds } of reference.groupKFold) {
    it(`gives scikit-learn’s folds (${new Set(groups).size} groups, ${nSplits} splits)`, () => {
      const out = new GroupKFold({ nSplits }).split(groups.length, undefined, Int32Array.from(groups));
      expect(plain(out)).toEqual(folds);
      for (const fold of out) {
        const trainGroups = new Set(Array.from(fold.train, (i) => groups[i]));
        expect(Array.from(fold.test).some((i) => trainGroups.has(groups[i]))).toBe(false);
      }
    });
  }

  it('accepts string groups and numbers them in sorted order', () => {
    const groups = toLabels(['b', 'a', 'c', 'b', 'a', 'a']);
    const folds = new GroupKFold({ nSplits: 3 }).split(6, undefined, groups);
    expect(plain(folds).map((f) => f.test)).toEqual([[1, 4, 5], [0, 3], [2]]);
  });

  it('needs groups, at least nSplits of them, and no missing group', () => {
    expect(() => new GroupKFold().split(4)).toThrow(/needs groups/);
    expect(() => new GroupKFold({ nSplits: 3 }).split(4, undefined, Int32Array.from([1, 1, 2, 2]))).toThrow(
      expect.objectContaining({ code: 'TOO_FEW_ROWS' }),
    );
    expect(() =>
      new GroupKFold({ nSplits: 2 }).split(3, undefined, Float64Array.from([1, Number.NaN, 2])),
    ).toThrow(/missing group at row 1/);
  });
});

describe('StratifiedGroupKFold', () => {
  for (const { y, groups, nSplits, folds } of reference.stratifiedGroupKFold) {
    it(`gives scikit-learn’s folds without shuffling (${nSplits} splits)`, () => {
      const out = new StratifiedGroupKFold({ nSplits }).split(
        y.length,
        Int32Array.from(y),
        Int32Array.from(groups),
      );
      expect(plain(out)).toEqual(folds);
    });
  }

  it('keeps groups whole when shuffled, reproducibly', () => {
    const { y, groups } = reference.stratifiedGroupKFold[0];
    const split = (randomState: number) =>
      new StratifiedGroupKFold({ nSplits: 3, shuffle: true, randomState }).split(
        y.length,
        Int32Array.from(y),
        Int32Array.from(groups),
      );
    const a = split(1);
    expect(plain(split(1))).toEqual(plain(a));
    for (const fold of a) {
      const testGroups = new Set(Array.from(fold.test, (i) => groups[i]));
      expect(Array.from(fold.train).some((i) => testGroups.has(groups[i]))).toBe(false);
    }
    expect(a.reduce((n, f) => n + f.test.length, 0)).toBe(y.length);
  });
});

describe('TimeSeriesSplit', () => {
  for (const { nRows, options, folds } of reference.timeSeriesSplit) {
    it(`gives scikit-learn’s folds (${nRows} rows, ${JSON.stringify(options)})`, () => {
      expect(plain(new TimeSeriesSplit(options).split(nRows))).toEqual(folds);
    });
  }

  it('always trains on rows before the test rows', () => {
    for (const fold of new TimeSeriesSplit({ nSplits: 4, gap: 2 }).split(40)) {
      expect(Math.max(...fold.train) + 2).toBeLessThan(Math.min(...fold.test));
    }
  });

  it('refuses more splits than the rows allow', () => {
    expect(() => new TimeSeriesSplit({ nSplits: 5 }).split(5)).toThrow(
      expect.objectContaining({ code: 'TOO_FEW_ROWS' }),
    );
    expect(() => new TimeSeriesSplit({ nSplits: 3, testSize: 4, gap: 1 }).split(12)).toThrow(
      /too many splits/,
    );
    expect(() => new TimeSeriesSplit({ gap: -1 }).split(12)).toThrow(
      "The 'gap' parameter of TimeSeriesSplit must be an int in [0, Infinity). Got -1.",
    );
  });
});
