import { Estimator } from '../core/estimator';
import type { ParamConstraints } from '../core/params';
import type { StateSchema } from '../core/state';
import {
  BASE_SEARCH_CONSTRAINTS,
  BASE_SEARCH_DEFAULTS,
  BaseSearchCV,
  type BaseSearchParams,
  SEARCH_STATE,
} from './base-search-cv';
import { type Candidate, type ParamGrid, parameterGrid } from './parameter-grid';

export interface GridSearchCVParams extends BaseSearchParams {
  /** Values per (dotted) parameter, or a list of such grids; every combination is tried. */
  paramGrid: ParamGrid | readonly ParamGrid[];
}

/**
 * Exhaustive search over a parameter grid with cross-validation (scikit-learn's `GridSearchCV`: same candidate
 * order, means, standard deviations and ranks). A fitted search predicts with `bestEstimator_`, and saves as JSON
 * when its scoring is by name and `cv` a number or explicit folds.
 *
 *   const search = new GridSearchCV(pipeline, {
 *     paramGrid: { 'model.C': [0.1, 1, 10], 'prep.num.impute.strategy': ['mean', 'median'] },
 *     scoring: 'roc_auc',
 *   }).fit(frame, y, { signal, onProgress });
 *   search.bestParams_; search.cvResults_.meanTestScore;
 */
export class GridSearchCV extends BaseSearchCV<GridSearchCVParams> {
  static override readonly kind: string = 'GridSearchCV';
  static override readonly paramConstraints: ParamConstraints = {
    ...BASE_SEARCH_CONSTRAINTS,
    paramGrid: [{ type: 'object' }, { type: 'array' }],
  };
  static override readonly stateSchema: StateSchema = SEARCH_STATE;

  constructor(params: Partial<GridSearchCVParams> | Estimator = {}, rest: Partial<GridSearchCVParams> = {}) {
    super(
      { ...BASE_SEARCH_DEFAULTS, paramGrid: {} },
      params instanceof Estimator ? { ...rest, estimator: params } : params,
    );
  }

  protected candidates(): Candidate[] {
    return parameterGrid(this.params.paramGrid, this.kind);
  }
}
