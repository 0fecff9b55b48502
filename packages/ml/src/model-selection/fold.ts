/** One train/test split of row indices; both sorted ascending. */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/** The fold whose test rows are those with `testFold[i] === k`, for every k in 0..nSplits-1. */
export function foldsFromAssignment(testFold: Int32Array, nSplits: number): Fold[] {
  const folds: Fold[] = [];
  for (let k = 0; k < nSplits; k++) {
    let nTest = 0;
    for (const f of testFold) if (f === k) nTest++;
    const train = new Int32Array(testFold.length - nTest);
    const test = new Int32Array(nTest);
    let a = 0;
    let b = 0;
    for (let i = 0; i < testFold.length; i++) {
      if (testFold[i] === k) test[b++] = i;
      else train[a++] = i;
    }
    folds.push({ train, test });
  }
  return folds;
}
