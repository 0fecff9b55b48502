import { Frame, fromJSON } from '@quarry/ml';
import type { PredictInput, PredictOutput } from './types';
import { applyUncertainty } from './uncertainty';

/**
 * Predicts with a saved pipeline (loaded from data, never executed as code) in a worker thread. With a saved
 * decision threshold (binary classification), the second class is predicted when its probability ≥ it.
 */
export function predictModel(input: PredictInput): PredictOutput {
  const model = fromJSON(input.pipeline as never) as unknown as {
    predict(X: Frame): Float64Array | Int32Array;
    predictProba?(X: Frame): { data: Float64Array };
  };
  const frame = new Frame(input.features);
  const raw = model.predict(frame);
  const predictions = Float64Array.from(raw);
  const proba =
    input.classes !== null && model.predictProba ? Float64Array.from(model.predictProba(frame).data) : null;
  const threshold = input.threshold ?? null;
  if (threshold !== null && proba !== null && input.classes?.length === 2) {
    const n = predictions.length;
    for (let i = 0; i < n; i++) predictions[i] = proba[n + i] >= threshold ? 1 : 0;
  }
  const level = input.level ?? null;
  const uncertainty =
    level === null ? null : applyUncertainty(input.uncertainty, level, frame, Float64Array.from(raw), proba);
  return { predictions, proba, uncertainty };
}
