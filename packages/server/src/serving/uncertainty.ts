import { clipSpread, type Frame, predictionSets, symmetricIntervals } from '@quarry/ml';
import type { ModelFile } from '../models/model-file';
import { quantileOf } from '../training/uncertainty';

/** The coverage level served: the one the file-predict route defaults to. */
export const SERVED_LEVEL = 0.9;

export type ServedUncertainty =
  | { level: number; lower: Float64Array; upper: Float64Array }
  | { level: number; sets: number[][] };

/** A spread model's predict, deserialized once per version by the model cache. */
export type SpreadModel = { predict(X: Frame): Float64Array } | null;

/**
 * Conformal intervals (regression) or prediction sets (classification) at SERVED_LEVEL, from the calibration
 * saved with the model (training/uncertainty.ts). Null for a model saved before calibration existed, or not
 * calibrated at that level. Same arithmetic as the file route, with the spread model already loaded.
 */
export function servedUncertainty(
  file: ModelFile,
  spread: SpreadModel,
  frame: Frame,
  predictions: Float64Array,
  proba: Float64Array | null,
): ServedUncertainty | null {
  const u = file.uncertainty;
  const entry = u?.levels.find((l) => Math.abs(l.level - SERVED_LEVEL) < 1e-9);
  if (u === null || u === undefined || entry === undefined) return null;
  const q = quantileOf(entry.q);
  if (u.method === 'lac-cross-conformal') {
    if (proba === null) return null;
    return { level: SERVED_LEVEL, sets: predictionSets(proba, predictions.length, q) };
  }
  if (spread === null || u.spread === undefined) return null;
  const sigma = clipSpread(spread.predict(frame), u.spread.floor);
  return { level: SERVED_LEVEL, ...symmetricIntervals(predictions, q, sigma) };
}
