import { classIndices } from '../auto/class-indices';
import { argmaxRows } from '../core/argmax-rows';
import { clone } from '../core/clone';
import { MlError, NotFittedError } from '../core/errors';
import { Estimator, type EstimatorType } from '../core/estimator';
import { type FitOptions, subTaskOptions, throwIfAborted } from '../core/fit-options';
import { Frame } from '../core/frame';
import { Matrix } from '../core/matrix';
import { type ParamConstraints, validateParams } from '../core/params';
import type { Classifier, ClassTarget, Tabular, Target } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkNotEmpty, encodeClassTarget } from '../core/validation';
import { LogisticRegression } from '../linear-model/logistic-regression';
import type { Fold } from '../model-selection/fold';
import { resolveFolds } from '../model-selection/resolve-folds';
import type { Splitter } from '../model-selection/splitter';
import { takeRows, takeTarget } from '../model-selection/take-rows';
import {
  type CalibratedPair,
  calibratedProba,
  fitCalibratedPair,
  isCalibratedPair,
} from './calibrated-classifier';
import { calibrationScores, type ScoringClassifier } from './calibration-scores';

export interface CalibratedClassifierCVParams {
  /** The classifier to calibrate, or a factory of fresh ones; null: `LogisticRegression()`. */
  estimator: Estimator | (() => Estimator) | null;
  /** 'sigmoid' (Platt; few rows) or 'isotonic' (non-parametric; needs ~1000 rows or it overfits). */
  method: 'sigmoid' | 'isotonic';
  /** Folds (stratified, unshuffled), a splitter, explicit folds, or 'prefit' to calibrate a fitted estimator. */
  cv: number | 'prefit' | Splitter | readonly Fold[];
  /** One calibrated copy per fold, averaged (true); or out-of-fold scores and one refit (false). */
  ensemble: boolean;
}

interface Fittable extends ScoringClassifier {
  fit(X: Tabular, y: Target, options?: FitOptions): unknown;
}

/**
 * Probability calibration with cross-validation (scikit-learn's `CalibratedClassifierCV`, same folds, calibrators
 * and normalisation). For each fold a fresh classifier is fitted on the training rows and a calibrator per class
 * maps its scores on the held-out rows to probabilities; predictions average the folds' calibrated
 * probabilities. Two classes use one calibrator on the positive class; more classes are calibrated one-vs-rest and
 * renormalised.
 *
 *   const model = new CalibratedClassifierCV({ estimator: new HistGradientBoostingClassifier(), method: 'isotonic' })
 *     .fit(X, y);
 */
export class CalibratedClassifierCV extends Estimator<CalibratedClassifierCVParams> implements Classifier {
  static override readonly kind: string = 'CalibratedClassifierCV';
  static override readonly paramConstraints: ParamConstraints = {
    estimator: [{ type: 'estimator' }, { type: 'null' }],
    method: [{ type: 'options', values: ['sigmoid', 'isotonic'] }],
    cv: [
      { type: 'int', min: 2, max: Number.POSITIVE_INFINITY, closed: 'left' },
      { type: 'options', values: ['prefit'] },
      { type: 'object' },
      { type: 'array' },
    ],
    ensemble: [{ type: 'boolean' }],
  };
  static override readonly stateSchema: StateSchema = { classes_: 'strings', calibratedClassifiers_: 'json' };

  declare classes_: string[];
  /** The fitted (classifier, calibrators) pairs whose probabilities are averaged. */
  declare calibratedClassifiers_: CalibratedPair[];

  constructor(params: Partial<CalibratedClassifierCVParams> = {}) {
    super({ estimator: null, method: 'sigmoid', cv: 5, ensemble: true }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'classifier';
  }

  /** A factory is a function, which the 'estimator' constraint does not describe: it is checked as null. */
  override validateParams(): void {
    const { estimator } = this.params;
    const checked = { ...this.params, estimator: typeof estimator === 'function' ? null : estimator };
    validateParams(this.kind, checked, CalibratedClassifierCV.paramConstraints);
  }

  protected override checkState(): void {
    const pairs = this.calibratedClassifiers_;
    this.expectState(
      Array.isArray(pairs) && pairs.length > 0 && pairs.every(isCalibratedPair),
      'every pair is fitted',
    );
    this.expectState(this.classes_.length >= 2, 'at least two classes');
  }

  #fresh(): Fittable {
    const { estimator } = this.params;
    if (estimator === null) return new LogisticRegression() as unknown as Fittable;
    return (typeof estimator === 'function' ? estimator() : clone(estimator)) as Fittable;
  }

