import { MlError } from '../core/errors';
import { Rng } from '../core/rng';
import { type Candidate, type ParamGrid, parameterGrid } from './parameter-grid';

/**
 * A distribution to sample a parameter from, as plain data so a search can be saved as JSON. scikit-learn
 * equivalents: `uniform(loc, scale)` is { low: loc, high: loc + scale }; `loguniform(a, b)` and `randint(a, b)`
 * keep their bounds; a list is a 'choice'.
 */
export type Distribution =
  | { type: 'uniform'; low: number; high: number }
  | { type: 'loguniform'; low: number; high: number }
  | { type: 'randint'; low: number; high: number }
  | { type: 'choice'; values: readonly unknown[] };

/** Per parameter (dotted paths allowed), a distribution or a list of values to pick uniformly from. */
export type ParamDistributions = Readonly<Record<string, Distribution | readonly unknown[]>>;

function bad(name: string, why: string): MlError {
  return new MlError('INVALID_PARAMETER', `The distribution of '${name}' ${why}.`, {
    details: { parameter: name },
  });
}

function checkDistribution(name: string, d: unknown): void {
  if (Array.isArray(d)) {
    if (d.length === 0) throw bad(name, 'is an empty list; list at least one value');
    return;
  }
  const dist = d as Distribution | null;
  switch (dist?.type) {
    case 'choice':
      if (!Array.isArray(dist.values) || dist.values.length === 0)
        throw bad(name, 'needs a non-empty values list');
      return;
    case 'uniform':
    case 'loguniform':
    case 'randint': {
      const { low, high } = dist;
      if (!(Number.isFinite(low) && Number.isFinite(high) && low < high)) {
        throw bad(name, `needs finite bounds with low < high; got low ${low}, high ${high}`);
      }
      if (dist.type === 'loguniform' && low <= 0)
        throw bad(name, `needs low > 0 (it is log-uniform); got ${low}`);
      if (dist.type === 'randint' && !(Number.isInteger(low) && Number.isInteger(high))) {
        throw bad(name, `needs integer bounds; got low ${low}, high ${high}`);
      }
      return;
    }
    default:
      throw bad(name, "must be a list or { type: 'uniform' | 'loguniform' | 'randint' | 'choice', ... }");
  }
}

/** One draw from a distribution (or a uniform pick from a list). */
export function sampleDistribution(d: Distribution | readonly unknown[], rng: Rng): unknown {
  if (Array.isArray(d)) return d[rng.nextInt(d.length)];
  const dist = d as Distribution;
  switch (dist.type) {
    case 'choice':
      return dist.values[rng.nextInt(dist.values.length)];
    case 'uniform':
      return dist.low + (dist.high - dist.low) * rng.nextFloat();
    case 'loguniform':
      return Math.exp(Math.log(dist.low) + (Math.log(dist.high) - Math.log(dist.low)) * rng.nextFloat());
    case 'randint':
      return dist.low + rng.nextInt(dist.high - dist.low);
  }
}

const isList = (d: unknown) => Array.isArray(d) || (d as Distribution | null)?.type === 'choice';

/**
 * `nIter` parameter settings drawn from the distributions (scikit-learn's `ParameterSampler`, same rules, Quarry's
 * seeded RNG): when every parameter is a list, settings are drawn from their grid without replacement (all of it
 * if it has fewer than `nIter` settings); otherwise each setting picks one of the dictionaries, then draws its
 * parameters in sorted name order.
 */
export function sampleParameters(
  distributions: ParamDistributions | readonly ParamDistributions[],
  nIter: number,
  randomState = 0,
): Candidate[] {
  const all = Array.isArray(distributions)
    ? (distributions as readonly ParamDistributions[])
    : [distributions as ParamDistributions];
  if (all.length === 0)
    throw new MlError('INVALID_PARAMETER', 'paramDistributions is empty. Give at least one.');
  for (const dists of all) {
    if (typeof dists !== 'object' || dists === null) {
      throw new MlError(
        'INVALID_PARAMETER',
        'paramDistributions must be an object of distributions (or a list of them).',
      );
    }
    for (const [name, d] of Object.entries(dists)) checkDistribution(name, d);
  }
  const rng = new Rng(randomState);
  if (all.every((dists) => Object.values(dists).every(isList))) {
    const grids = all.map((dists) =>
      Object.fromEntries(
        Object.entries(dists).map(([name, d]) => [
          name,
          Array.isArray(d) ? d : (d as { values: readonly unknown[] }).values,
        ]),
      ),
    ) as ParamGrid[];
    const grid = parameterGrid(grids);
    return Array.from(rng.permutation(grid.length).subarray(0, Math.min(nIter, grid.length)), (k) => grid[k]);
  }
  return Array.from({ length: nIter }, () => {
    const dists = all[rng.nextInt(all.length)];
    const candidate: Candidate = {};
    for (const name of Object.keys(dists).sort()) candidate[name] = sampleDistribution(dists[name], rng);
    return candidate;
  });
}
