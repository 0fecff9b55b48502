import { MlError } from '../core/errors';
import { Estimator, type EstimatorType } from '../core/estimator';
import { type FitOptions, subTaskOptions } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import type { Tabular, Target } from '../core/roles';
import type { StateSchema } from '../core/state';

export type VotingMember = [name: string, estimator: Estimator];

export interface VotingParams {
  estimators: VotingMember[];
  /** One weight per member (relative; need not sum to 1), or null for equal weights. */
  weights: number[] | null;
}

export interface MemberPredictor extends Estimator {
  fit(X: Tabular, y?: Target, options?: FitOptions): this;
  predict(X: Tabular): Int32Array | Float64Array;
  predictProba?(X: Tabular): Matrix;
  classes_?: string[];
}

/**
 * Shared by VotingClassifier and VotingRegressor (scikit-learn's `_BaseVoting`): named members fitted on the same
 * data, their predictions averaged with weights. Members are fitted in place (clone them first to keep the
 * originals), so an ensemble of pipelines keeps each member's own preprocessing.
 */
export abstract class BaseVoting extends Estimator<VotingParams> {
  static override readonly paramConstraints: ParamConstraints = {
    estimators: [{ type: 'array' }],
    weights: [{ type: 'array' }, { type: 'null' }],
  };
  static override readonly stateSchema: StateSchema = {};

  constructor(params: VotingMember[] | Partial<VotingParams> = []) {
    super({ estimators: [], weights: null }, Array.isArray(params) ? { estimators: params } : params);
  }

  override get isFitted(): boolean {
    return this.params.estimators.length > 0 && this.params.estimators.every(([, e]) => e.isFitted);
  }

  override get estimatorType(): EstimatorType {
    return this.params.estimators[0]?.[1].estimatorType ?? 'estimator';
  }

  protected override subEstimators(): [string, Estimator][] {
    return this.params.estimators;
  }

  /** A member name replaces that member, as scikit-learn's `set_params(name=...)`. */
  protected override setOwnParam(key: string, value: unknown): void {
    const index = this.params.estimators.findIndex(([name]) => name === key);
    if (index >= 0) this.params.estimators[index] = [key, value as Estimator];
    else super.setOwnParam(key, value);
  }

  override validateParams(): void {
    super.validateParams();
    const { estimators, weights } = this.params;
    if (estimators.length === 0) {
      throw new MlError(
        'INVALID_PARAMETER',
        `${this.kind} has no members. Give it at least one [name, estimator].`,
      );
    }
    if (
      weights !== null &&
      (weights.length !== estimators.length || weights.some((w) => !(w >= 0)) || !weights.some((w) => w > 0))
    ) {
      throw new MlError(
        'INVALID_PARAMETER',
        `The 'weights' parameter of ${this.kind} must hold ${estimators.length} non-negative numbers, not all zero. Got ${JSON.stringify(weights)}.`,
        { details: { kind: this.kind, parameter: 'weights' } },
      );
    }
  }

  /** Normalised weights, one per member. */
  protected normalisedWeights(): Float64Array {
    const { estimators, weights } = this.params;
    const w = Float64Array.from(weights ?? estimators.map(() => 1));
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((v) => v / total);
  }

  protected members(): MemberPredictor[] {
    this.checkFitted();
    return this.params.estimators.map(([, e]) => e as MemberPredictor);
  }

  fit(X: Tabular, y: Target, options: FitOptions = {}): this {
    this.validateParams();
    const { estimators } = this.params;
    estimators.forEach(([name, estimator], k) => {
      const sub = subTaskOptions(options, k / estimators.length, (k + 1) / estimators.length, name);
      (estimator as MemberPredictor).fit(X, y, sub);
    });
    this.afterFit();
    options.onProgress?.(1);
    return this;
  }

  /** Checks members agree (e.g. on classes) once they are all fitted. */
  protected afterFit(): void {}

  protected override checkFitted(): void {
    if (!this.isFitted) super.checkFitted();
  }
}
