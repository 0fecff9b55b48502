import { type Column, takeColumn } from '../core/column';
import type { Estimator } from '../core/estimator';
import { type FitOptions, throwIfAborted } from '../core/fit-options';
import { pairwiseSum } from '../core/pairwise-sum';
import { type ParamConstraints, validateParams } from '../core/params';
import { Rng } from '../core/rng';
import type { Tabular, Target } from '../core/roles';
import { tabularNames } from '../core/tabular';
import type { Scorer } from '../model-selection/cross-val-score';
import type { ScorableEstimator } from '../model-selection/scorers';
import { resolveScoring } from '../model-selection/scoring';
import { featureColumn, replaceColumn } from './feature-columns';

export interface PermutationImportanceOptions extends FitOptions {
  /** A scorer name or function (greater is better); default: accuracy for classifiers, R² for regressors. */
  scoring?: string | Scorer<ScorableEstimator>;
  /** Shuffles per feature (default 5). */
  nRepeats?: number;
  randomState?: number;
}

export interface PermutationImportance {
  featureNames: string[];
  /** Per feature, the mean drop in score when it is shuffled. */
  importancesMean: Float64Array;
  importancesStd: Float64Array;
  /** Per feature, the drop for each repeat. */
  importances: Float64Array[];
  /** The score on the unshuffled data. */
  baselineScore: number;
}

const CONSTRAINTS: ParamConstraints = {
  nRepeats: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }],
  randomState: [{ type: 'int', min: 0, max: 4294967295 }],
};

/**
 * How much a fitted model's score drops when one feature's values are shuffled across rows, breaking its link
 * to the target while keeping its distribution (scikit-learn's `permutation_importance`; Breiman 2001). Columns
 * of a frame are shuffled whole, numeric or categorical, one at a time with the others fixed. As in scikit-learn,
 * every feature gets the same sequence of shuffles (a fresh RNG from `randomState`), so features are compared on
 * equal terms. Use held-out rows: on training rows it measures what the model memorised.
 */
export function permutationImportance(
  estimator: Estimator,
  X: Tabular,
  y: Target,
  options: PermutationImportanceOptions = {},
): PermutationImportance {
  const { nRepeats = 5, randomState = 0, scoring } = options;
  validateParams('permutationImportance', { nRepeats, randomState }, CONSTRAINTS);
  const model = estimator as ScorableEstimator;
  const scorer = typeof scoring === 'function' ? scoring : Object.values(resolveScoring(scoring, model))[0];
  const baselineScore = scorer(model, X, y);
  const names = tabularNames(X);
  const importances = names.map((_, j) => {
    const rng = new Rng(randomState);
    const column: Column = featureColumn(X, j);
    const order = Int32Array.from({ length: X.nRows }, (_, i) => i);
    const drops = new Float64Array(nRepeats);
    for (let r = 0; r < nRepeats; r++) {
      throwIfAborted(options.signal);
      rng.shuffle(order);
      drops[r] = baselineScore - scorer(model, replaceColumn(X, j, takeColumn(column, order)), y);
    }
    options.onProgress?.((j + 1) / names.length, names[j]);
    return drops;
  });
  const importancesMean = Float64Array.from(importances, (d) => pairwiseSum(d) / d.length);
  const importancesStd = Float64Array.from(importances, (d, j) =>
    Math.sqrt(pairwiseSum(d.map((v) => (v - importancesMean[j]) ** 2)) / d.length),
  );
  return { featureNames: names, importancesMean, importancesStd, importances, baselineScore };
}
