import { type Frame, makeTabularModel } from '@quarry/ml';
import { featureSpecs } from '../../packages/server/src/training/split';
import type { FoldInput } from '../../packages/server/src/training/types';

/**
 * One (family × fold) cell of the product's auto comparison, as score-fold.ts fits it (same pipeline, same
 * seed, same rows), that also predicts the re-split's test rows: CV+ needs every fold model's prediction for
 * a new point, which the product's fold task does not return. `frame` and `y` cover the rows with a target.
 */
export function foldModelPredictions(fold: FoldInput, frame: Frame, y: Float64Array, testFrame: Frame) {
  const model = makeTabularModel({
    task: fold.task,
    family: fold.family,
    features: featureSpecs(fold.features),
    randomState: fold.seed,
  });
  model.fit(
    frame.take(fold.fitRows),
    Float64Array.from(fold.fitRows, (p) => y[p]),
  );
  return {
    predictions: Float64Array.from(model.predict(frame.take(fold.scoreRows)) as Float64Array),
    onTest: Float64Array.from(model.predict(testFrame) as Float64Array),
  };
}
