import { argmaxRows } from '../core/argmax-rows';
import { classSampleWeights } from '../core/class-weight';
import type { EstimatorType } from '../core/estimator';
import type { FitOptions } from '../core/fit-options';
import { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Classifier, ClassTarget } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkFitInput, encodeClassTarget } from '../core/validation';
import { BaseDecisionTree, TREE_STATE } from './base-decision-tree';
import { TREE_CONSTRAINTS, TREE_DEFAULTS, type TreeParams } from './tree-params';

export interface DecisionTreeClassifierParams extends TreeParams {
  criterion: 'gini' | 'entropy';
  classWeight: 'balanced' | null;
}

/**
 * A CART classification tree (scikit-learn's `DecisionTreeClassifier`, splitter 'best'): exact split search on
 * sorted feature values. Missing values (NaN) are allowed: each split learns whether they go left or right.
 * `predictProba` gives the (class-weighted) class proportions of the leaf.
 */
export class DecisionTreeClassifier
  extends BaseDecisionTree<DecisionTreeClassifierParams>
  implements Classifier
{
  static override readonly kind: string = 'DecisionTreeClassifier';
  static override readonly paramConstraints: ParamConstraints = {
    ...TREE_CONSTRAINTS,
    criterion: [{ type: 'options', values: ['gini', 'entropy'] }],
    classWeight: [{ type: 'options', values: ['balanced'] }, { type: 'null' }],
  };
  static override readonly stateSchema: StateSchema = { ...TREE_STATE, classes_: 'strings' };

  declare classes_: string[];

  constructor(params: Partial<DecisionTreeClassifierParams> = {}) {
    super({ ...TREE_DEFAULTS, criterion: 'gini', classWeight: null }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'classifier';
  }

  protected override get nValues(): number {
    return this.classes_.length;
  }

  fit(X: Matrix, y: ClassTarget, options: FitOptions = {}): this {
    this.validateParams();
    const matrix = checkFitInput(X, this.kind);
    const { classes, codes } = encodeClassTarget(y, matrix.nRows, this.kind);
    const weight = classSampleWeights(codes, classes.length, this.params.classWeight);
    this.grow(matrix, { classes: codes, nClasses: classes.length, weight }, options);
    this.classes_ = classes;
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  predictProba(X: Matrix): Matrix {
    const leaves = this.apply(X);
    const k = this.classes_.length;
    const n = leaves.length;
    const proba = new Matrix(n, k);
    for (let i = 0; i < n; i++) {
      const base = leaves[i] * k;
      for (let c = 0; c < k; c++) proba.data[c * n + i] = this.value_[base + c];
    }
    return proba;
  }

  predict(X: Matrix): Int32Array {
    return argmaxRows(this.predictProba(X));
  }
}
