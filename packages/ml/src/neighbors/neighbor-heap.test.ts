import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { NeighborHeap } from './neighbor-heap';

describe('NeighborHeap', () => {
  it('keeps the k smallest (distance, index) pairs, sorted, lower index first on ties', () => {
    const rng = new Rng(4);
    const distances = Array.from({ length: 200 }, () => rng.nextInt(20));
    const heap = new NeighborHeap(15);
    distances.forEach((d, i) => {
      heap.push(d, i);
    });
    heap.sort();
    const expected = distances
      .map((d, i) => [d, i])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .slice(0, 15);
    expect(Array.from(heap.indices)).toEqual(expected.map(([, i]) => i));
    expect(Array.from(heap.distances)).toEqual(expected.map(([d]) => d));
  });

  it('keeps fewer pairs when fewer were pushed', () => {
    const heap = new NeighborHeap(5);
    heap.push(3, 0);
    heap.push(1, 1);
    heap.sort();
    expect(heap.size).toBe(2);
    expect(Array.from(heap.indices.subarray(0, 2))).toEqual([1, 0]);
  });
});
