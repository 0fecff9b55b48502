import type { TreeArrays } from './tree-arrays';

/** Impurity-based importances (weighted impurity decrease per feature), normalised to sum to 1. */
export function featureImportances(t: TreeArrays, nFeatures: number): Float64Array {
  const out = new Float64Array(nFeatures);
  for (let node = 0; node < t.nodeCount; node++) {
    const f = t.feature[node];
    if (f < 0) continue;
    const l = t.left[node];
    const r = t.right[node];
    out[f] +=
      t.weightedNodeSamples[node] * t.impurity[node] -
      t.weightedNodeSamples[l] * t.impurity[l] -
      t.weightedNodeSamples[r] * t.impurity[r];
  }
  let total = 0;
  for (const v of out) total += v;
  if (total > 0) for (let j = 0; j < nFeatures; j++) out[j] /= total;
  return out;
}
