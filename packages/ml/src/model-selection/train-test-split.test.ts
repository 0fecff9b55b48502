import { describe, expect, it } from 'vitest';
import { trainTestSplit } from './train-test-split';

function isSortedPartition(train: Int32Array, test: Int32Array, n: number): boolean {
  const all = [...train, ...test].sort((a, b) => a - b);
  const sorted = (a: Int32Array) => a.every((v, i) => i === 0 || a[i - 1] < v);
  return sorted(train) && sorted(test) && all.length === n && all.every((v, i) => v === i);
}

describe('trainTestSplit', () => {
  it('puts ⌈testSize · n⌉ rows in test, sorted, and partitions the rows', () => {
    const { train, test } = trainTestSplit(10, { testSize: 0.25 });
    expect(test.length).toBe(3);
    expect(isSortedPartition(train, test, 10)).toBe(true);
  });

  it('is reproducible per randomState', () => {
    const a = trainTestSplit(100, { randomState: 1 });
    expect(Array.from(trainTestSplit(100, { randomState: 1 }).test)).toEqual(Array.from(a.test));
    expect(Array.from(trainTestSplit(100, { randomState: 2 }).test)).not.toEqual(Array.from(a.test));
  });

  it('keeps class proportions when stratified', () => {
    const y = Int32Array.from({ length: 100 }, (_, i) => (i < 80 ? 0 : 1));
    const { train, test } = trainTestSplit(100, { testSize: 0.25, stratify: y });
    expect(test.length).toBe(25);
    expect(test.filter((i) => y[i] === 1).length).toBe(5);
    expect(isSortedPartition(train, test, 100)).toBe(true);
  });

  it('puts every class with at least two rows on both sides', () => {
    // 3 rare classes of 2 rows each would get 0.5 test rows: each must still get one on each side.
    const y = Int32Array.from([...new Array(20).fill(0), 1, 1, 2, 2, 3, 3, 4]);
    const { train, test } = trainTestSplit(y.length, { testSize: 0.2, stratify: y, randomState: 3 });
    for (const c of [0, 1, 2, 3]) {
      expect(train.some((i) => y[i] === c)).toBe(true);
      expect(test.some((i) => y[i] === c)).toBe(true);
    }
    expect(train.some((i) => y[i] === 4)).toBe(true); // a single row stays in train
    expect(isSortedPartition(train, test, y.length)).toBe(true);
  });

  it('refuses impossible splits', () => {
    expect(() => trainTestSplit(1)).toThrow(expect.objectContaining({ code: 'TOO_FEW_ROWS' }));
    expect(() => trainTestSplit(10, { testSize: 1.5 })).toThrow(
      "The 'testSize' parameter of trainTestSplit must be a float in (0, 1). Got 1.5.",
    );
  });
});

describe('trainTestSplit with groups', () => {
  const groups = Int32Array.from({ length: 40 }, (_, i) => Math.floor(i / 4) * 3); // 10 groups of 4 rows

  it('keeps every group on one side and puts ⌈testSize · nGroups⌉ groups in test', () => {
    const { train, test } = trainTestSplit(40, { groups, testSize: 0.25, randomState: 5 });
    const testGroups = new Set(Array.from(test, (i) => groups[i]));
    expect(testGroups.size).toBe(3);
    expect(test.length).toBe(12);
    expect(Array.from(train).some((i) => testGroups.has(groups[i]))).toBe(false);
    expect(isSortedPartition(train, test, 40)).toBe(true);
  });

  it('is reproducible, and refuses stratify with groups or a single group', () => {
    const a = trainTestSplit(40, { groups, randomState: 2 });
    expect(Array.from(trainTestSplit(40, { groups, randomState: 2 }).test)).toEqual(Array.from(a.test));
    expect(() => trainTestSplit(40, { groups, stratify: groups })).toThrow(/not both/);
    expect(() => trainTestSplit(4, { groups: new Int32Array(4) })).toThrow(
      expect.objectContaining({ code: 'TOO_FEW_ROWS' }),
    );
  });
});
