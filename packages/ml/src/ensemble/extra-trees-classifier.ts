import { ForestClassifier, type ForestClassifierParams } from './forest-classifier';
import { FOREST_DEFAULTS } from './forest-params';

export type ExtraTreesClassifierParams = ForestClassifierParams;

/**
 * Extremely randomized trees (Geurts et al. 2006; scikit-learn's `ExtraTreesClassifier`): every tree sees all
 * rows (no bootstrap by default) and splits at one random threshold per candidate feature.
 * Missing values (NaN) are allowed: each split learns where they go.
 *
 *   const model = new ExtraTreesClassifier({ nEstimators: 200, randomState: 0 }).fit(X, y);
 */
export class ExtraTreesClassifier extends ForestClassifier {
  static override readonly kind: string = 'ExtraTreesClassifier';

  constructor(params: Partial<ExtraTreesClassifierParams> = {}) {
    super(
      { ...FOREST_DEFAULTS, maxFeatures: 'sqrt', bootstrap: false, criterion: 'gini', classWeight: null },
      params,
    );
  }

  protected override get splitter(): 'best' | 'random' {
    return 'random';
  }
}
