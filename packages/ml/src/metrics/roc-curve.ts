import { type BinaryCurveOptions, binaryClfCurve } from './binary-clf-curve';

export interface RocCurveOptions extends BinaryCurveOptions {
  /** Drop thresholds that are collinear with their neighbours on the curve (default true, as scikit-learn). */
  dropIntermediate?: boolean;
}

export interface RocCurve {
  /** False positive rate at each threshold, increasing from 0 to 1. */
  fpr: Float64Array;
  /** True positive rate at each threshold, increasing from 0 to 1. */
  tpr: Float64Array;
  /**
   * Decreasing score thresholds: a row is predicted positive when its score ≥ the threshold. The first is the
   * highest score + 1 so the curve starts at (0, 0), as scikit-learn 1.2 does (1.3 and later use Infinity).
   */
  thresholds: Float64Array;
}

/**
 * The receiver operating characteristic curve of a binary scoring (scikit-learn 1.2's `roc_curve`, same points).
 * Without positives (or negatives) the tpr (fpr) is all NaN, where scikit-learn warns.
 */
export function rocCurve(yTrue: Int32Array, yScore: Float64Array, options: RocCurveOptions = {}): RocCurve {
  let { fps, tps, thresholds } = binaryClfCurve('rocCurve', yTrue, yScore, options);
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    // Keep the ends and every point where the curve bends (a non-zero second difference).
    const keep: number[] = [0];
    for (let i = 1; i < fps.length - 1; i++) {
      const bendF = fps[i + 1] - fps[i] - (fps[i] - fps[i - 1]);
      const bendT = tps[i + 1] - tps[i] - (tps[i] - tps[i - 1]);
      if (bendF !== 0 || bendT !== 0) keep.push(i);
    }
    keep.push(fps.length - 1);
    fps = Float64Array.from(keep, (i) => fps[i]);
    tps = Float64Array.from(keep, (i) => tps[i]);
    thresholds = Float64Array.from(keep, (i) => thresholds[i]);
  }
  const n = fps.length + 1;
  const fpr = new Float64Array(n);
  const tpr = new Float64Array(n);
  const out = new Float64Array(n);
  const fpTotal = fps[fps.length - 1];
  const tpTotal = tps[tps.length - 1];
  out[0] = thresholds[0] + 1;
  for (let i = 1; i < n; i++) {
    fpr[i] = fps[i - 1];
    tpr[i] = tps[i - 1];
    out[i] = thresholds[i - 1];
  }
  for (let i = 0; i < n; i++) {
    fpr[i] = fpTotal <= 0 ? Number.NaN : fpr[i] / fpTotal;
    tpr[i] = tpTotal <= 0 ? Number.NaN : tpr[i] / tpTotal;
  }
  return { fpr, tpr, thresholds: out };
}
