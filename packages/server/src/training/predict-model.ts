import { Frame, fromJSON } from '@quarry/ml';
import type { PredictInput, PredictOutput } from './types';

/** Predicts with a saved pipeline (loaded from data, never executed as code) in a worker thread. */
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
  return { predictions, proba };
}
