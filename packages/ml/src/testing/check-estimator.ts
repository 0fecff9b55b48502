import { clone } from '../core/clone';
import { NotFittedError } from '../core/errors';
import type { Estimator } from '../core/estimator';
import { Frame } from '../core/frame';
import { isLabels, type Labels } from '../core/labels';
import { Matrix } from '../core/matrix';
import { type Constraint, invalidParameterMessage, satisfies } from '../core/params';
import type { Tabular, Target } from '../core/roles';
import { fromJSON } from '../serialization/from-json';
import { encodeValue } from '../serialization/tagged-json';
import { toJSON } from '../serialization/to-json';
import { type AnyEstimator, assert, type EstimatorCheck, expectError } from './contract-assertions';
import { type ContractInput, type ContractTask, contractData } from './contract-data';
import { classificationChecks, regressionChecks } from './target-checks';

export type { EstimatorCheck } from './contract-assertions';

export interface CheckEstimatorOptions {
  task: ContractTask;
  /** The layout the estimator takes (see `contractData`); default 'matrix'. */
  input?: ContractInput;
  /** Extra invalid parameters to try (dotted paths allowed), e.g. `{ 'model.C': -1 }`. */
  badParams?: Record<string, unknown>;
  /** For a transformer that learns from a target (TargetEncoder): fit it with this task's target. */
  target?: 'classification' | 'regression';
}

/** What an estimator outputs, flattened to numbers so two runs can be compared bit for bit. */
function outputs(e: AnyEstimator, X: Tabular): Float64Array[] {
  const out: Float64Array[] = [];
  if (e.predict) out.push(Float64Array.from(e.predict(X)));
  if (e.predictProba && e.estimatorType === 'classifier') out.push(e.predictProba(X).data);
  if (e.transform && e.estimatorType === 'transformer') {
    const t = e.transform(X);
    out.push(
      t instanceof Matrix ? t.data : Float64Array.from(JSON.stringify(t.columns), (c) => c.charCodeAt(0)),
    );
  }
  return out;
}

function sameOutputs(a: Float64Array[], b: Float64Array[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, k) => x.length === b[k].length && x.every((v, i) => Object.is(v, b[k][i])))
  );
}

function invalidValueFor(constraints: readonly Constraint[]): unknown {
  const candidates: unknown[] = ['__invalid__', -123456.5, { invalid: true }];
  return candidates.find((v) => !constraints.some((c) => satisfies(v, c)));
}

/** All parameters, nested ones by dotted path, as JSON (nested estimators by kind). */
function paramsSignature(e: Estimator): string {
  return JSON.stringify(encodeValue(e.getParams(true), (sub) => sub.kind));
}

function fingerprint(X: Tabular, y: Target | undefined): string {
  const parts: unknown[] =
    X instanceof Matrix
      ? [Array.from(X.data)]
      : X.columns.map((c) => (c.kind === 'numeric' ? Array.from(c.values) : Array.from(c.codes)));
  if (y) parts.push(Array.from(isLabels(y) ? y.codes : y));
  return JSON.stringify(parts);
}

/**
 * The shared estimator contract (after scikit-learn's `check_estimator`): run every returned check from a test file.
 * `factory` must return a new, unfitted estimator each call.
 */
