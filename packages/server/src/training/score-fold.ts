import { Frame, makeTabularModel, selectionScore } from '@quarry/ml';
import { prepareTarget, takeTarget } from './split';
import type { FoldInput } from './types';

/**
 * One cell of model selection, in a worker: fit a family on one fold's training rows, score it on the fold's
 * held-out rows (positions into the rows that have a target). Every fold refits the whole pipeline, so
 * preprocessing is learned from the fold's training rows only.
 */
export function scoreFold(input: FoldInput): number {
  const rows = prepareTarget(input.target, input.task);
  const frame = new Frame(input.features).take(rows.keep);
  const features = input.features.map((c) => ({ name: c.name, kind: c.kind }));
  const model = makeTabularModel({
    task: input.task,
    family: input.family as 'linear',
    features,
    randomState: input.seed,
  });
  model.fit(frame.take(input.fitRows), takeTarget(rows.y, input.fitRows, rows.classes));
  return selectionScore(
    input.task,
    model,
    frame.take(input.scoreRows),
    takeTarget(rows.y, input.scoreRows, rows.classes),
  );
}
