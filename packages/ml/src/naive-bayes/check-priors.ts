import { MlError } from '../core/errors';

/**
 * Checks user-given class priors (one per class, non-negative, summing to 1 as NumPy's `isclose`) and returns
 * them as an array; `what` names the parameter in the message.
 */
export function checkPriors(
  kind: string,
  what: string,
  priors: readonly number[],
  nClasses: number,
): Float64Array {
  const sum = priors.reduce((a, b) => a + b, 0);
  const fail = (problem: string) =>
    new MlError('INVALID_PARAMETER', `The '${what}' parameter of ${kind} ${problem}.`, {
      details: { kind, parameter: what },
    });
  if (priors.length !== nClasses) {
    throw fail(`needs one prior per class (${nClasses}), got ${priors.length}`);
  }
  if (priors.some((p) => typeof p !== 'number' || !(p >= 0))) throw fail('must be non-negative numbers');
  if (!(Math.abs(sum - 1) <= 1e-8 + 1e-5)) throw fail(`must sum to 1, got ${sum}`);
  return Float64Array.from(priors);
}
