import { MlError } from './errors';
import { Matrix } from './matrix';

type BaseStateType =
  | 'matrix'
  | 'float64'
  | 'int32'
  | 'uint8'
  | 'number'
  | 'string'
  | 'boolean'
  | 'strings'
  | 'stringLists'
  | 'numbers'
  | 'scalars'
  | 'json';

/** The type of one learned field; a trailing `?` also allows `null`. */
export type StateType = BaseStateType | `${BaseStateType}?`;

/** Declares an estimator's learned fields (`coef_`, `classes_`, ...) and their types, as data. */
export type StateSchema = Readonly<Record<string, StateType>>;

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function hasType(value: unknown, type: BaseStateType): boolean {
  switch (type) {
    case 'matrix':
      return value instanceof Matrix;
    case 'float64':
      return value instanceof Float64Array;
    case 'int32':
      return value instanceof Int32Array;
    case 'uint8':
      return value instanceof Uint8Array;
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'strings':
      return isStrings(value);
    case 'stringLists':
      return Array.isArray(value) && value.every(isStrings);
    case 'scalars':
      return Array.isArray(value) && value.every((v) => typeof v === 'number' || typeof v === 'string');
    case 'numbers':
      return Array.isArray(value) && value.every((v) => typeof v === 'number');
    case 'json':
      return value !== undefined;
  }
}

/** Checks decoded state against a schema and returns only the declared fields. */
export function readState(
  kind: string,
  schema: StateSchema,
  state: Record<string, unknown>,
): Record<string, unknown> {
  if (typeof state !== 'object' || state === null) {
    throw new MlError(
      'BAD_MODEL_FORMAT',
      `The saved state of ${kind} is not an object. Re-export the model.`,
    );
  }
  const out: Record<string, unknown> = {};
  for (const [key, declared] of Object.entries(schema)) {
    const nullable = declared.endsWith('?');
    const type = (nullable ? declared.slice(0, -1) : declared) as BaseStateType;
    const value = Object.hasOwn(state, key) ? state[key] : undefined;
    if (!(hasType(value, type) || (nullable && value === null))) {
      throw new MlError(
        'BAD_MODEL_FORMAT',
        `The saved state of ${kind} has a bad or missing '${key}' (expected ${declared}). Re-export the model.`,
        { details: { kind, field: key } },
      );
    }
    out[key] = value;
  }
  return out;
}
