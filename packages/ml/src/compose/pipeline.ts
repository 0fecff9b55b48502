import { MlError } from '../core/errors';
import { Estimator, type EstimatorType } from '../core/estimator';
import { type FitOptions, subTaskOptions } from '../core/fit-options';
import type { Matrix } from '../core/matrix';
import type { ParamConstraints } from '../core/params';
import { isClassifier, isTransformer, type Tabular, type Target, type Transformer } from '../core/roles';
import type { StateSchema } from '../core/state';
import type { CsrMatrix } from '../linalg/csr-matrix';
import { acceptsSparse, isSparseOutput, type SparseOutput } from '../linalg/sparse-roles';

export type PipelineStep = [name: string, estimator: Estimator | 'passthrough'];

export interface PipelineParams {
  steps: PipelineStep[];
}

interface AnyPredictor extends Estimator {
  fit(X: Tabular, y?: Target, options?: FitOptions): this;
  predict(X: Tabular): Int32Array | Float64Array;
  predictProba?(X: Tabular): Matrix;
  classes_?: string[];
}

/** Share of the progress bar given to the transformers before the final estimator (which does most of the work). */
const TRANSFORM_SHARE = 0.1;

/**
 * Named steps applied in order (scikit-learn's `Pipeline`): every step but the last transforms, the last predicts
 * or transforms. Steps are fitted in place; nested parameters are reached by dotted paths (`'model.alpha'`).
 *
 *   const model = new Pipeline([['prep', columnTransformer], ['model', new Ridge()]]).fit(frame, y);
 *   model.setParams({ 'model.alpha': 10 });
 *
 * `Y` is what `predict` returns: `Int32Array` (class indices) for a classifier, `Float64Array` for a regressor.
 */
export class Pipeline<
  Y extends Int32Array | Float64Array = Int32Array | Float64Array,
