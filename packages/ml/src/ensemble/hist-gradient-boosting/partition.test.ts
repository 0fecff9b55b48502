import { describe, expect, it } from 'vitest';
import { setBit } from './bitset';
import { RowPartition } from './partition';
import { SplitInfo } from './splitting';

// One feature over 8 rows; bin 9 is the missing bin.
const bins = Uint8Array.of(3, 0, 9, 5, 1, 9, 2, 4);
const gh = Float32Array.from({ length: 16 }, (_, k) => (k % 2 === 0 ? k / 2 : -k));

function splitOn(configure: (split: SplitInfo) => void) {
  const partition = new RowPartition(8);
  partition.reset(gh);
  const split = new SplitInfo();
  split.feature = 0;
  configure(split);
  const position = partition.split(split, bins, 8, 9, 0, 8);
  return { partition, position };
}

describe('RowPartition', () => {
  it('moves the left rows first, both sides in increasing order, gradients along with their rows', () => {
    const { partition, position } = splitOn((s) => {
      s.bin = 2;
    });
    expect(position).toBe(3);
    expect(Array.from(partition.rows)).toEqual([1, 4, 6, 0, 2, 3, 5, 7]);
    partition.rows.forEach((r, k) => {
      expect([partition.gh[2 * k], partition.gh[2 * k + 1]]).toEqual([gh[2 * r], gh[2 * r + 1]]);
    });
  });

  it('sends missing values left when the split says so', () => {
    const { partition, position } = splitOn((s) => {
      s.bin = 2;
      s.missingGoesLeft = true;
    });
    expect(Array.from(partition.rows.subarray(0, position))).toEqual([1, 2, 4, 5, 6]);
  });

  it('splits categories by their bitset', () => {
    const { partition, position } = splitOn((s) => {
      s.isCategorical = true;
      setBit(s.leftBins, 0, 5);
      setBit(s.leftBins, 0, 0);
    });
    expect(Array.from(partition.rows.subarray(0, position))).toEqual([1, 3]);
  });

  it('splits a shared node in place, touching the scratch arrays only within its own range', () => {
    // A team keeps other nodes' rows in the scratch arrays (hgb-team.ts): a split of rows [2, 6) must leave the
    // scratch outside [2, 6) as it was, and a node moved back by copyBack must read as it was put there.
    const partition = new RowPartition(8, true);
    partition.reset(gh);
    partition.rowScratch.fill(-7);
    partition.pairScratch.fill(0.25);
    const split = new SplitInfo();
    split.feature = 0;
    split.bin = 2;
    // rows 2..5 hold bins 9 (missing, right), 5 (right), 1 (left), 9 (right)
    const position = partition.split(split, bins, 8, 9, 2, 6);
    expect(position).toBe(3);
    expect(Array.from(partition.rows)).toEqual([0, 1, 4, 2, 3, 5, 6, 7]);
    for (const k of [0, 1, 6, 7]) {
      expect(partition.rowScratch[k]).toBe(-7);
      expect(partition.pairScratch[k]).toBe(0.25);
    }
    partition.rowScratch.set([5, 3], 6);
    partition.pairScratch.set([partition.pairs[5], partition.pairs[4]], 6);
    partition.copyBack(6, 8);
    expect(Array.from(partition.rows.subarray(6))).toEqual([5, 3]);
    expect(Array.from(partition.gh.subarray(12))).toEqual([gh[10], gh[11], gh[6], gh[7]]);
  });
});
