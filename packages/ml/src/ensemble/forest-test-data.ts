import { Matrix } from '../core/matrix';
import { reference } from './fixtures/forest';

/**
 * The forests are compared with scikit-learn statistically: both grow random trees from different random streams,
 * so no two forests are equal, but on the same data they must score alike. The fixture holds scikit-learn's test
 * scores over 8 seeds; across seeds the test accuracy (400 rows) varies with a standard deviation of ≈ 0.004 and
 * the test R² of ≈ 0.003. Averaging our score over a few seeds, the difference of the two means has a standard
 * deviation below 0.003, so SCORE_TOLERANCE = 0.015 is ≈ 5σ: a correct forest never fails it, while a real change
 * of algorithm (e.g. all features per split instead of √p, no bootstrap, a broken splitter) moves the score by more.
 * Impurity importances averaged over 100 trees vary by < 0.01 per feature between seeds: IMPORTANCE_TOLERANCE 0.03.
 */
export const SCORE_TOLERANCE = 0.015;
export const IMPORTANCE_TOLERANCE = 0.03;

export const forestData = {
  classification: {
    X: Matrix.fromRows(reference.classification.X),
    y: Int32Array.from(reference.classification.y),
    XTest: Matrix.fromRows(reference.classification.XTest),
    yTest: Int32Array.from(reference.classification.yTest),
  },
  imbalanced: {
    X: Matrix.fromRows(reference.imbalanced.X),
    y: Int32Array.from(reference.imbalanced.y),
    XTest: Matrix.fromRows(reference.imbalanced.XTest),
    yTest: Int32Array.from(reference.imbalanced.yTest),
  },
  regression: {
    X: Matrix.fromRows(reference.regression.X),
    y: Float64Array.from(reference.regression.y),
    XTest: Matrix.fromRows(reference.regression.XTest),
    yTest: Float64Array.from(reference.regression.yTest),
  },
};

export const forestReference = reference;

/** The mean of `score(seed)` over the seeds. */
export function meanOverSeeds(seeds: readonly number[], score: (seed: number) => number): number {
  return seeds.reduce((sum, seed) => sum + score(seed), 0) / seeds.length;
}
