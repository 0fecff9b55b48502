import { argmaxRows } from '../core/argmax-rows';
import { classSampleWeights } from '../core/class-weight';
import type { EstimatorType } from '../core/estimator';
import type { FitOptions } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Classifier, ClassTarget } from '../core/roles';
import type { StateSchema } from '../core/state';
import { encodeClassTarget } from '../core/validation';
import { BaseForest, type EncodedForestTarget, FOREST_STATE, type OobSums } from './base-forest';
import { FOREST_CONSTRAINTS, type ForestParams } from './forest-params';

export interface ForestClassifierParams extends ForestParams {
  criterion: 'gini' | 'entropy';
  /**
   * 'balanced': classes weigh n / (k · n_c) on the whole data; 'balanced_subsample': the same on each tree's
   * bootstrap sample (as 'balanced' without bootstrap); null: every row weighs 1.
   */
  classWeight: 'balanced' | 'balanced_subsample' | null;
}

export const FOREST_CLASSIFIER_CONSTRAINTS: ParamConstraints = {
  ...FOREST_CONSTRAINTS,
  criterion: [{ type: 'options', values: ['gini', 'entropy'] }],
  classWeight: [{ type: 'options', values: ['balanced', 'balanced_subsample'] }, { type: 'null' }],
};

/**
 * The classifier half of a forest: `predictProba` is the mean of the trees' leaf class proportions (as
 * scikit-learn, not a majority vote) and `predict` its argmax.
 */
export abstract class ForestClassifier
  extends BaseForest<ForestClassifierParams, ClassTarget>
  implements Classifier
{
  static override readonly paramConstraints: ParamConstraints = FOREST_CLASSIFIER_CONSTRAINTS;
  static override readonly stateSchema: StateSchema = {
    ...FOREST_STATE,
    classes_: 'strings',
    oobDecisionFunction_: 'matrix?',
  };

  declare classes_: string[];
  /**
   * With `oobScore`: per training row, the mean class probabilities of the trees that did not draw it (n × k);
   * NaN for a row every tree drew (scikit-learn warns and leaves 0 there).
   */
  declare oobDecisionFunction_: Matrix | null;

  override get estimatorType(): EstimatorType {
    return 'classifier';
  }

  protected override get nValues(): number {
    return this.classes_.length;
  }

  protected override checkState(): void {
    this.expectState(this.classes_.length >= 2, 'at least two classes');
    super.checkState();
  }

  protected override encodeTarget(y: ClassTarget, nRows: number): EncodedForestTarget {
    const { classes, codes } = encodeClassTarget(y, nRows, this.kind);
    const { classWeight, bootstrap } = this.params;
    const wholeData = classWeight === 'balanced' || (classWeight === 'balanced_subsample' && !bootstrap);
    const weight = classSampleWeights(codes, classes.length, wholeData ? 'balanced' : null);
    return {
      tree: { classes: codes, nClasses: classes.length, weight },
      nValues: classes.length,
      balancedSubsample: classWeight === 'balanced_subsample',
      classes,
    };
  }

  protected override finish(encoded: EncodedForestTarget, oob: OobSums | null): void {
    this.classes_ = encoded.classes!;
    this.oobScore_ = null;
    this.oobDecisionFunction_ = null;
    if (oob === null) return;
    const codes = encoded.tree.classes!;
    const n = codes.length;
    const k = encoded.nValues;
    const proba = new Matrix(n, k);
    let seen = 0;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const count = oob.count[i];
      let best = 0;
      for (let c = 0; c < k; c++) {
        proba.data[c * n + i] = count > 0 ? oob.sum[c * n + i] / count : Number.NaN;
        if (proba.data[c * n + i] > proba.data[best * n + i]) best = c;
      }
      if (count === 0) continue;
      seen++;
      if (best === codes[i]) correct++;
    }
    this.oobDecisionFunction_ = proba;
    this.oobScore_ = seen > 0 ? correct / seen : Number.NaN;
  }

  fit(X: Matrix, y: ClassTarget, options: FitOptions = {}): this {
    return this.fitForest(X, y, options);
  }

  predictProba(X: Matrix): Matrix {
    const mean = this.meanValues(X);
    return new Matrix(mean.length / this.classes_.length, this.classes_.length, mean);
  }

  predict(X: Matrix): Int32Array {
    return argmaxRows(this.predictProba(X));
  }
}
