import { Estimator, type EstimatorClass } from './estimator';

function cloneValue(value: unknown): unknown {
  if (value instanceof Estimator) return clone(value);
  if (Array.isArray(value)) return value.map(cloneValue);
  if (ArrayBuffer.isView(value) && 'slice' in value) return (value as Float64Array).slice();
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneValue(v)]));
  }
  return value;
}

/**
 * A new, unfitted estimator with the same parameters: `new e.constructor(e.getParams())`, with nested
 * estimators (pipeline steps, column transformers) cloned too so fitting the copy never touches the original.
 */
export function clone<E extends Estimator>(estimator: E): E {
  const Ctor = estimator.constructor as EstimatorClass<E>;
  return new Ctor(cloneValue(estimator.getParams()));
}
