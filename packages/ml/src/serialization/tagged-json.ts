import { MlError } from '../core/errors';
import { Estimator } from '../core/estimator';
import { Matrix } from '../core/matrix';

/**
 * Plain-JSON encoding of the values found in params and learned state. JSON has no NaN, ±Infinity, −0 or typed
 * arrays, so those are written as tagged objects with exactly one `$` key:
 *
 *   NaN                     → { "$number": "NaN" }               (also "Infinity", "-Infinity", "-0")
 *   Float64Array [1, NaN]   → { "$typed": "Float64Array", "values": [1, "NaN"] }
 *   Matrix                  → { "$matrix": { "nRows": 2, "nCols": 1, "data": <Float64Array> } }
 *   nested estimator        → { "$estimator": <quarry-model JSON> }
 *   object with a "$" key   → { "$object": { … } }
 *
 * Decoding only builds these known types; nothing is evaluated.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TYPED = { Float64Array, Int32Array, Uint8Array } as const;
type TypedName = keyof typeof TYPED;
const SPECIAL: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};
const MAX_DEPTH = 64;

function isSpecial(value: number): boolean {
  return !Number.isFinite(value) || Object.is(value, -0);
}

function specialName(value: number): string {
  return Number.isNaN(value) ? 'NaN' : Object.is(value, -0) ? '-0' : value > 0 ? 'Infinity' : '-Infinity';
}

export function encodeValue(value: unknown, encodeEstimator: (e: Estimator) => Json): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return isSpecial(value) ? { $number: specialName(value) } : value;
  if (value instanceof Estimator) return { $estimator: encodeEstimator(value) };
  if (value instanceof Matrix) {
    return {
      $matrix: { nRows: value.nRows, nCols: value.nCols, data: encodeValue(value.data, encodeEstimator) },
    };
  }
  for (const name of Object.keys(TYPED) as TypedName[]) {
    if (value instanceof TYPED[name]) {
      return {
        $typed: name,
        values: Array.from(value as ArrayLike<number>, (v) => (isSpecial(v) ? specialName(v) : v)),
      };
    }
  }
  if (Array.isArray(value)) return value.map((v) => encodeValue(v, encodeEstimator));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    const object = Object.fromEntries(entries.map(([k, v]) => [k, encodeValue(v, encodeEstimator)]));
    return entries.some(([k]) => k.startsWith('$')) ? { $object: object } : object;
  }
  throw new MlError(
    'BAD_MODEL_FORMAT',
    `Cannot save a value of type ${typeof value} (${String(value)}) in a model.`,
  );
}

function bad(message: string): MlError {
  return new MlError(
    'BAD_MODEL_FORMAT',
    `${message} The model file is damaged or not from Quarry; re-export it.`,
  );
}

function decodeNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && Object.hasOwn(SPECIAL, value)) return SPECIAL[value];
  throw bad(`Expected a number, got ${JSON.stringify(value)}.`);
}

export function decodeValue(
  value: unknown,
  decodeEstimator: (json: unknown) => Estimator,
  depth = 0,
): unknown {
  if (depth > MAX_DEPTH) throw bad('The model is nested too deeply.');
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
    return value;
  if (Array.isArray(value)) return value.map((v) => decodeValue(v, decodeEstimator, depth + 1));
  if (typeof value !== 'object') throw bad(`Unexpected ${typeof value} value.`);
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length >= 1 && keys[0].startsWith('$')) {
    const tag = keys[0];
    if (tag === '$number' && keys.length === 1) return decodeNumber(object.$number);
    if (tag === '$typed' && keys.length === 2 && Array.isArray(object.values)) {
      const name = object.$typed as string;
      if (typeof name !== 'string' || !Object.hasOwn(TYPED, name))
        throw bad(`Unknown array type ${JSON.stringify(name)}.`);
      return TYPED[name as TypedName].from(object.values.map(decodeNumber));
    }
    if (tag === '$matrix' && keys.length === 1) {
      const m = object.$matrix as { nRows?: unknown; nCols?: unknown; data?: unknown } | null;
      const data = decodeValue(m?.data, decodeEstimator, depth + 1);
      if (typeof m?.nRows !== 'number' || typeof m.nCols !== 'number' || !(data instanceof Float64Array)) {
        throw bad('A matrix has a bad shape or data.');
      }
      try {
        return new Matrix(m.nRows, m.nCols, data);
      } catch (error) {
        throw bad(`A matrix does not fit its data (${(error as Error).message}).`);
      }
    }
    if (tag === '$estimator' && keys.length === 1) return decodeEstimator(object.$estimator);
    if (tag === '$object' && keys.length === 1) return decodePlain(object.$object, decodeEstimator, depth);
    throw bad(`Unknown tag ${tag}.`);
  }
  return decodePlain(object, decodeEstimator, depth);
}

function decodePlain(
  value: unknown,
  decodeEstimator: (json: unknown) => Estimator,
  depth: number,
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('Expected an object.');
  // fromEntries defines own properties, so a "__proto__" key cannot change the prototype.
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, decodeValue(v, decodeEstimator, depth + 1)]),
  );
}
