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
  const proba =
    input.classes !== null && model.predictProba ? Float64Array.from(model.predictProba(frame).data) : null;
  // A classifier predicts its most probable class (the first on a tie, as NumPy's argmax), derived from the
  // probabilities rather than by walking every tree a second time in predict() (40% of a batch's model time):
  // the rule serving/model-cache.ts scores JSON rows by, so both routes agree by construction.
  const raw = proba === null ? model.predict(frame) : argmaxColumns(proba, frame.nRows);
  const predictions = Float64Array.from(raw);
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

/** The most probable class of each row of n × k column-major probabilities (the first on a tie). */
function argmaxColumns(proba: Float64Array, n: number): Int32Array {
  const k = n === 0 ? 0 : proba.length / n;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[c * n + i] > proba[best * n + i]) best = c;
    out[i] = best;
  }
  return out;
}
