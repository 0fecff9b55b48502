import type { Distribution } from '@quarry/ml';
import { httpError } from '../errors';
import type { LeaderboardFamily } from '../modelling/families';
import type { Task } from '../training/types';
import { SEARCH_SPACES, type SpaceParam } from './spaces';

type Value = number | string | boolean | null;
export type SearchSpace = Record<
  string,
  Value[] | { type: 'uniform' | 'loguniform' | 'randint'; low: number; high: number }
>;

const bad = (detail: string) => httpError('BAD_SEARCH_SPACE', { detail });

export function familySpace(family: LeaderboardFamily, task: Task): Record<string, SpaceParam> {
  const space = SEARCH_SPACES[family][task];
  if (space === null) throw bad(`Family '${family}' has nothing to tune for ${task}.`);
  return space;
}

/** One value against a parameter's bounds: a number inside [min, max] (whole if it must be), or a listed option. */
function checkValue(family: string, name: string, spec: SpaceParam, value: unknown): void {
  if (typeof value === 'number') {
    const ok =
      Number.isFinite(value) &&
      spec.min !== null &&
      spec.max !== null &&
      value >= spec.min &&
      value <= spec.max &&
      (!spec.integer || Number.isInteger(value));
    if (!ok) {
      const range =
        spec.min === null
          ? 'no numbers'
          : `${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}`;
      throw bad(`${family}.${name} = ${value} is out of bounds; it takes ${range}.`);
    }
    return;
  }
  if (!spec.options.includes(value as Value))
    throw bad(
      `${family}.${name} = ${JSON.stringify(value)?.slice(0, 50)} is not allowed; options: ${JSON.stringify(spec.options)}.`,
    );
}

/** Checks model-step parameters (e.g. a tuned setting sent with a save) against the family's bounds. */
export function checkParams(family: LeaderboardFamily, task: Task, params: Record<string, unknown>): void {
  if (Object.keys(params).length === 0) return;
  const space = familySpace(family, task);
  for (const [name, value] of Object.entries(params)) {
    const spec = space[name];
    if (spec === undefined)
      throw bad(
        `'${name}' is not a tunable parameter of ${family}. Known: ${Object.keys(space).join(', ')}.`,
      );
    checkValue(family, name, spec, value);
  }
}

/** The space to search: the given one (every parameter known, every value and range within bounds) or the default. */
export function resolveSpace(
  family: LeaderboardFamily,
  task: Task,
  search: 'grid' | 'random',
  given: SearchSpace | undefined,
): Record<string, Value[] | Distribution> {
  const space = familySpace(family, task);
  if (given === undefined) {
    return Object.fromEntries(
      Object.entries(space).map(([name, spec]) => [
        name,
        search === 'random' && spec.distribution !== undefined ? spec.distribution : spec.values,
      ]),
    );
  }
  if (Object.keys(given).length === 0) throw bad('It names no parameter.');
  for (const [name, entry] of Object.entries(given)) {
    const spec = space[name];
    if (spec === undefined)
      throw bad(
        `'${name}' is not a tunable parameter of ${family}. Known: ${Object.keys(space).join(', ')}.`,
      );
    if (Array.isArray(entry)) {
      if (entry.length === 0) throw bad(`'${name}' lists no value.`);
      for (const v of entry) checkValue(family, name, spec, v);
    } else {
      if (search === 'grid')
        throw bad(`Grid search takes lists of values; '${name}' is a distribution. Use random search.`);
      if (spec.min === null) throw bad(`'${name}' takes no numbers; list its options instead.`);
      if (!(entry.low < entry.high)) throw bad(`'${name}' needs low < high.`);
      checkValue(family, name, spec, entry.low);
      // randint's high is exclusive: the largest value drawn is high − 1.
      checkValue(family, name, spec, entry.type === 'randint' ? entry.high - 1 : entry.high);
      if (entry.type === 'randint' && !(Number.isInteger(entry.low) && Number.isInteger(entry.high)))
        throw bad(`'${name}' randint needs whole-number bounds.`);
      if (entry.type === 'loguniform' && entry.low <= 0) throw bad(`'${name}' loguniform needs low > 0.`);
    }
  }
  return given as Record<string, Value[] | Distribution>;
}
