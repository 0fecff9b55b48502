/** Sorted distinct values of one or two label arrays (scikit-learn's `unique_labels`). */
export function uniqueLabels(...arrays: Int32Array[]): number[] {
  const seen = new Set<number>();
  for (const array of arrays) for (const v of array) seen.add(v);
  return [...seen].sort((a, b) => a - b);
}

export interface LabelCounts {
  /** Per label: (weighted) rows predicted as the label that are the label. */
  tp: Float64Array;
  /** Per label: (weighted) rows predicted as the label. */
  predSum: Float64Array;
  /** Per label: (weighted) rows that are the label (the support). */
  trueSum: Float64Array;
}

/**
 * One-vs-rest counts per label (the diagonal blocks of scikit-learn's `multilabel_confusion_matrix`), accumulated
 * in row order like NumPy's weighted `bincount`. Rows whose label is not listed count for nothing.
 */
export function labelCounts(
  yTrue: Int32Array,
  yPred: Int32Array,
  labels: readonly number[],
  sampleWeight?: Float64Array,
): LabelCounts {
  const position = new Map(labels.map((label, k) => [label, k]));
  const k = labels.length;
  const tp = new Float64Array(k);
  const predSum = new Float64Array(k);
  const trueSum = new Float64Array(k);
  for (let i = 0; i < yTrue.length; i++) {
    const w = sampleWeight === undefined ? 1 : sampleWeight[i];
    const t = position.get(yTrue[i]);
    const p = position.get(yPred[i]);
    if (t !== undefined) {
      trueSum[t] += w;
      if (yTrue[i] === yPred[i]) tp[t] += w;
    }
    if (p !== undefined) predSum[p] += w;
  }
  return { tp, predSum, trueSum };
}
