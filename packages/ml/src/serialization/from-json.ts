import { MlError } from '../core/errors';
import type { Estimator, EstimatorClass } from '../core/estimator';
import { MODEL_FORMAT, MODEL_VERSION } from './model-json';
import { ESTIMATOR_REGISTRY } from './registry';
import { decodeValue } from './tagged-json';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Loads an estimator saved by `toJSON` (already parsed with `JSON.parse`). The `kind` is looked up in the
 * registry, parameters and state are type-checked, and nothing in the file is executed.
 */
export function fromJSON(
  json: unknown,
  registry: Readonly<Record<string, EstimatorClass>> = ESTIMATOR_REGISTRY,
): Estimator {
  if (!isPlainObject(json) || json.format !== MODEL_FORMAT) {
    throw new MlError(
      'BAD_MODEL_FORMAT',
      `This is not a Quarry model (format must be '${MODEL_FORMAT}'). Load a file exported by Quarry.`,
    );
  }
  if (json.version !== MODEL_VERSION) {
    throw new MlError(
      'BAD_MODEL_FORMAT',
      `This model has format version ${JSON.stringify(json.version)}; this Quarry reads version ${MODEL_VERSION}. Re-export it with this version.`,
      { details: { version: json.version } },
    );
  }
  const { kind } = json;
  if (typeof kind !== 'string' || !Object.hasOwn(registry, kind)) {
    throw new MlError(
      'UNKNOWN_ESTIMATOR_KIND',
      `This model is a '${String(kind)}', which this version of Quarry does not know. Upgrade Quarry or retrain the model.`,
      { details: { kind } },
    );
  }
  const decodeNested = (nested: unknown) => fromJSON(nested, registry);
  const params = decodeValue(json.params, decodeNested);
  if (!isPlainObject(params))
    throw new MlError('BAD_MODEL_FORMAT', `The params of this ${kind} are not an object. Re-export it.`);
  const estimator = new registry[kind]();
  for (const key of Object.keys(params)) {
    if (!Object.hasOwn(estimator.params, key)) {
      throw new MlError(
        'BAD_MODEL_FORMAT',
        `This ${kind} has an unknown parameter '${key}'. Re-export the model.`,
      );
    }
  }
  estimator.setParams(params);
  try {
    estimator.validateParams();
  } catch (error) {
    throw new MlError(
      'BAD_MODEL_FORMAT',
      `This ${kind} has invalid parameters: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (json.state !== null) {
    const state = decodeValue(json.state, decodeNested);
    if (!isPlainObject(state))
      throw new MlError('BAD_MODEL_FORMAT', `The state of this ${kind} is not an object. Re-export it.`);
    estimator.setState(state);
  }
  return estimator;
}
