import { describe, expect, it } from 'vitest';
import { reference } from './fixtures/stratified-k-fold';
import { KFold } from './k-fold';
import { StratifiedKFold } from './stratified-k-fold';

describe('KFold', () => {
  it('makes consecutive folds, the first n mod k one row larger (as scikit-learn)', () => {
    const folds = new KFold({ nSplits: 3 }).split(10);
    expect(folds.map((f) => Array.from(f.test))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    expect(Array.from(folds[1].train)).toEqual([0, 1, 2, 3, 7, 8, 9]);
  });

  it('shuffles reproducibly and every row is tested exactly once', () => {
    const folds = new KFold({ nSplits: 4, shuffle: true, randomState: 2 }).split(22);
    const tested = folds.flatMap((f) => Array.from(f.test)).sort((a, b) => a - b);
    expect(tested).toEqual(Array.from({ length: 22 }, (_, i) => i));
    expect(folds[0].test.length).toBe(6);
    const again = new KFold({ nSplits: 4, shuffle: true, randomState: 2 }).split(22);
    expect(Array.from(again[2].test)).toEqual(Array.from(folds[2].test));
  });

  it('needs at least nSplits rows and nSplits ≥ 2', () => {
    expect(() => new KFold({ nSplits: 5 }).split(4)).toThrow(
      expect.objectContaining({ code: 'TOO_FEW_ROWS' }),
    );
    expect(() => new KFold({ nSplits: 1 }).split(4)).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER' }),
    );
  });
});

describe('StratifiedKFold', () => {
  it('gives exactly scikit-learn’s folds (no shuffle)', () => {
    const folds = new StratifiedKFold({ nSplits: reference.nSplits }).split(
      reference.y.length,
      Int32Array.from(reference.y),
    );
    expect(folds.map((f) => ({ train: Array.from(f.train), test: Array.from(f.test) }))).toEqual(
      reference.folds,
    );
  });

  it('keeps class proportions in every fold when shuffled', () => {
    const y = Int32Array.from({ length: 50 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const folds = new StratifiedKFold({ nSplits: 5, shuffle: true, randomState: 4 }).split(50, y);
    for (const fold of folds) {
      expect(fold.test.length).toBe(10);
      expect(fold.test.filter((i) => y[i] === 1).length).toBe(2);
    }
  });
});
