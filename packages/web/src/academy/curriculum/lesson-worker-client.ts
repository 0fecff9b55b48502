import type { ComputationRequest, ComputationResponse } from './lesson-computations';

/** What the client needs of a worker: post a request, stop it. Answers and failures come through the callbacks. */
export interface WorkerPort {
  post(request: ComputationRequest): void;
  terminate(): void;
}

/** Starts a worker that calls `onAnswer` with each answer and `onFailure` if the worker itself breaks. */
export type StartWorker = (
  onAnswer: (response: ComputationResponse) => void,
  onFailure: (message: string) => void,
) => WorkerPort;

/** How a call ends: its value, or an error to show. */
export type Outcome = { value: unknown } | { error: Error };

interface Job {
  request: ComputationRequest;
  settle: (outcome: Outcome) => void;
}

/**
 * Sends lesson computations to one worker, one at a time. A worker cannot stop a synchronous fit halfway, so the
 * client keeps the queue on the page side: a request cancelled before it was sent is never sent (dragging a
 * slider across five steps fits once or twice, not five times), and one cancelled while the worker runs it is
 * left to finish with its answer ignored. The worker starts on the first call and again after a failure.
 */
export class LessonWorkerClient {
  private port: WorkerPort | undefined;
  private running: Job | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly start: StartWorker) {}

  /** Queues a call; returns a function that cancels it (its outcome is then never delivered). */
  call(name: string, args: unknown[], settle: (outcome: Outcome) => void): () => void {
    const job: Job = { request: { id: this.nextId++, name, args }, settle };
    this.queue.push(job);
    this.pump();
    return () => {
      const queued = this.queue.indexOf(job);
      if (queued >= 0) this.queue.splice(queued, 1);
      job.settle = () => {};
    };
  }

  /** Requests waiting to be sent (the one the worker runs is not counted). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Stops the worker; a call still queued or running gets an error (a mounted part would show it). */
  terminate(): void {
    this.port?.terminate();
    this.port = undefined;
    this.failAll('The lesson worker was stopped.');
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift() as Job;
    this.running = job;
    try {
      this.port ??= this.start(
        (response) => this.answer(response),
        (message) => this.broke(message),
      );
      this.port.post(job.request);
    } catch (error) {
      // No worker at all (an old browser, a policy forbidding it): every part says so instead of spinning.
      this.port = undefined;
      this.failAll(`The lesson worker could not start: ${error instanceof Error ? error.message : error}`);
    }
  }

  private answer(response: ComputationResponse): void {
    const job = this.running;
    if (!job || job.request.id !== response.id) return;
    this.running = undefined;
    job.settle('error' in response ? { error: new Error(response.error) } : { value: response.value });
    this.pump();
  }

  private broke(message: string): void {
    this.port?.terminate();
    this.port = undefined;
    this.failAll(message);
  }

  private failAll(message: string): void {
    const jobs = [...(this.running ? [this.running] : []), ...this.queue.splice(0)];
    this.running = undefined;
    for (const job of jobs) job.settle({ error: new Error(message) });
  }
}

/** The real worker: a same-origin module worker that Vite bundles with the engine and the curriculum. */
const startLessonWorker: StartWorker = (onAnswer, onFailure) => {
  const worker = new Worker(new URL('./lesson-worker.ts', import.meta.url), {
    type: 'module',
    name: 'lesson-computations',
  });
  worker.onmessage = (event: MessageEvent<ComputationResponse>) => onAnswer(event.data);
  worker.onmessageerror = () => onFailure('An answer of the lesson worker could not be read.');
  worker.onerror = (event) => {
    event.preventDefault();
    onFailure(`The lesson worker failed: ${event.message || 'its script did not load'}.`);
  };
  return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
};

/** How long the worker (and the fits cached in it) outlives the last lesson part, e.g. a visit to the hub. */
export const IDLE_MS = 60_000;

let shared: LessonWorkerClient | undefined;
let users = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The page's one lesson worker, shared by every part. Each caller releases it when done; when no part has used
 * it for IDLE_MS the worker is terminated, freeing the lab data and fits it holds after the learner has left
 * the lessons, while moving from one lesson to the next keeps its caches warm.
 */
export function acquireLessonWorker(): LessonWorkerClient {
  users++;
  clearTimeout(idleTimer);
  shared ??= new LessonWorkerClient(startLessonWorker);
  return shared;
}

export function releaseLessonWorker(): void {
  users = Math.max(0, users - 1);
  if (users > 0) return;
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    shared?.terminate();
    shared = undefined;
  }, IDLE_MS);
}
