import { MlError, NotFittedError } from './errors';
import { type ParamConstraints, validateParams } from './params';
import { readState, type StateSchema } from './state';

export type EstimatorType = 'classifier' | 'regressor' | 'transformer' | 'estimator';

/** What `clone` and the serialization registry need from an estimator class. */
export interface EstimatorClass<E extends Estimator = Estimator> {
  readonly kind: string;
  readonly paramConstraints: ParamConstraints;
  readonly stateSchema: StateSchema;
  // biome-ignore lint/suspicious/noExplicitAny: every estimator class takes its own params type.
  new (params?: any): E;
}

/**
 * The base of every estimator (after scikit-learn's `BaseEstimator`). The constructor only stores the options
 * merged with defaults; checks happen once at the start of `fit` (`validateParams`). Learned state lives in
 * fields ending in `_`, listed in the class's `stateSchema` so it can be saved and loaded.
 *
 *   const model = new Ridge({ alpha: 0.5 }).fit(X, y);
 *   const copy = clone(model); // same params, not fitted
 */
export abstract class Estimator<P extends object = object> {
  /** The stable name used in messages and in saved models (not `constructor.name`, which minifiers rename). */
  static readonly kind: string = 'Estimator';
  static readonly paramConstraints: ParamConstraints = {};
  static readonly stateSchema: StateSchema = {};

  readonly params: P;
  #fitted = false;

  protected constructor(defaults: P, params: Partial<P> = {}) {
    const merged = { ...defaults } as Record<string, unknown>;
    for (const [key, value] of Object.entries(params)) if (value !== undefined) merged[key] = value;
    this.params = merged as P;
  }

  get kind(): string {
    return (this.constructor as EstimatorClass).kind;
  }

  /** What the estimator does (scikit-learn's `_estimator_type`); a pipeline answers for its last step. */
  get estimatorType(): EstimatorType {
    return 'estimator';
  }

  get isFitted(): boolean {
    return this.#fitted;
  }

  /**
   * The parameters (a shallow copy). With `deep`, the parameters of nested estimators are added under dotted
   * paths, e.g. `'model.alpha'` for a pipeline.
   */
  getParams(deep = false): P & Record<string, unknown> {
    const out = { ...this.params } as Record<string, unknown>;
    if (deep) {
      for (const [name, sub] of this.subEstimators()) {
        for (const [key, value] of Object.entries(sub.getParams(true))) out[`${name}.${key}`] = value;
      }
    }
    return out as P & Record<string, unknown>;
  }

  /** Sets parameters; a dotted key (`'model.alpha'`) sets the parameter of a nested estimator. */
  setParams(values: Partial<P> | Record<string, unknown>): this {
    for (const [key, value] of Object.entries(values)) {
      const dot = key.indexOf('.');
      if (dot >= 0) {
        const name = key.slice(0, dot);
        const sub = this.subEstimators().find(([subName]) => subName === name)?.[1];
        if (sub === undefined) {
          const names = this.subEstimators().map(([n]) => n);
          throw new MlError(
            'INVALID_PARAMETER',
            `${this.kind} has no nested estimator '${name}' (in '${key}'). Nested estimators: ${names.join(', ') || 'none'}.`,
            { details: { kind: this.kind, parameter: key } },
          );
        }
        sub.setParams({ [key.slice(dot + 1)]: value });
      } else {
        this.setOwnParam(key, value);
      }
    }
    return this;
  }

  protected setOwnParam(key: string, value: unknown): void {
    if (!Object.hasOwn(this.params, key)) {
      throw new MlError(
        'INVALID_PARAMETER',
        `${this.kind} has no parameter '${key}'. Its parameters are: ${Object.keys(this.params).join(', ')}.`,
        { details: { kind: this.kind, parameter: key } },
      );
    }
    (this.params as Record<string, unknown>)[key] = value;
  }

  /** Nested estimators by name (for dotted parameters). By default: parameters whose value is an estimator. */
  protected subEstimators(): [string, Estimator][] {
    return Object.entries(this.params).filter(
      (entry): entry is [string, Estimator] => entry[1] instanceof Estimator,
    );
  }

  /** Checks the declared constraints; every `fit` calls this first. */
  validateParams(): void {
    validateParams(this.kind, this.params, (this.constructor as EstimatorClass).paramConstraints);
  }

  protected checkFitted(): void {
    if (!this.isFitted) throw new NotFittedError(this.kind);
  }

  protected markFitted(): void {
    this.#fitted = true;
  }

  /** The learned state listed in `stateSchema` (for serialization). */
  getState(): Record<string, unknown> {
    this.checkFitted();
    const self = this as unknown as Record<string, unknown>;
    const state: Record<string, unknown> = {};
    for (const key of Object.keys((this.constructor as EstimatorClass).stateSchema)) state[key] = self[key];
    return state;
  }

  /** Restores learned state saved by `getState`, checking every field's type (`BAD_MODEL_FORMAT` otherwise). */
  setState(state: Record<string, unknown>): this {
    const checked = readState(this.kind, (this.constructor as EstimatorClass).stateSchema, state);
    Object.assign(this, checked);
    this.checkState();
    this.markFitted();
    return this;
  }

  /**
   * Checks that loaded state is consistent (array lengths, indices in range) so a damaged file fails with
   * `BAD_MODEL_FORMAT` at load time instead of misbehaving in predict. Estimators with shaped state override it.
   */
  protected checkState(): void {}

  /** Throws `BAD_MODEL_FORMAT` unless `condition` holds for loaded state. */
  protected expectState(condition: boolean, what: string): void {
    if (!condition) {
      throw new MlError(
        'BAD_MODEL_FORMAT',
        `The saved state of ${this.kind} is inconsistent: ${what}. Re-export the model.`,
        {
          details: { kind: this.kind },
        },
      );
    }
  }
}
