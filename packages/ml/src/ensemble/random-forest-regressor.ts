import { FOREST_DEFAULTS } from './forest-params';
import { ForestRegressor, type ForestRegressorParams } from './forest-regressor';

export type RandomForestRegressorParams = ForestRegressorParams;

/**
 * Random forest regressor (Breiman 2001; scikit-learn's `RandomForestRegressor`): bootstrap samples, exact
 * splits; every feature is a candidate at each node by default (`max_features=1.0`).
 * Missing values (NaN) are allowed: each split learns where they go.
 *
 *   const model = new RandomForestRegressor({ nEstimators: 200, randomState: 0 }).fit(X, y);
 */
export class RandomForestRegressor extends ForestRegressor {
  static override readonly kind: string = 'RandomForestRegressor';

  constructor(params: Partial<RandomForestRegressorParams> = {}) {
    super({ ...FOREST_DEFAULTS, maxFeatures: null, bootstrap: true, criterion: 'squared_error' }, params);
  }

  protected override get splitter(): 'best' | 'random' {
    return 'best';
  }
}