> extends Estimator<PipelineParams> {
  static override readonly kind: string = 'Pipeline';
  static override readonly paramConstraints: ParamConstraints = { steps: [{ type: 'array' }] };
  static override readonly stateSchema: StateSchema = {};

  constructor(steps: PipelineStep[] | Partial<PipelineParams> = []) {
    super({ steps: [] }, Array.isArray(steps) ? { steps } : steps);
  }

  /** The estimator of the step called `name`. */
  step(name: string): Estimator | 'passthrough' {
    const found = this.params.steps.find(([stepName]) => stepName === name);
    if (found === undefined) {
      throw new MlError(
        'INVALID_PARAMETER',
        `The pipeline has no step '${name}'. Its steps are: ${this.stepNames().join(', ')}.`,
      );
    }
    return found[1];
  }

  stepNames(): string[] {
    return this.params.steps.map(([name]) => name);
  }

  get finalEstimator(): Estimator | 'passthrough' {
    const { steps } = this.params;
    return steps[steps.length - 1]?.[1] ?? 'passthrough';
  }

  override get estimatorType(): EstimatorType {
    const last = this.finalEstimator;
    return last === 'passthrough' ? 'transformer' : last.estimatorType;
  }

  override get isFitted(): boolean {
    return (
      this.params.steps.length > 0 && this.params.steps.every(([, e]) => e === 'passthrough' || e.isFitted)
    );
  }

  /** The class names of the final classifier (index `predict` output into this). */
  get classes_(): string[] {
    const last = this.finalEstimator;
    if (!isClassifier(last))
      throw new MlError('UNSUPPORTED_OPERATION', "The pipeline's last step is not a classifier.");
    return last.classes_;
  }

  protected override subEstimators(): [string, Estimator][] {
    return this.params.steps.filter((step): step is [string, Estimator] => step[1] !== 'passthrough');
  }

  /** A step name replaces that step's estimator, as scikit-learn's `set_params(model=...)`. */
  protected override setOwnParam(key: string, value: unknown): void {
    const index = this.params.steps.findIndex(([name]) => name === key);
    if (index >= 0) this.params.steps[index] = [key, value as Estimator | 'passthrough'];
    else super.setOwnParam(key, value);
  }

  override validateParams(): void {
    super.validateParams();
    const { steps } = this.params;
    if (steps.length === 0)
      throw new MlError(
        'INVALID_PARAMETER',
        'The pipeline has no steps. Give it at least one [name, estimator].',
      );
    const seen = new Set<string>();
    steps.forEach(([name, estimator], k) => {
      if (typeof name !== 'string' || name.includes('.') || seen.has(name)) {
        throw new MlError(
          'INVALID_PARAMETER',
          `Pipeline step names must be unique and have no dots; got '${name}'.`,
        );
      }
      seen.add(name);
      const last = k === steps.length - 1;
      if (!last && estimator !== 'passthrough' && !isTransformer(estimator)) {
        throw new MlError(
          'INVALID_PARAMETER',
          `Pipeline step '${name}' (${estimator.kind}) is not a transformer; only the last step may be a model.`,
        );
      }
    });
  }

  #transformers(): Transformer[] {
    return this.params.steps.slice(0, -1).flatMap(([, e]) => (e === 'passthrough' ? [] : [e as Transformer]));
  }

  fit(X: Tabular, y?: Target, options: FitOptions = {}): this {
    this.validateParams();
    const transformers = this.#transformers();
    const last = this.finalEstimator;
    const share = last === 'passthrough' || transformers.length === 0 ? 1 : TRANSFORM_SHARE;
    let Xt: Tabular | CsrMatrix = X;
    transformers.forEach((t, k) => {
      const sub = subTaskOptions(
        options,
        (share * k) / transformers.length,
        (share * (k + 1)) / transformers.length,
        t.kind,
      );
      // A CSR matrix only reaches steps that declare `acceptsSparse`, which take it at run time.
      Xt = sparseHandOff(t, transformers[k + 1] ?? last)
        ? t.fitTransformSparse(Xt as Tabular, y, sub)
        : t.fitTransform(Xt as Tabular, y, sub);
    });
    if (last !== 'passthrough') {
      (last as AnyPredictor).fit(
        Xt as Tabular,
        y,
        subTaskOptions(options, transformers.length > 0 ? share : 0, 1, last.kind),
      );
    }
    options.onProgress?.(1);
    return this;
  }

  /** X through every transformer; CSR where a sparse output meets a step that accepts it (see `sparseHandOff`). */
  #transformAll(X: Tabular): Tabular {
    this.checkFitted();
    const transformers = this.#transformers();
    let Xt: Tabular | CsrMatrix = X;
    transformers.forEach((t, k) => {
      Xt = sparseHandOff(t, transformers[k + 1] ?? this.finalEstimator)
        ? t.transformSparse(Xt as Tabular)
        : t.transform(Xt as Tabular);
    });
    return Xt as Tabular;
  }

  #predictor(method: 'predict' | 'predictProba'): AnyPredictor {
    const last = this.finalEstimator;
    if (last === 'passthrough' || typeof (last as AnyPredictor)[method] !== 'function') {
      const kind = last === 'passthrough' ? 'passthrough' : last.kind;
      throw new MlError(
        'UNSUPPORTED_OPERATION',
        `The pipeline's last step (${kind}) has no ${method}. End it with a model that has.`,
      );
    }
    return last as AnyPredictor;
  }

  predict(X: Tabular): Y {
    const predictor = this.#predictor('predict');
    return predictor.predict(this.#transformAll(X)) as Y;
  }

  predictProba(X: Tabular): Matrix {
    const predictor = this.#predictor('predictProba');
    return predictor.predictProba!(this.#transformAll(X));
  }

  transform(X: Tabular): Tabular {
    const Xt = this.#transformAll(X);
    const last = this.finalEstimator;
    if (last === 'passthrough') return Xt;
    if (!isTransformer(last)) {
      throw new MlError(
        'UNSUPPORTED_OPERATION',
        `The pipeline's last step (${last.kind}) cannot transform. Use predict.`,
      );
    }
    return last.transform(Xt);
  }

  fitTransform(X: Tabular, y?: Target, options: FitOptions = {}): Tabular {
    return this.fit(X, y, options).transform(X);
  }

  /** Output names after every transforming step (for a pipeline of transformers). */
  featureNamesOut(inputNames?: readonly string[]): string[] {
    this.checkFitted();
    let names = inputNames ? [...inputNames] : undefined;
    for (const [, e] of this.params.steps) {
      if (e !== 'passthrough' && isTransformer(e)) names = e.featureNamesOut(names);
    }
    return names ?? [];
  }
}

/**
 * Whether `step` should hand `next` a CSR matrix: only when its output is sparse by nature (a vectorizer) and the
 * next estimator takes CSR as is, so a TF-IDF + LogisticRegression pipeline never densifies its 10⁵ columns and
 * every other pipeline runs exactly as before.
 */
function sparseHandOff(
  step: Transformer,
  next: Estimator | 'passthrough',
): step is Transformer & SparseOutput {
  return isSparseOutput(step) && acceptsSparse(next);
}
