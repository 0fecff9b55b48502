import type { ApiClient } from './client';
import { ApiError, abortError, isAbortError } from './errors';
import { SseParser } from './sse';
import { FINAL_JOB_STATUSES, type Job } from './types';

export interface WatchOptions {
  /** Called with every new state of the job, including the final one. */
  onUpdate: (job: Job) => void;
  signal?: AbortSignal;
  /** How often to ask when the event stream is not available. */
  pollIntervalMs?: number;
}

export function isFinal(job: Job): boolean {
  return FINAL_JOB_STATUSES.has(job.status);
}

/** Jobs carried by `event: job` frames; other events and unreadable data are skipped. */
export function jobsFromEvents(events: { event: string; data: string }[]): Job[] {
  const jobs: Job[] = [];
  for (const { event, data } of events) {
    if (event !== 'job') continue;
    try {
      const job = JSON.parse(data) as Job;
      if (job && typeof job === 'object' && typeof job.status === 'string') jobs.push(job);
    } catch {
      // A half-written frame is not worth failing the whole watch for; the next frame brings the full state.
    }
  }
  return jobs;
}

/**
 * Follows a job until it reaches a final status and resolves with that state. Listens to
 * `GET /api/jobs/:id/events`; if the stream cannot be opened or ends early, asks `GET /api/jobs/:id` every
 * second instead.
 */
export async function watchJob(client: ApiClient, id: string, options: WatchOptions): Promise<Job> {
  try {
    const final = await streamJob(client, id, options);
    if (final) return final;
  } catch (error) {
    if (isAbortError(error)) throw error;
    // Fall through: a proxy that buffers or drops the stream must not stop the person from seeing the result.
  }
  return pollJob(client, id, options);
}

/** Resolves with the final job, or null if the stream ended before one arrived. */
export async function streamJob(client: ApiClient, id: string, options: WatchOptions): Promise<Job | null> {
  const response = await client.request(`/api/jobs/${encodeURIComponent(id)}/events`, {
    headers: { Accept: 'text/event-stream' },
    signal: options.signal,
  });
  if (!response.body) return null;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const events = done
        ? parser.push(decoder.decode()).concat(parser.end())
        : parser.push(decoder.decode(value, { stream: true }));
      for (const job of jobsFromEvents(events)) {
        options.onUpdate(job);
        if (isFinal(job)) return job;
      }
      if (done) return null;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

// While polling, a server restart or a flaky network should not end the watch at the first failed request.
const MAX_POLL_FAILURES = 5;

export async function pollJob(client: ApiClient, id: string, options: WatchOptions): Promise<Job> {
  const interval = options.pollIntervalMs ?? 1000;
  let failures = 0;
  for (;;) {
    try {
      const job = await client.get<Job>(`/api/jobs/${encodeURIComponent(id)}`, { signal: options.signal });
      failures = 0;
      options.onUpdate(job);
      if (isFinal(job)) return job;
    } catch (error) {
      const transient = error instanceof ApiError && (error.statusCode === 0 || error.statusCode >= 500);
      if (!transient || ++failures >= MAX_POLL_FAILURES) throw error;
    }
    await sleep(interval, options.signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
