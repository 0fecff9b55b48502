/**
 * A bounded max-heap of (distance, index) pairs that keeps the k nearest seen so far: the root is the farthest
 * kept neighbour, so a new candidate costs one comparison when it is not closer. Pairs are ordered by distance,
 * then by index, so among equally distant points the lower index wins (as scikit-learn's brute force on data
 * scanned in order).
 *
 *   distances = [d_root, d_1, d_2, …]   (binary heap layout: children of slot s are 2s+1 and 2s+2)
 */
export class NeighborHeap {
  readonly distances: Float64Array;
  readonly indices: Int32Array;
  size = 0;

  constructor(readonly capacity: number) {
    this.distances = new Float64Array(capacity);
    this.indices = new Int32Array(capacity);
  }

  reset(): void {
    this.size = 0;
  }

  /** Whether (da, ia) ranks after (db, ib). */
  static #after(da: number, ia: number, db: number, ib: number): boolean {
    return da > db || (da === db && ia > ib);
  }

  push(distance: number, index: number): void {
    const d = this.distances;
    const idx = this.indices;
    if (this.size < this.capacity) {
      // Sift up from the new last slot.
      let s = this.size++;
      while (s > 0) {
        const parent = (s - 1) >> 1;
        if (!NeighborHeap.#after(distance, index, d[parent], idx[parent])) break;
        d[s] = d[parent];
        idx[s] = idx[parent];
        s = parent;
      }
      d[s] = distance;
      idx[s] = index;
      return;
    }
    if (!NeighborHeap.#after(d[0], idx[0], distance, index)) return;
    this.#siftDown(0, distance, index, this.size);
  }

  /** Places (distance, index) at slot s of the heap [0, size) and sifts it down. */
  #siftDown(s: number, distance: number, index: number, size: number): void {
    const d = this.distances;
    const idx = this.indices;
    for (;;) {
      let child = 2 * s + 1;
      if (child >= size) break;
      if (child + 1 < size && NeighborHeap.#after(d[child + 1], idx[child + 1], d[child], idx[child]))
        child++;
      if (!NeighborHeap.#after(d[child], idx[child], distance, index)) break;
      d[s] = d[child];
      idx[s] = idx[child];
      s = child;
    }
    d[s] = distance;
    idx[s] = index;
  }

  /** Sorts the kept pairs nearest first (heap sort, in place); the heap is spent afterwards. */
  sort(): void {
    const d = this.distances;
    const idx = this.indices;
    for (let end = this.size - 1; end > 0; end--) {
      const distance = d[end];
      const index = idx[end];
      d[end] = d[0];
      idx[end] = idx[0];
      this.#siftDown(0, distance, index, end);
    }
  }
}
