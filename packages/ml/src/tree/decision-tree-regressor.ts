import type { EstimatorType } from '../core/estimator';
import type { FitOptions } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Regressor } from '../core/roles';
import type { StateSchema } from '../core/state';
import { checkFitInput, checkRegressionTarget } from '../core/validation';
import { BaseDecisionTree, TREE_STATE } from './base-decision-tree';
import { TREE_CONSTRAINTS, TREE_DEFAULTS, type TreeParams } from './tree-params';

export interface DecisionTreeRegressorParams extends TreeParams {
  criterion: 'squared_error';
}

/**
 * A CART regression tree (scikit-learn's `DecisionTreeRegressor`, squared error, splitter 'best'). Missing values
 * (NaN) are allowed: each split learns whether they go left or right. A leaf predicts the mean of its rows.
 */
export class DecisionTreeRegressor
  extends BaseDecisionTree<DecisionTreeRegressorParams>
  implements Regressor
{
  static override readonly kind: string = 'DecisionTreeRegressor';
  static override readonly paramConstraints: ParamConstraints = {
    ...TREE_CONSTRAINTS,
    criterion: [{ type: 'options', values: ['squared_error'] }],
  };
  static override readonly stateSchema: StateSchema = TREE_STATE;

  constructor(params: Partial<DecisionTreeRegressorParams> = {}) {
    super({ ...TREE_DEFAULTS, criterion: 'squared_error' }, params);
  }

  override get estimatorType(): EstimatorType {
    return 'regressor';
  }

  protected override get nValues(): number {
    return 1;
  }

  fit(X: Matrix, y: Float64Array, options: FitOptions = {}): this {
    this.validateParams();
    const matrix = checkFitInput(X, this.kind);
    const target = checkRegressionTarget(y, matrix.nRows, this.kind);
    this.grow(matrix, { target, weight: new Float64Array(matrix.nRows).fill(1) }, options);
    this.markFitted();
    options.onProgress?.(1);
    return this;
  }

  predict(X: Matrix): Float64Array {
    const leaves = this.apply(X);
    return Float64Array.from(leaves, (leaf) => this.value_[leaf]);
  }
}
