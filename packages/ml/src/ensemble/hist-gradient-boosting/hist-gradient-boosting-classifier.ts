import { argmaxRows } from '../../core/argmax-rows';
import { MlError } from '../../core/errors';
import type { EstimatorType } from '../../core/estimator';
import { Matrix } from '../../core/matrix';
import type { ParamConstraints } from '../../core/params';
import type { Classifier, ClassTarget, Tabular } from '../../core/roles';
import type { StateSchema } from '../../core/state';
import { encodeClassTarget } from '../../core/validation';
import {
  BaseHistGradientBoosting,
  checkSampleWeight,
  HGB_STATE,
  type HgbFitOptions,
} from './base-hist-gradient-boosting';
import { binomialLoss, multinomialLoss } from './loss';
import { HGB_CONSTRAINTS, HGB_DEFAULTS, type HistGradientBoostingParams } from './params';

export interface HistGradientBoostingClassifierParams extends HistGradientBoostingParams {
  loss: 'log_loss';
  /** Per-class weights multiplying the sample weights: 'balanced' (n / (k · n_c)), a record by class name, or null. */
  classWeight: 'balanced' | Record<string, number> | null;
}

/**
 * Histogram-based gradient boosting for classification (scikit-learn's `HistGradientBoostingClassifier`, after
 * LightGBM): binary log loss with one tree per iteration, or the multinomial loss with one tree per class and
 * iteration. Missing values (NaN) and categorical features (`categoricalFeatures`) are handled natively.
 *
 *   const model = new HistGradientBoostingClassifier({ maxIter: 200, randomState: 0 }).fit(X, y);
 *   model.predictProba(X); // n × k, column j = classes_[j]
 */
export class HistGradientBoostingClassifier
  extends BaseHistGradientBoosting<HistGradientBoostingClassifierParams>
  implements Classifier
{
  static override readonly kind: string = 'HistGradientBoostingClassifier';
  static override readonly paramConstraints: ParamConstraints = {
    ...HGB_CONSTRAINTS,
    loss: [{ type: 'options', values: ['log_loss'] }],
    classWeight: [{ type: 'options', values: ['balanced'] }, { type: 'object' }, { type: 'null' }],
  };
  static override readonly stateSchema: StateSchema = { ...HGB_STATE, classes_: 'strings' };

  declare classes_: string[];

  constructor(params: Partial<HistGradientBoostingClassifierParams> = {}) {
    super({ ...HGB_DEFAULTS, loss: 'log_loss', classWeight: null }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'classifier';
  }

  protected override checkState(): void {
    const k = this.classes_.length;
    this.expectState(
      k >= 2 && this.nTreesPerIteration_ === (k === 2 ? 1 : k),
      'one tree per class (one for two)',
    );
    super.checkState();
  }

  fit(X: Tabular, y: ClassTarget, options: HgbFitOptions = {}): this {
    this.validateParams();
    const { classes, codes } = encodeClassTarget(y, X.nRows, this.kind);
    const sampleWeight = checkSampleWeight(options.sampleWeight, X.nRows, this.kind);
    const weights = this.#weights(codes, classes, sampleWeight);
    const loss = classes.length <= 2 ? binomialLoss : multinomialLoss(classes.length);
    this.boost(X, Float64Array.from(codes), loss, weights, codes, 'accuracy', options);
    this.classes_ = classes;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  /** Sample weights times class weights (scikit-learn's `compute_sample_weight`), or null when both are absent. */
  #weights(codes: Int32Array, classes: string[], sampleWeight: Float64Array | null): Float64Array | null {
    const { classWeight } = this.params;
    if (classWeight === null) return sampleWeight;
    const perClass = new Float64Array(classes.length);
    if (classWeight === 'balanced') {
      const counts = new Float64Array(classes.length);
      for (const c of codes) counts[c]++;
      for (let c = 0; c < classes.length; c++) perClass[c] = codes.length / (classes.length * counts[c]);
    } else {
      perClass.fill(1);
      for (const [name, weight] of Object.entries(classWeight)) {
        const c = classes.indexOf(name);
        if (c < 0 || !(typeof weight === 'number' && weight >= 0 && Number.isFinite(weight))) {
          throw new MlError(
            'INVALID_PARAMETER',
            `The 'classWeight' parameter of ${this.kind} gives ${String(weight)} to class '${name}'. Name classes of the target (${classes.join(', ')}) with non-negative weights.`,
            { details: { kind: this.kind, parameter: 'classWeight' } },
          );
        }
        perClass[c] = weight;
      }
    }
    return Float64Array.from(codes, (c, i) => perClass[c] * (sampleWeight === null ? 1 : sampleWeight[i]));
  }

  /** Raw scores: n × 1 (the logit of classes_[1]) for two classes, n × k otherwise. */
  decisionFunction(X: Tabular): Matrix {
    const { raw, nRows } = this.rawPredict(X);
    return new Matrix(nRows, this.nTreesPerIteration_, raw);
  }

  predictProba(X: Tabular): Matrix {
    const { raw, nRows: n } = this.rawPredict(X);
    const k = this.classes_.length;
    const proba = new Matrix(n, k);
    const p = proba.data;
    if (this.nTreesPerIteration_ === 1) {
      for (let i = 0; i < n; i++) {
        p[n + i] = 1 / (1 + Math.exp(-raw[i]));
        p[i] = 1 - p[n + i];
      }
      return proba;
    }
    for (let i = 0; i < n; i++) {
      let max = raw[i];
      for (let c = 1; c < k; c++) max = Math.max(max, raw[c * n + i]);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += p[c * n + i] = Math.exp(raw[c * n + i] - max);
      for (let c = 0; c < k; c++) p[c * n + i] /= sum;
    }
    return proba;
  }

  predict(X: Tabular): Int32Array {
    return argmaxRows(this.predictProba(X));
  }
}
