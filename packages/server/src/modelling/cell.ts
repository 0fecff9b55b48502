import { Frame, type Labels, makeTabularModel, runFold } from '@quarry/ml';
import { featureSpecs, prepareTarget } from '../training/split';
import { resampleRows } from './resample';
import type { CellInput, CellOutput } from './types';

/**
 * Fits and scores one (family × fold) cell with the ML library's `runFold` — the very unit `crossValidate` is
 * made of — so a leaderboard's fold scores are exactly what `crossValidate` gives on the same folds. Resampling
 * happens here, on the fit rows only: the scored rows are passed to `runFold` as they came.
 */
export function runCell(input: CellInput): CellOutput {
  const rows = prepareTarget(input.target, input.task);
  const X = new Frame(input.features).take(rows.keep);
  const classes = rows.classes;
  const y: Labels | Float64Array =
    classes === null ? (rows.y as Float64Array) : { codes: rows.y as Int32Array, levels: classes };
  const fitRows =
    classes === null
      ? input.fitRows
      : resampleRows(input.fitRows, rows.y as Int32Array, input.resample, input.seed);
  const features = featureSpecs(input.features);
  const result = runFold(
    () =>
      makeTabularModel({
        task: input.task,
        family: input.family,
        features,
        params: input.params,
        randomState: input.seed,
      }),
    X,
    y,
    { train: fitRows, test: input.scoreRows },
    { scoring: input.scoring, returnEstimator: input.returnPredictions, errorScore: Number.NaN },
  );
  let predictions: Float64Array | null = null;
  if (input.returnPredictions && result.error === null && result.estimator !== null) {
    const model = result.estimator as unknown as ReturnType<typeof makeTabularModel>;
    const Xs = X.take(input.scoreRows);
    if (classes === null) predictions = Float64Array.from(model.predict(Xs) as Float64Array);
    else {
      // Probabilities in the global class order (a class missing from the fit rows keeps 0).
      const proba = model.predictProba(Xs);
      const n = input.scoreRows.length;
      predictions = new Float64Array(n * classes.length);
      model.classes_.forEach((label: string, j: number) => {
        (predictions as Float64Array).set(
          proba.data.subarray(j * n, (j + 1) * n),
          classes.indexOf(label) * n,
        );
      });
    }
  }
  return {
    scores: result.testScores,
    fitSeconds: result.fitTime,
    error: result.error?.message ?? null,
    nFit: fitRows.length,
    nScored: input.scoreRows.length,
    predictions,
  };
}
