import type { Distribution, SearchSpace, SpaceParam, SpaceValue } from '../api/types';

/**
 * What a person edits for one parameter of a search space: whether it is searched at all, its list of values
 * (grid search, or random search over a parameter without a distribution), and the low/high of its
 * distribution (random search). Kept as text so a half-typed value is not lost.
 */
export interface ParamEdit {
  searched: boolean;
  values: string;
  low: string;
  high: string;
}

export type SpaceEdit = Record<string, ParamEdit>;

/** The documented default space as an edit, every parameter searched. */
export function defaultEdit(space: Record<string, SpaceParam>): SpaceEdit {
  return Object.fromEntries(
    Object.entries(space).map(([name, param]) => [
      name,
      {
        searched: true,
        values: (param.values ?? []).map(valueText).join(', '),
        low: param.distribution ? String(param.distribution.low) : '',
        high: param.distribution ? String(param.distribution.high) : '',
      },
    ]),
  );
}

export const valueText = (v: SpaceValue): string => (v === null ? 'null' : String(v));

/** One typed value: 'null', 'true', 'false', a number, or a word ('sqrt'). */
function parseValue(text: string): SpaceValue {
  if (text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : text;
}

/** The bounds of a parameter as a person reads them, e.g. "whole numbers 1–64, or null". */
export function boundsText(param: SpaceParam): string {
  const parts: string[] = [];
  if (param.min !== null && param.max !== null)
    parts.push(`${param.integer ? 'whole numbers' : 'numbers'} ${param.min}–${param.max}`);
  const options = param.options ?? [];
  if (options.length > 0) parts.push(options.map(valueText).join(', '));
  return parts.join(', or ') || '—';
}

/** Why a value is outside the parameter's documented bounds, or null when it is inside. */
function valueError(param: SpaceParam, value: SpaceValue): string | null {
  if (typeof value === 'number') {
    if (param.min === null || param.max === null) return `${value}: takes no numbers`;
    if (value < param.min || value > param.max) return `${value} is outside ${param.min}–${param.max}`;
    if (param.integer && !Number.isInteger(value)) return `${value} is not a whole number`;
    return null;
  }
  return (param.options ?? []).includes(value) ? null : `'${valueText(value)}' is not an allowed value`;
}

/** Whether this parameter is edited as a low/high range (random search over a numeric distribution). */
export const usesRange = (param: SpaceParam, search: 'grid' | 'random') =>
  search === 'random' && param.distribution !== undefined;

export interface ParamResult {
  entry: SpaceValue[] | Distribution | null;
  error: string | null;
}

/** One parameter's edit as a search-space entry, checked against the documented bounds. */
export function parseParam(param: SpaceParam, edit: ParamEdit, search: 'grid' | 'random'): ParamResult {
  if (usesRange(param, search) && param.distribution) {
    const low = Number(edit.low);
    const high = Number(edit.high);
    if (edit.low.trim() === '' || edit.high.trim() === '' || !Number.isFinite(low) || !Number.isFinite(high))
      return { entry: null, error: 'Give a low and a high number' };
    if (!(low < high)) return { entry: null, error: 'Low must be below high' };
    const type = param.distribution.type;
    if (type === 'randint' && !(Number.isInteger(low) && Number.isInteger(high)))
      return { entry: null, error: 'Whole numbers only' };
    if (type === 'loguniform' && low <= 0) return { entry: null, error: 'A log scale needs low > 0' };
    // randint's high is exclusive, as scikit-learn's: the largest value drawn is high − 1.
    const error = valueError(param, low) ?? valueError(param, type === 'randint' ? high - 1 : high);
    return error ? { entry: null, error } : { entry: { type, low, high }, error: null };
  }
  const parts = edit.values
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (parts.length === 0) return { entry: null, error: 'List at least one value' };
  if (parts.length > 50) return { entry: null, error: 'At most 50 values' };
  const values = parts.map(parseValue);
  for (const v of values) {
    const error = valueError(param, v);
    if (error) return { entry: null, error };
  }
  return { entry: values, error: null };
}

/** The whole edit as a search space, or the errors by parameter (and one overall when nothing is searched). */
export function buildSpace(
  space: Record<string, SpaceParam>,
  edit: SpaceEdit,
  search: 'grid' | 'random',
): { space: SearchSpace | null; errors: Record<string, string> } {
  const out: SearchSpace = {};
  const errors: Record<string, string> = {};
  for (const [name, param] of Object.entries(space)) {
    const e = edit[name];
    if (!e?.searched) continue;
    const { entry, error } = parseParam(param, e, search);
    if (error) errors[name] = error;
    else if (entry) out[name] = entry;
  }
  if (Object.keys(out).length === 0 && Object.keys(errors).length === 0)
    errors[''] = 'Search at least one parameter';
  return { space: Object.keys(errors).length === 0 ? out : null, errors };
}

/** How many settings a grid search over this space would try (the product of the list lengths). */
export function gridSize(space: SearchSpace): number {
  return Object.values(space).reduce((n, e) => n * (Array.isArray(e) ? e.length : 1), 1);
}
