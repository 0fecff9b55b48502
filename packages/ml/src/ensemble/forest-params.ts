import type { ParamConstraints } from '../core/params';
import { TREE_CONSTRAINTS, type TreeParams } from '../tree/tree-params';

/** The parameters every forest shares (camelCase of scikit-learn's `BaseForest` ones). */
export interface ForestParams extends TreeParams {
  /** Number of trees. */
  nEstimators: number;
  /** Fit each tree on a bootstrap sample (drawn with replacement) instead of all rows. */
  bootstrap: boolean;
  /**
   * Rows drawn per bootstrap sample: null = as many as there are rows, an int = that many, a float in (0, 1) = that
   * fraction of the rows. Only with `bootstrap`. (JavaScript cannot tell 1.0 from 1: use null for "all rows".)
   */
  maxSamples: number | null;
  /** Score the forest on the rows each tree did not see (out-of-bag); needs `bootstrap`. */
  oobScore: boolean;
  /** Seeds every tree (its bootstrap draw and feature order), so a forest is identical run to run. */
  randomState: number;
}

export const FOREST_CONSTRAINTS: ParamConstraints = {
  ...TREE_CONSTRAINTS,
  nEstimators: [{ type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' }],
  bootstrap: [{ type: 'boolean' }],
  maxSamples: [
    { type: 'int', min: 1, max: Number.POSITIVE_INFINITY, closed: 'left' },
    { type: 'float', min: 0, max: 1, closed: 'neither' },
    { type: 'null' },
  ],
  oobScore: [{ type: 'boolean' }],
};

/** Defaults of scikit-learn ≥ 1.1 (`max_features` is set per class: 'sqrt' for classifiers, all for regressors). */
export const FOREST_DEFAULTS: Omit<ForestParams, 'maxFeatures' | 'bootstrap'> = {
  nEstimators: 100,
  maxDepth: null,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  maxSamples: null,
  oobScore: false,
  randomState: 0,
};

/** Rows per bootstrap sample (scikit-learn's `_get_n_samples_bootstrap`, whose `round` sends halves to even). */
export function bootstrapSize(maxSamples: number | null, nRows: number): number {
  if (maxSamples === null) return nRows;
  if (Number.isInteger(maxSamples)) return maxSamples;
  const x = nRows * maxSamples;
  const floor = Math.floor(x);
  const rounded = x - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(x);
  return Math.max(rounded, 1);
}
