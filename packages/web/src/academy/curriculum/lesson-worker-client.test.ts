import { describe, expect, it, vi } from 'vitest';
import { type ComputationRequest, runComputation } from './lesson-computations';
import {
  acquireLessonWorker,
  IDLE_MS,
  LessonWorkerClient,
  type Outcome,
  releaseLessonWorker,
  type StartWorker,
} from './lesson-worker-client';

/**
 * A worker that runs the real lesson computations on a later macrotask, as a Web Worker answers after a message
 * round trip, and records what it was sent. Node has no Web Worker; the client's queueing is what is tested here,
 * the worker itself runs in the e2e journey (academy-curriculum.e2e.ts).
 */
function inProcessWorker() {
  const sent: ComputationRequest[] = [];
  let started = 0;
  let terminated = 0;
  let fail: ((message: string) => void) | undefined;
  const start: StartWorker = (onAnswer, onFailure) => {
    started++;
    fail = onFailure;
    return {
      post: (request) => {
        sent.push(request);
        setTimeout(() => onAnswer(structuredClone(runComputation(structuredClone(request)))), 0);
      },
      terminate: () => {
        terminated++;
      },
    };
  };
  return {
    start,
    sent,
    stats: () => ({ started, terminated }),
    crash: (message: string) => fail?.(message),
  };
}

function outcome() {
  let resolve: (o: Outcome) => void = () => {};
  const promise = new Promise<Outcome>((r) => {
    resolve = r;
  });
  return { settle: (o: Outcome) => resolve(o), promise };
}

describe('LessonWorkerClient', () => {
  it('runs one call at a time and answers each with its own value', async () => {
    const worker = inProcessWorker();
    const client = new LessonWorkerClient(worker.start);
    const a = outcome();
    const b = outcome();
    client.call('thresholdMetrics', [0.3], a.settle);
    client.call('thresholdMetrics', [0.7], b.settle);
    expect(worker.sent).toHaveLength(1); // the second waits on the page side
    expect(client.waiting).toBe(1);
    const [ra, rb] = await Promise.all([a.promise, b.promise]);
    expect(ra).toMatchObject({ value: { threshold: 0.3 } });
    expect(rb).toMatchObject({ value: { threshold: 0.7 } });
    expect(worker.sent.map((r) => r.args)).toEqual([[0.3], [0.7]]);
    expect(worker.stats().started).toBe(1);
  });

  it('never sends a call cancelled while queued, and drops the answer of one cancelled while running', async () => {
    const worker = inProcessWorker();
    const client = new LessonWorkerClient(worker.start);
    const delivered: unknown[] = [];
    const cancelFirst = client.call('thresholdMetrics', [0.1], (o) => delivered.push(o));
    const cancelSecond = client.call('thresholdMetrics', [0.2], (o) => delivered.push(o));
    const last = outcome();
    client.call('thresholdMetrics', [0.4], last.settle);
    cancelFirst(); // already running: it finishes, but nobody hears of it
    cancelSecond(); // still queued: never sent
    expect(client.waiting).toBe(1);
    expect(await last.promise).toMatchObject({ value: { threshold: 0.4 } });
    expect(worker.sent.map((r) => r.args[0])).toEqual([0.1, 0.4]);
    expect(delivered).toEqual([]);
  });

  it('delivers a failed computation as an error and keeps going', async () => {
    const worker = inProcessWorker();
    const client = new LessonWorkerClient(worker.start);
    const bad = outcome();
    const good = outcome();
    client.call('noSuchComputation', [], bad.settle);
    client.call('churnColumns', [], good.settle);
    const failed = await bad.promise;
    expect('error' in failed && failed.error).toBeInstanceOf(Error);
    expect('error' in failed && failed.error.message).toContain('noSuchComputation');
    expect(await good.promise).toMatchObject({ value: expect.arrayContaining(['contract_type']) });
  });

  it('fails the running and queued calls when the worker breaks, then starts a new worker', async () => {
    const worker = inProcessWorker();
    const client = new LessonWorkerClient(worker.start);
    const a = outcome();
    const b = outcome();
    client.call('thresholdMetrics', [0.5], a.settle);
    client.call('thresholdMetrics', [0.6], b.settle);
    worker.crash('The lesson worker failed: boom.');
    for (const o of await Promise.all([a.promise, b.promise])) {
      expect('error' in o && o.error.message).toBe('The lesson worker failed: boom.');
    }
    expect(worker.stats()).toEqual({ started: 1, terminated: 1 });
    const c = outcome();
    client.call('thresholdMetrics', [0.5], c.settle);
    expect(await c.promise).toMatchObject({ value: { threshold: 0.5 } });
    expect(worker.stats().started).toBe(2);
  });

  it('says so when no worker can be started at all', async () => {
    const client = new LessonWorkerClient(() => {
      throw new Error('Worker is not defined');
    });
    const a = outcome();
    client.call('churnColumns', [], a.settle);
    const o = await a.promise;
    expect('error' in o && o.error.message).toBe('The lesson worker could not start: Worker is not defined');
  });
});

describe('the shared lesson worker', () => {
  it('is one client for every part, dropped only after the last part has been gone for IDLE_MS', () => {
    vi.useFakeTimers();
    try {
      const first = acquireLessonWorker();
      expect(acquireLessonWorker()).toBe(first); // a second part shares it
      releaseLessonWorker();
      releaseLessonWorker();
      vi.advanceTimersByTime(IDLE_MS - 1);
      expect(acquireLessonWorker()).toBe(first); // back within the grace period: caches kept
      releaseLessonWorker();
      vi.advanceTimersByTime(IDLE_MS);
      const next = acquireLessonWorker();
      expect(next).not.toBe(first);
      releaseLessonWorker();
    } finally {
      vi.useRealTimers();
    }
  });
});
