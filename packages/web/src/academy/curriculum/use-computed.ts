import { useEffect, useMemo, useState } from 'react';
import type { ComputationArgs, ComputationName, ComputationResult } from './lesson-computations';
import { acquireLessonWorker, releaseLessonWorker } from './lesson-worker-client';

export interface Computed<T> {
  value: T | undefined;
  error: unknown;
  /** True while a computation for the current inputs has not finished (the previous value is still shown). */
  pending: boolean;
}

/**
 * Runs one of the curriculum's computations (by name, see lesson-computations.ts) in the lesson worker, so a fit
 * of a second or two shows a loader while sliders and the page keep responding. The previous result stays on
 * screen while the next one runs, and a result for inputs that have since changed is dropped (a request not yet
 * started is never sent). The inputs are identified by their JSON, so `args` need not be memoised.
 */
export function useComputed<N extends ComputationName>(
  name: N,
  args: ComputationArgs<N>,
): Computed<ComputationResult<N>> {
  const [state, setState] = useState<Computed<ComputationResult<N>>>({
    value: undefined,
    error: undefined,
    pending: true,
  });
  const key = JSON.stringify([name, args]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the JSON of `name` and `args`; a new array with the same inputs must not recompute
  useEffect(() => {
    setState((s) => ({ ...s, pending: true }));
    const client = acquireLessonWorker();
    const cancel = client.call(name, args, (outcome) => {
      if ('error' in outcome) setState((s) => ({ ...s, error: outcome.error, pending: false }));
      else setState({ value: outcome.value as ComputationResult<N>, error: undefined, pending: false });
    });
    return () => {
      cancel();
      releaseLessonWorker();
    };
  }, [key]);
  return state;
}

/** Two computations shown as one: a value once both have one, pending while either runs, the first error. */
export function useBoth<A, B>(a: Computed<A>, b: Computed<B>): Computed<[A, B]> {
  const value = useMemo(
    () => (a.value !== undefined && b.value !== undefined ? ([a.value, b.value] as [A, B]) : undefined),
    [a.value, b.value],
  );
  return { value, error: a.error ?? b.error, pending: a.pending || b.pending };
}
