import { useEffect, useRef, useState } from 'react';

export interface Computed<T> {
  value: T | undefined;
  error: unknown;
  /** True while a computation for the current inputs has not finished (the previous value is still shown). */
  pending: boolean;
}

/**
 * Runs a lesson's computation after the page has painted, so a first fit of a second or so shows a loader
 * instead of freezing the page on navigation. The previous result stays on screen while the next one runs, and a
 * result for inputs that have since changed is dropped. `key` identifies the inputs (the computation itself is
 * memoised in @quarry/academy, so repeating a key is instant).
 */
export function useComputed<T>(key: string, compute: () => T): Computed<T> {
  const [state, setState] = useState<Computed<T>>({ value: undefined, error: undefined, pending: true });
  const latest = useRef(compute);
  latest.current = compute;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the inputs; `compute` is read from a ref so a new closure with the same inputs does not recompute
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      try {
        const value = latest.current();
        if (!cancelled) setState({ value, error: undefined, pending: false });
      } catch (error) {
        if (!cancelled) setState((s) => ({ ...s, error, pending: false }));
      }
    }, 16);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key]);
  return state;
}
