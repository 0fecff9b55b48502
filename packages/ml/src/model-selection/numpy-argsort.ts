/**
 * The permutation NumPy 1.24's default `np.argsort(values)` ('quicksort') returns for a 1-d array: an introsort
 * (median-of-three quicksort, insertion sort below 17 elements, heapsort past 2·⌊log₂ n⌋ levels) that is not
 * stable, so ties come out in an order only this exact algorithm reproduces. scikit-learn's `GroupKFold` orders
 * groups with it; copying it (numpy/core/src/npysort/quicksort.cpp, `aquicksort_`) gives the same folds when
 * several groups have the same size. Plain (stable) version: order.sort((a, b) => values[a] - values[b]).
 */
export function numpyArgsort(values: ArrayLike<number>): Int32Array {
  const num = values.length;
  const order = Int32Array.from({ length: num }, (_, i) => i);
  const less = (a: number, b: number) => values[a] < values[b];
  const swap = (i: number, j: number) => {
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  };
  const stack: number[] = [];
  const depths: number[] = [];
  let pl = 0;
  let pr = num - 1;
  let cdepth = num > 0 ? 2 * (31 - Math.clz32(num)) : 0; // 2·⌊log₂ n⌋
  for (;;) {
    if (cdepth < 0) {
      heapsortRange(order, pl, pr - pl + 1, less);
    } else {
      while (pr - pl > 15) {
        const pm = pl + ((pr - pl) >> 1);
        if (less(order[pm], order[pl])) swap(pm, pl);
        if (less(order[pr], order[pm])) swap(pr, pm);
        if (less(order[pm], order[pl])) swap(pm, pl);
        const pivot = order[pm];
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi;
          while (less(order[pi], pivot));
          do --pj;
          while (less(pivot, order[pj]));
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // Push the larger partition, loop on the smaller.
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depths.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; pi++) {
        const vi = order[pi];
        let pj = pi;
        while (pj > pl && less(vi, order[pj - 1])) {
          order[pj] = order[pj - 1];
          pj--;
        }
        order[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depths.pop()!;
  }
  return order;
}

/** NumPy's `aheapsort_` on order[start, start + n) (1-based heap indices, as in the C code). */
function heapsortRange(
  order: Int32Array,
  start: number,
  n: number,
  less: (a: number, b: number) => boolean,
): void {
  const at = (k: number) => order[start + k - 1];
  const put = (k: number, v: number) => {
    order[start + k - 1] = v;
  };
  const siftDown = (top: number, size: number, tmp: number) => {
    let i = top;
    let j = top << 1;
    while (j <= size) {
      if (j < size && less(at(j), at(j + 1))) j++;
      if (!less(tmp, at(j))) break;
      put(i, at(j));
      i = j;
      j += j;
    }
    put(i, tmp);
  };
  for (let l = n >> 1; l > 0; l--) siftDown(l, n, at(l));
  for (let size = n; size > 1; ) {
    const tmp = at(size);
    put(size, at(1));
    size--;
    siftDown(1, size, tmp);
  }
}
