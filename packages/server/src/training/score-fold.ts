import { Frame, makeTabularModel, selectionScore } from '@quarry/ml';
import { featureSpecs, prepareTarget, takeTarget } from './split';
import type { FoldInput, FoldOutput } from './types';

/**
 * One cell of model selection, in a worker: fit a family on one fold's training rows, score it on the fold's
 * held-out rows (positions into the rows that have a target), and return those out-of-fold predictions so the
 * server can weigh an ensemble. Every fold refits the whole pipeline, so preprocessing is learned from the
 * fold's training rows only.
 */
export function scoreFold(input: FoldInput): FoldOutput {
  const rows = prepareTarget(input.target, input.task);
  const frame = new Frame(input.features).take(rows.keep);
  const model = makeTabularModel({
    task: input.task,
    family: input.family,
    features: featureSpecs(input.features),
    randomState: input.seed,
  });
  model.fit(frame.take(input.fitRows), takeTarget(rows.y, input.fitRows, rows.classes));
  const scoreFrame = frame.take(input.scoreRows);
  const score = selectionScore(
    input.task,
    model,
    scoreFrame,
    takeTarget(rows.y, input.scoreRows, rows.classes),
  );
  if (rows.classes === null) return { score, predictions: Float64Array.from(model.predict(scoreFrame)) };
  // Probabilities in the global class order (a fold may lack a rare class; its column stays 0).
  const proba = model.predictProba(scoreFrame);
  const n = input.scoreRows.length;
  const out = new Float64Array(n * rows.classes.length);
  model.classes_.forEach((label, j) => {
    const k = (rows.classes as string[]).indexOf(label);
    out.set(proba.data.subarray(j * n, (j + 1) * n), k * n);
  });
  return { score, predictions: out };
}
