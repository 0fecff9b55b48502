import { MlError } from './errors';

/**
 * Parameter constraints are data (after scikit-learn's `_parameter_constraints`): each estimator class declares,
 * per parameter, the list of accepted forms, and `validateParams` checks them once when `fit` starts. A value is
 * valid when it satisfies any constraint of its list.
 */
export type Constraint =
  | { type: 'float'; min?: number; max?: number; closed?: 'both' | 'left' | 'right' | 'neither' }
  | { type: 'int'; min?: number; max?: number; closed?: 'both' | 'left' | 'right' | 'neither' }
  | { type: 'options'; values: readonly (string | number | boolean)[] }
  | { type: 'nan' }
  | { type: 'boolean' }
  | { type: 'string' }
  | { type: 'null' }
  | { type: 'array' }
  | { type: 'object' }
  | { type: 'estimator' };

export type ParamConstraints = Readonly<Record<string, readonly Constraint[]>>;

function inInterval(value: number, c: { min?: number; max?: number; closed?: string }): boolean {
  const min = c.min ?? Number.NEGATIVE_INFINITY;
  const max = c.max ?? Number.POSITIVE_INFINITY;
  const closed = c.closed ?? 'both';
  const lowOk = closed === 'both' || closed === 'left' ? value >= min : value > min;
  const highOk = closed === 'both' || closed === 'right' ? value <= max : value < max;
  return lowOk && highOk;
}

export function satisfies(value: unknown, c: Constraint): boolean {
  switch (c.type) {
    case 'float':
      return typeof value === 'number' && !Number.isNaN(value) && inInterval(value, c);
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && inInterval(value, c);
    case 'options':
      return c.values.includes(value as string);
    case 'nan':
      return typeof value === 'number' && Number.isNaN(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'estimator':
      return (
        typeof value === 'object' && value !== null && typeof (value as { fit?: unknown }).fit === 'function'
      );
  }
}

function describeInterval(c: { min?: number; max?: number; closed?: string }): string {
  const min = c.min ?? Number.NEGATIVE_INFINITY;
  const max = c.max ?? Number.POSITIVE_INFINITY;
  const closed = c.closed ?? 'both';
  const left = (closed === 'both' || closed === 'left') && Number.isFinite(min) ? '[' : '(';
  const right = (closed === 'both' || closed === 'right') && Number.isFinite(max) ? ']' : ')';
  return `${left}${min}, ${max}${right}`;
}

export function describeConstraint(c: Constraint): string {
  switch (c.type) {
    case 'float':
      return `a float in ${describeInterval(c)}`;
    case 'int':
      return `an int in ${describeInterval(c)}`;
    case 'options':
      return `one of ${c.values.map(formatValue).join(', ')}`;
    case 'nan':
      return 'NaN';
    case 'boolean':
      return 'a boolean';
    case 'string':
      return 'a string';
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case 'estimator':
      return 'an estimator';
  }
}

/** Formats a value for an error message: strings quoted, numbers as JavaScript prints them. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return `an object of type ${(value as object).constructor?.name ?? 'Object'}`;
}

function joinAlternatives(parts: string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** The one message template for a parameter that breaks its constraints. */
export function invalidParameterMessage(
  kind: string,
  name: string,
  constraints: readonly Constraint[],
  value: unknown,
): string {
  const expected = joinAlternatives(constraints.map(describeConstraint));
  return `The '${name}' parameter of ${kind} must be ${expected}. Got ${formatValue(value)}.`;
}

/** Throws `INVALID_PARAMETER` for the first parameter that satisfies none of its constraints. */
export function validateParams(kind: string, params: object, constraints: ParamConstraints): void {
  const values = params as Record<string, unknown>;
  for (const name of Object.keys(constraints)) {
    const value = values[name];
    if (!constraints[name].some((c) => satisfies(value, c))) {
      throw new MlError('INVALID_PARAMETER', invalidParameterMessage(kind, name, constraints[name], value), {
        details: { kind, parameter: name },
      });
    }
  }
}
