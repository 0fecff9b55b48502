import type { LeaderboardFamily } from '../modelling/families';

type Value = number | string | boolean | null;
export interface SpaceParam {
  /** The grid; random search picks from it when there is no distribution. */
  values: Value[];
  distribution?: { type: 'uniform' | 'loguniform' | 'randint'; low: number; high: number };
  /** Bounds for any number a user gives (randint's high is exclusive, as scikit-learn's). */
  min: number | null;
  max: number | null;
  integer: boolean;
  /** Non-number values allowed (e.g. null for "no limit", 'sqrt'). */
  options: Value[];
  description: string;
}
type Space = Record<string, SpaceParam>;

const p = (
  values: Value[],
  min: number | null,
  max: number | null,
  description: string,
  extra: Partial<SpaceParam> = {},
): SpaceParam => ({ values, min, max, integer: false, options: [], description, ...extra });

const maxDepth = p(
  [2, 3, 4, 6, 8, 12, null],
  1,
  64,
  'Deepest split level; null grows until leaves are pure or small.',
  {
    integer: true,
    options: [null],
    distribution: { type: 'randint', low: 1, high: 32 },
  },
);
const leaf = (values: number[], high: number) =>
  p(values, 1, 10_000, 'Fewest training rows a leaf may hold: larger smooths the model.', {
    integer: true,
    distribution: { type: 'randint', low: 1, high },
  });
const forest: Space = {
  nEstimators: p([50, 100, 200], 1, 1000, 'Number of trees (more: steadier, slower).', {
    integer: true,
    distribution: { type: 'randint', low: 20, high: 301 },
  }),
  maxDepth: { ...maxDepth, values: [null, 8, 16, 32] },
  minSamplesLeaf: leaf([1, 2, 5, 10], 21),
  maxFeatures: p(
    ['sqrt', 'log2', 0.5],
    0.01,
    1,
    "Features tried per split: 'sqrt', 'log2', a fraction, or null (all).",
    {
      options: ['sqrt', 'log2', null],
    },
  ),
};

/**
 * The documented default search ranges per family and task (GET /api/tuning/spaces), on the model step's
 * parameters (camelCase of scikit-learn's). The bounds also cap what a user may send, so no request can ask for
 * `nEstimators: 1e9` (SECURITY-TESTS row O).
 */
export const SEARCH_SPACES: Record<
  LeaderboardFamily,
  { classification: Space | null; regression: Space | null }
> = {
  dummy: { classification: null, regression: null },
  linear: {
    classification: {
      C: p(
        [0.001, 0.01, 0.1, 1, 10, 100],
        1e-6,
        1e6,
        'Inverse regularisation strength of logistic regression.',
        {
          distribution: { type: 'loguniform', low: 1e-4, high: 1e3 },
        },
      ),
    },
    regression: {
      alpha: p(
        [0.001, 0.01, 0.1, 1, 10, 100, 1000],
        0,
        1e6,
        'Ridge penalty strength (0: ordinary least squares).',
        {
          distribution: { type: 'loguniform', low: 1e-4, high: 1e4 },
        },
      ),
    },
  },
  tree: {
    classification: { maxDepth, minSamplesLeaf: leaf([1, 2, 5, 10, 20, 50], 101) },
    regression: { maxDepth, minSamplesLeaf: leaf([1, 2, 5, 10, 20, 50], 101) },
  },
  forest: { classification: forest, regression: forest },
  extra_trees: { classification: forest, regression: forest },
  gbdt: {
    classification: gbdt(),
    regression: gbdt(),
  },
  knn: {
    classification: knn(),
    regression: knn(),
  },
  nb: {
    classification: {
      varSmoothing: p(
        [1e-11, 1e-9, 1e-7, 1e-5],
        0,
        1,
        'Share of the largest variance added to every variance.',
        {
          distribution: { type: 'loguniform', low: 1e-12, high: 1e-3 },
        },
      ),
    },
    regression: null,
  },
};

function gbdt(): Space {
  return {
    learningRate: p([0.03, 0.1, 0.3], 1e-4, 1, 'Shrinkage of every tree.', {
      distribution: { type: 'loguniform', low: 0.01, high: 0.5 },
    }),
    maxIter: p([100, 200, 400], 1, 2000, 'Boosting iterations (trees).', {
      integer: true,
      distribution: { type: 'randint', low: 50, high: 501 },
    }),
    maxLeafNodes: p([15, 31, 63], 2, 1024, 'Leaves per tree.', {
      integer: true,
      options: [null],
      distribution: { type: 'randint', low: 7, high: 128 },
    }),
    minSamplesLeaf: leaf([5, 20, 50], 101),
    l2Regularization: p([0, 0.1, 1], 0, 1e4, 'L2 penalty on leaf values.', {
      distribution: { type: 'loguniform', low: 1e-3, high: 10 },
    }),
  };
}

function knn(): Space {
  return {
    nNeighbors: p([3, 5, 7, 11, 15, 25], 1, 500, 'Neighbours that vote (or average).', {
      integer: true,
      distribution: { type: 'randint', low: 1, high: 51 },
    }),
    weights: p(['uniform', 'distance'], null, null, "'distance' weighs nearer neighbours more.", {
      options: ['uniform', 'distance'],
    }),
  };
}
