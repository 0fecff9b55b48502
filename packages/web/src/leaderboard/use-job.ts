import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { isAbortError } from '../api/errors';
import { isFinal, watchJob } from '../api/job-events';
import type { Job } from '../api/types';

export interface JobRun<T> {
  job: Job | null;
  /** What the finished job produced (a leaderboard, a tuning, a model), once loaded. */
  result: T | null;
  error: unknown;
  setError: (error: unknown) => void;
  running: boolean;
  cancelling: boolean;
  /** POSTs `body` to `path` (a route that answers 202 with a Job) and follows the job. */
  start: (path: string, body: unknown) => Promise<void>;
  cancel: () => Promise<void>;
  /** Forgets the job (and stops following it), e.g. when what it produced no longer applies. */
  reset: () => void;
}

/**
 * Starts a job, follows it until it ends, and loads what it produced with `load` (given the job's result).
 * One job at a time: starting another stops following the first.
 */
export function useJob<T>(load: (job: Job, signal: AbortSignal) => Promise<T>): JobRun<T> {
  const [job, setJob] = useState<Job | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState(false);
  const watcher = useRef<AbortController | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => () => watcher.current?.abort(), []);

  const start = useCallback(async (path: string, body: unknown) => {
    watcher.current?.abort();
    const controller = new AbortController();
    watcher.current = controller;
    setError(null);
    setResult(null);
    try {
      const created = await api.post<Job>(path, body);
      setJob(created);
      const final = isFinal(created)
        ? created
        : await watchJob(api, created.id, { onUpdate: setJob, signal: controller.signal });
      setJob(final);
      if (final.status === 'succeeded') setResult(await loadRef.current(final, controller.signal));
    } catch (reason) {
      if (!isAbortError(reason)) setError(reason);
    }
  }, []);

  const cancel = useCallback(async () => {
    if (!job) return;
    setCancelling(true);
    try {
      setJob(await api.post<Job>(`/api/jobs/${encodeURIComponent(job.id)}/cancel`, {}));
    } catch (reason) {
      setError(reason);
    } finally {
      setCancelling(false);
    }
  }, [job]);

  const reset = useCallback(() => {
    watcher.current?.abort();
    setJob(null);
    setResult(null);
    setError(null);
  }, []);

  return {
    job,
    result,
    error,
    setError,
    running: job !== null && !isFinal(job),
    cancelling,
    start,
    cancel,
    reset,
  };
}
