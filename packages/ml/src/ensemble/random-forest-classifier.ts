import { ForestClassifier, type ForestClassifierParams } from './forest-classifier';
import { FOREST_DEFAULTS } from './forest-params';

export type RandomForestClassifierParams = ForestClassifierParams;

/**
 * Random forest classifier (Breiman 2001; scikit-learn's `RandomForestClassifier`): bootstrap samples, exact
 * splits over a random subset of `maxFeatures` features per node.
 * Missing values (NaN) are allowed: each split learns where they go.
 *
 *   const model = new RandomForestClassifier({ nEstimators: 200, randomState: 0 }).fit(X, y);
 */
export class RandomForestClassifier extends ForestClassifier {
  static override readonly kind: string = 'RandomForestClassifier';

  constructor(params: Partial<RandomForestClassifierParams> = {}) {
    super(
      { ...FOREST_DEFAULTS, maxFeatures: 'sqrt', bootstrap: true, criterion: 'gini', classWeight: null },
      params,
    );
  }

  protected override get splitter(): 'best' | 'random' {
    return 'best';
  }
}
