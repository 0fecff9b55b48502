import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbortError } from './errors';

export interface RequestState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replace the data locally after a change the server confirmed (rename, delete…). */
  setData: (update: (previous: T | undefined) => T | undefined) => void;
}

/**
 * Loads data for a component. `key` names what is loaded: when it changes the load runs again (and the
 * previous one is aborted); null means "nothing to load yet".
 */
export function useRequest<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): RequestState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(key !== null);
  const [revision, setRevision] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: revision is the reload trigger
  useEffect(() => {
    if (key === null) {
      setDataState(undefined);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    loadRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setDataState(value);
        setLoading(false);
      },
      (reason: unknown) => {
        if (controller.signal.aborted || isAbortError(reason)) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, revision]);

  const reload = useCallback(() => setRevision((r) => r + 1), []);
  const setData = useCallback(
    (update: (previous: T | undefined) => T | undefined) => setDataState(update),
    [],
  );
  return { data, error, loading, reload, setData };
}
