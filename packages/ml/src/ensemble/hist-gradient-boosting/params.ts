import type { ParamConstraints } from '../../core/params';
import type { CategoricalFeatures } from './tabular-input';

/** The parameters both estimators share: camelCase of scikit-learn's, with its defaults. */
export interface HistGradientBoostingParams {
  /** Shrinkage: every leaf value is multiplied by it. */
  learningRate: number;
  /** Boosting iterations (one tree per iteration, or one per class for more than two classes). */
  maxIter: number;
  /** Leaves per tree; null for no limit. */
  maxLeafNodes: number | null;
  /** Edges from the root to the deepest leaf; null for no limit. */
  maxDepth: number | null;
  minSamplesLeaf: number;
  /** L2 penalty on leaf values (λ in −G / (H + λ)). */
  l2Regularization: number;
  /** Bins for non-missing values per feature (at most 255); missing values get one more bin. */
  maxBins: number;
  /**
   * Features split natively as categories: a boolean mask, feature indices, column names, 'from_dtype' (the
   * categorical columns of a frame) or null. Their values must be integer codes in [0, maxBins) (frame categories
   * are encoded automatically).
   */
  categoricalFeatures: CategoricalFeatures;
  /** 'auto' stops early when there are more than 10 000 rows. */
  earlyStopping: 'auto' | boolean;
  /** Early-stopping score: 'loss', or null for the default score (accuracy or R²). */
  scoring: 'loss' | null;
  /** Share of rows held out to score early stopping; null scores the training rows. */
  validationFraction: number | null;
  nIterNoChange: number;
  /** An iteration must improve the score by more than this to count. */
  tol: number;
  /** Seeds the binning subsample (above 200 000 rows) and the early-stopping split. */
  randomState: number;
}

export const HGB_DEFAULTS: HistGradientBoostingParams = {
  learningRate: 0.1,
  maxIter: 100,
  maxLeafNodes: 31,
  maxDepth: null,
  minSamplesLeaf: 20,
  l2Regularization: 0,
  maxBins: 255,
  categoricalFeatures: null,
  earlyStopping: 'auto',
  scoring: 'loss',
  validationFraction: 0.1,
  nIterNoChange: 10,
  tol: 1e-7,
  randomState: 0,
};

const INF = Number.POSITIVE_INFINITY;

export const HGB_CONSTRAINTS: ParamConstraints = {
  learningRate: [{ type: 'float', min: 0, max: INF, closed: 'neither' }],
  maxIter: [{ type: 'int', min: 1, max: INF, closed: 'left' }],
  maxLeafNodes: [{ type: 'int', min: 2, max: INF, closed: 'left' }, { type: 'null' }],
  maxDepth: [{ type: 'int', min: 1, max: INF, closed: 'left' }, { type: 'null' }],
  minSamplesLeaf: [{ type: 'int', min: 1, max: INF, closed: 'left' }],
  l2Regularization: [{ type: 'float', min: 0, max: INF, closed: 'left' }],
  maxBins: [{ type: 'int', min: 2, max: 255, closed: 'both' }],
  categoricalFeatures: [{ type: 'array' }, { type: 'options', values: ['from_dtype'] }, { type: 'null' }],
  earlyStopping: [{ type: 'options', values: ['auto'] }, { type: 'boolean' }],
  scoring: [{ type: 'options', values: ['loss'] }, { type: 'null' }],
  validationFraction: [{ type: 'float', min: 0, max: 1, closed: 'neither' }, { type: 'null' }],
  nIterNoChange: [{ type: 'int', min: 1, max: INF, closed: 'left' }],
  tol: [{ type: 'float', min: 0, max: INF, closed: 'left' }],
  randomState: [{ type: 'int', min: 0, max: 4294967295 }],
};
