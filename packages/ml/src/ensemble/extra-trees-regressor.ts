import { FOREST_DEFAULTS } from './forest-params';
import { ForestRegressor, type ForestRegressorParams } from './forest-regressor';

export type ExtraTreesRegressorParams = ForestRegressorParams;

/**
 * Extremely randomized regression trees (Geurts et al. 2006; scikit-learn's `ExtraTreesRegressor`): all rows,
 * one random threshold per feature, every feature a candidate by default.
 * Missing values (NaN) are allowed: each split learns where they go.
 *
 *   const model = new ExtraTreesRegressor({ nEstimators: 200, randomState: 0 }).fit(X, y);
 */
export class ExtraTreesRegressor extends ForestRegressor {
  static override readonly kind: string = 'ExtraTreesRegressor';

  constructor(params: Partial<ExtraTreesRegressorParams> = {}) {
    super({ ...FOREST_DEFAULTS, maxFeatures: null, bootstrap: false, criterion: 'squared_error' }, params);
  }

  protected override get splitter(): 'best' | 'random' {
    return 'random';
  }
}
