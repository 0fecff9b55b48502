import { Estimator, type EstimatorType } from './estimator';
import type { FitOptions } from './fit-options';
import type { Tabular, Target, Transformer } from './roles';

/** Shared plumbing of transformers: `fitTransform` is `fit` then `transform`. */
export abstract class BaseTransformer<P extends object> extends Estimator<P> implements Transformer {
  override get estimatorType(): EstimatorType {
    return 'transformer';
  }

  abstract fit(X: Tabular, y?: Target, options?: FitOptions): this;
  abstract transform(X: Tabular): Tabular;
  abstract featureNamesOut(inputNames?: readonly string[]): string[];

  fitTransform(X: Tabular, y?: Target, options?: FitOptions): Tabular {
    return this.fit(X, y, options).transform(X);
  }
}
