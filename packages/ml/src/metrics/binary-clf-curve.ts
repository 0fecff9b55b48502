import { MlError } from '../core/errors';
import { checkPair } from './check-pair';
import { checkSampleWeight } from './sample-weight';

export interface BinaryCurveOptions {
  /** The class code counted as positive (default 1). */
  posLabel?: number;
  sampleWeight?: Float64Array;
}

export interface BinaryCounts {
  /** (Weighted) negatives scoring ≥ thresholds[i]. */
  fps: Float64Array;
  /** (Weighted) positives scoring ≥ thresholds[i]. */
  tps: Float64Array;
  /** The distinct scores, decreasing. */
  thresholds: Float64Array;
}

/**
 * The positive class: `posLabel` when given, else 1 provided the classes are {0, 1} or {−1, 1} (or a subset), as
 * scikit-learn's `_check_pos_label_consistency`; other codes need an explicit `posLabel`.
 */
export function resolvePosLabel(name: string, yTrue: Int32Array, posLabel?: number): number {
  if (posLabel !== undefined) return posLabel;
  const distinct = new Set(yTrue);
  const ok =
    [...distinct].every((c) => c === 1 || c === 0 || c === -1) && !(distinct.has(0) && distinct.has(-1));
  if (!ok) {
    throw new MlError(
      'INVALID_PARAMETER',
      `${name} cannot tell the positive class among classes ${[...distinct].sort((a, b) => a - b).join(', ')}. Pass posLabel.`,
    );
  }
  return 1;
}

/**
 * True and false positive counts at every distinct score (scikit-learn's `_binary_clf_curve`): rows are sorted by
 * decreasing score (ties by decreasing row index, as NumPy's reversed stable argsort), counts are cumulated in that
 * order and read at the last row of each run of equal scores. Zero-weight rows are dropped first.
 */
export function binaryClfCurve(
  name: string,
  yTrue: Int32Array,
  yScore: Float64Array,
  options: BinaryCurveOptions = {},
): BinaryCounts {
  checkPair(name, yTrue.length, yScore.length);
  const weight = checkSampleWeight(name, options.sampleWeight, yTrue.length);
  const posLabel = resolvePosLabel(name, yTrue, options.posLabel);
  const rows: number[] = [];
  for (let i = 0; i < yTrue.length; i++) {
    if (!Number.isFinite(yScore[i])) {
      throw new MlError('INPUT_HAS_NAN', `${name} got a non-finite score at row ${i}. Score every row.`);
    }
    if (weight === undefined || weight[i] !== 0) rows.push(i);
  }
  rows.sort((a, b) => yScore[b] - yScore[a] || b - a);
  const n = rows.length;
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let r = 0; r < n; r++) {
    const i = rows[r];
    const w = weight === undefined ? 1 : weight[i];
    if (yTrue[i] === posLabel) tp += w;
    else if (weight !== undefined) fp += w;
    if (r === n - 1 || yScore[rows[r + 1]] !== yScore[i]) {
      tps.push(tp);
      // Unweighted, scikit-learn derives fps = 1 + index − tps rather than cumulating.
      fps.push(weight === undefined ? 1 + r - tp : fp);
      thresholds.push(yScore[i]);
    }
  }
  return {
    fps: Float64Array.from(fps),
    tps: Float64Array.from(tps),
    thresholds: Float64Array.from(thresholds),
  };
}
