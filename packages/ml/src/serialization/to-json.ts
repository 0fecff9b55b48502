import type { Estimator } from '../core/estimator';
import { MODEL_FORMAT, MODEL_VERSION, type ModelJson } from './model-json';
import { encodeValue } from './tagged-json';

/** Saves an estimator (fitted or not) as plain versioned JSON; `JSON.stringify` the result to write it. */
export function toJSON(estimator: Estimator): ModelJson {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    kind: estimator.kind,
    params: encodeValue(estimator.getParams(), toJSON),
    state: estimator.isFitted ? encodeValue(estimator.getState(), toJSON) : null,
  };
}