  fit(X: Tabular, y: ClassTarget, options: FitOptions = {}): this {
    this.validateParams();
    throwIfAborted(options.signal);
    checkNotEmpty(X.nRows, X instanceof Frame ? X.columns.length : X.nCols, this.kind);
    const { method, cv } = this.params;
    if (cv === 'prefit') return this.#fitPrefit(X, y, options);
    const { classes, codes } = encodeClassTarget(y, X.nRows, this.kind);
    if (typeof cv === 'number') {
      const counts = new Float64Array(classes.length);
      for (const c of codes) counts[c]++;
      if (counts.some((count) => count < cv)) {
        throw new MlError(
          'TOO_FEW_ROWS',
          `${this.kind} was asked for ${cv}-fold cross-validation but a class has fewer than ${cv} rows. Lower cv or add rows.`,
        );
      }
    }
    const folds = resolveFolds(cv, X.nRows, y, true);
    const steps = folds.length + (this.params.ensemble ? 0 : 1);
    const fitOn = (rows: Int32Array | null, step: number): Fittable => {
      throwIfAborted(options.signal);
      const estimator = this.#fresh();
      const sub = subTaskOptions(options, step / steps, (step + 1) / steps, `fit ${step + 1}/${steps}`);
      estimator.fit(rows ? takeRows(X, rows) : X, rows ? takeTarget(y, rows) : y, sub);
      return estimator;
    };
    if (this.params.ensemble) {
      this.calibratedClassifiers_ = folds.map((fold, k) => {
        const estimator = fitOn(fold.train, k);
        const scores = calibrationScores(estimator, takeRows(X, fold.test), classes.length);
        return fitCalibratedPair(estimator, scores, takeTarget(codes, fold.test), classes, method);
      });
    } else {
      const scores = this.#outOfFoldScores(folds, fitOn, X, classes);
      const estimator = fitOn(null, folds.length);
      this.calibratedClassifiers_ = [fitCalibratedPair(estimator, scores, codes, classes, method)];
    }
    this.classes_ = classes;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  /** Held-out scores for every row (scikit-learn's `cross_val_predict`), columns in `classes` order. */
  #outOfFoldScores(
    folds: Fold[],
    fitOn: (rows: Int32Array, step: number) => Fittable,
    X: Tabular,
    classes: string[],
  ): Matrix {
    let out: Matrix | null = null;
    folds.forEach((fold, k) => {
      const estimator = fitOn(fold.train, k);
      const scores = calibrationScores(estimator, takeRows(X, fold.test), classes.length);
      const binary = scores.nCols === 1;
      out ??= new Matrix(X.nRows, binary ? 1 : classes.length);
      if (!binary && scores.nCols !== classes.length && typeof estimator.decisionFunction === 'function') {
        throw new MlError(
          'TOO_FEW_ROWS',
          `A training fold of ${this.kind} lacks a class, so its decision scores cannot be aligned. Use more rows per class or ensemble true.`,
        );
      }
      for (let j = 0; j < scores.nCols; j++) {
        const column = binary ? 0 : classes.indexOf(estimator.classes_[j]);
        fold.test.forEach((row, r) => {
          out!.data[column * X.nRows + row] = scores.data[j * scores.nRows + r];
        });
      }
    });
    return out!;
  }

  #fitPrefit(X: Tabular, y: ClassTarget, options: FitOptions): this {
    const estimator = this.params.estimator as Fittable | null;
    if (estimator === null || typeof estimator === 'function' || !estimator.isFitted) {
      throw new NotFittedError(
        estimator === null || typeof estimator === 'function' ? 'estimator' : estimator.kind,
      );
    }
    const classes = estimator.classes_;
    const codes = classIndices(classes, y);
    const unseen = codes.indexOf(-1);
    if (unseen >= 0) {
      throw new MlError(
        'UNKNOWN_CATEGORY',
        `Row ${unseen} has a class the prefit estimator does not know (or is missing). Calibrate on rows of its classes.`,
      );
    }
    const scores = calibrationScores(estimator, X, classes.length);
    this.calibratedClassifiers_ = [fitCalibratedPair(estimator, scores, codes, classes, this.params.method)];
    this.classes_ = [...classes];
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  /** Calibrated probabilities, n × k (column j = `classes_[j]`), averaged over the calibrated copies. */
  predictProba(X: Tabular): Matrix {
    this.checkFitted();
    const pairs = this.calibratedClassifiers_;
    let mean: Matrix | null = null;
    for (const pair of pairs) {
      const proba = calibratedProba(pair, X, this.classes_);
      if (mean === null) mean = proba;
      else for (let t = 0; t < proba.data.length; t++) mean.data[t] += proba.data[t];
    }
    const out = mean!;
    for (let t = 0; t < out.data.length; t++) out.data[t] /= pairs.length;
    return out;
  }

  /** The most probable class per row, as an index into `classes_`. */
  predict(X: Tabular): Int32Array {
    return argmaxRows(this.predictProba(X));
  }
}
