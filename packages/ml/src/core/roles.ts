import type { Estimator } from './estimator';
import type { FitOptions } from './fit-options';
import type { Frame } from './frame';
import type { Labels } from './labels';
import type { Matrix } from './matrix';

/** Tabular input: a numeric matrix, or a frame of named numeric and categorical columns. */
export type Tabular = Matrix | Frame;

/** A classification target: labels with levels, or class codes (negative = missing). */
export type ClassTarget = Labels | Int32Array;

/** Any supervised target: class labels, or a regression target. */
export type Target = ClassTarget | Float64Array;

export interface Transformer extends Estimator {
  fit(X: Tabular, y?: Target, options?: FitOptions): this;
  transform(X: Tabular): Tabular;
  fitTransform(X: Tabular, y?: Target, options?: FitOptions): Tabular;
  /** Names of the output columns, given the input names (defaults: the names seen in fit, else x0, x1, ...). */
  featureNamesOut(inputNames?: readonly string[]): string[];
}

export interface Classifier extends Estimator {
  readonly classes_: string[];
  fit(X: Matrix, y: ClassTarget, options?: FitOptions): this;
  /** Index into `classes_` of the predicted class, per row. */
  predict(X: Matrix): Int32Array;
  /** n × k probabilities; column j is `classes_[j]`. */
  predictProba(X: Matrix): Matrix;
}

export interface Regressor extends Estimator {
  fit(X: Matrix, y: Float64Array, options?: FitOptions): this;
  predict(X: Matrix): Float64Array;
}

export function isTransformer(estimator: unknown): estimator is Transformer {
  return typeof (estimator as Transformer | null)?.transform === 'function';
}

export function isClassifier(estimator: unknown): estimator is Classifier {
  return (estimator as Estimator | null)?.estimatorType === 'classifier';
}

export function isRegressor(estimator: unknown): estimator is Regressor {
  return (estimator as Estimator | null)?.estimatorType === 'regressor';
}