export function checkEstimator(factory: () => Estimator, options: CheckEstimatorOptions): EstimatorCheck[] {
  const { task, input = 'matrix', badParams = {}, target } = options;
  const make = () => factory() as AnyEstimator;
  // X does not depend on the task, so a supervised transformer gets the same X with the target it needs.
  const { X, y } = contractData(target ?? task, input);
  const fitted = () => {
    const e = make();
    e.fit(X, y);
    return e;
  };
  const kind = make().kind;
  const checks: EstimatorCheck[] = [
    {
      name: 'clone gives equal params and an unfitted copy',
      run: () => {
        const e = fitted();
        const copy = clone(e);
        assert(
          copy !== e && copy.constructor === e.constructor,
          'clone must build a new instance of the same class',
        );
        assert(
          paramsSignature(copy) === paramsSignature(e),
          'clone must keep the params, nested ones included',
        );
        assert(!copy.isFitted, 'a clone must not be fitted');
      },
    },
    {
      name: 'use before fit throws NotFittedError',
      run: () => {
        const e = make();
        const use = () => (e.predict ? e.predict(X) : e.transform?.(X));
        const message = new NotFittedError(kind).message;
        expectError(use, ['NOT_FITTED'], 'predict before fit', message);
      },
    },
    {
      name: 'fit returns the estimator and leaves the inputs unchanged',
      run: () => {
        const before = fingerprint(X, y);
        const e = make();
        assert(e.fit(X, y) === e, 'fit must return this');
        assert(fingerprint(X, y) === before, 'fit must not modify X or y');
        assert(e.isFitted, 'isFitted must be true after fit');
      },
    },
    {
      name: 'invalid parameters give INVALID_PARAMETER with the template message',
      run: () => {
        const Class = make().constructor as unknown as {
          paramConstraints: Record<string, readonly Constraint[]>;
        };
        for (const [name, constraints] of Object.entries(Class.paramConstraints)) {
          const value = invalidValueFor(constraints);
          if (value === undefined) continue;
          const e = make().setParams({ [name]: value }) as AnyEstimator;
          const message = invalidParameterMessage(kind, name, constraints, value);
          expectError(() => e.fit(X, y), ['INVALID_PARAMETER'], `fit with ${name}=${String(value)}`, message);
        }
        for (const [path, value] of Object.entries(badParams)) {
          const e = make().setParams({ [path]: value }) as AnyEstimator;
          const template = /^The '[A-Za-z]+' parameter of [A-Za-z]+ must be .+\. Got .+\.$/;
          expectError(
            () => e.fit(X, y),
            ['INVALID_PARAMETER'],
            `fit with ${path}=${String(value)}`,
            template,
          );
        }
        expectError(
          () => make().setParams({ noSuchParameter: 1 }),
          ['INVALID_PARAMETER'],
          'setParams with an unknown name',
        );
      },
    },
    {
      name: 'the same params and randomState give identical outputs',
      run: () =>
        assert(sameOutputs(outputs(fitted(), X), outputs(fitted(), X)), 'two fits gave different outputs'),
    },
    {
      name: 'a JSON round trip gives identical outputs',
      run: () => {
        const e = fitted();
        const loaded = fromJSON(JSON.parse(JSON.stringify(toJSON(e)))) as AnyEstimator;
        assert(
          loaded.kind === kind && loaded.isFitted,
          'the loaded estimator must be the same kind and fitted',
        );
        assert(
          sameOutputs(outputs(e, X), outputs(loaded, X)),
          'the loaded estimator gives different outputs',
        );
        const unfitted = fromJSON(JSON.parse(JSON.stringify(toJSON(make()))));
        assert(!unfitted.isFitted, 'an unfitted estimator must load unfitted');
      },
    },
    {
      name: 'empty data gives EMPTY_DATA',
      run: () => {
        const none = new Int32Array(0);
        const emptyX = X instanceof Frame ? X.take(none) : X.takeRows(none);
        const emptyY =
          y === undefined ? undefined : isLabels(y) ? { codes: none, levels: y.levels } : new Float64Array(0);
        expectError(() => make().fit(emptyX, emptyY), ['EMPTY_DATA'], 'fit on 0 rows');
      },
    },
    {
      name: 'predicting with other columns gives SHAPE_MISMATCH or MISSING_COLUMN',
      run: () => {
        const e = fitted();
        const fewer = X instanceof Frame ? X.select(X.names.slice(1)) : Matrix.fromColumns([X.column(0)]);
        const use = () => (e.predict ? e.predict(fewer) : e.transform?.(fewer));
        expectError(use, ['SHAPE_MISMATCH', 'MISSING_COLUMN'], 'predict with a column less');
      },
    },
    {
      name: 'fit stops with ABORTED when the signal is aborted, and reports progress up to 1',
      run: () => {
        const signal = { aborted: true, reason: 'test' };
        expectError(() => make().fit(X, y, { signal }), ['ABORTED'], 'fit with an aborted signal');
        const seen: number[] = [];
        make().fit(X, y, { onProgress: (fraction) => seen.push(fraction) });
        assert(seen.length > 0 && seen[seen.length - 1] === 1, 'progress must end at 1');
        assert(
          seen.every((f, k) => f >= 0 && f <= 1 && (k === 0 || f >= seen[k - 1] - 1e-12)),
          `progress must rise in [0, 1]: ${seen}`,
        );
      },
    },
  ];
  if (task === 'regression') checks.push(...regressionChecks(make, X, y as Float64Array));
  if (task === 'classification') checks.push(...classificationChecks(make, X, y as Labels));
  return checks;
}
