import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Piscina } from 'piscina';
import type { DatasetService } from '../datasets/service';
import { httpError } from '../errors';
import type { ModelService } from '../models/service';
import type { Store } from '../store/db';
import { prepareTraining, type TrainRequest } from '../training/prepare';
import { type RunInPool, runTraining } from '../training/run-training';
import type { PredictInput, PredictOutput, Progress } from '../training/types';
import { createPool, poolRunner } from './pool';
import { trainCharts } from './train-charts';
import { boundTrainParams } from './train-params';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';
const FINAL: JobStatus[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];
export type JobKind = 'train' | 'leaderboard' | 'tune' | 'save' | 'forecast' | 'anomalies';

/** What a job's work gets: its id, the cancel signal, a progress reporter and the worker pool. */
export interface JobContext {
  id: string;
  signal: AbortSignal;
  progress: Progress;
  run: RunInPool;
}
/** A job's work: runs in the server (handing computation to the pool) and says what it produced. */
export type JobWork = (context: JobContext) => Promise<{ result: Record<string, unknown>; message: string }>;

export interface Job {
  id: string;
  kind: JobKind;
  status: JobStatus;
  progress: number;
  message: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  spec: Record<string, unknown>;
  error: { code: string; message: string } | null;
  result: Record<string, unknown> | null;
}

interface JobRow {
  id: string;
  kind: JobKind;
  status: JobStatus;
  progress: number;
  message: string;
  spec: string;
  error: string | null;
  result: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
const toJob = (r: JobRow): Job => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  progress: r.progress,
  message: r.message,
  createdAt: iso(r.created_at) as string,
  startedAt: iso(r.started_at),
  finishedAt: iso(r.finished_at),
  spec: JSON.parse(r.spec),
  error: r.error === null ? null : JSON.parse(r.error),
  result: r.result === null ? null : JSON.parse(r.result),
});

/** The default bound on jobs queued or running at once (config `maxQueuedJobs`). */
export const MAX_QUEUED = 50;

/**
 * Jobs: persisted in DuckDB (so a restart knows what was running), computed in the worker pool, observable
 * through events (server-sent to the UI) and cancellable (the worker running it is stopped).
 */
export class JobService {
  readonly pool: Piscina;
  private readonly run: RunInPool;
  private readonly events = new EventEmitter();
  private readonly running = new Map<string, AbortController>();
  private readonly pending = new Set<Promise<void>>();
  private readonly writes = new Map<string, Promise<void>>();
  private closing = false;
  private readonly maxQueued: number;

  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetService,
    private readonly models: ModelService,
    options: { threads: number | null; maxQueuedJobs?: number },
  ) {
    this.maxQueued = options.maxQueuedJobs ?? MAX_QUEUED;
    this.pool = createPool(options.threads);
    this.run = poolRunner(this.pool);
    this.events.setMaxListeners(0);
  }

  /**
   * At start: a job that was queued or running when the server stopped can never finish; say so. Except one
   * whose model version was committed just before the stop (model_jobs, written in the version's transaction):
   * its work is done, so it is recorded as succeeded with that model, and no version is left without its job.
   */
  async recover(): Promise<number> {
    await this.store.run(
      `UPDATE jobs SET status = 'succeeded', progress = 1, finished_at = now(),
         result = json_object('modelId', m.id)::VARCHAR,
         message = 'Done: ' || m.name || ' v' || m.version || ' (saved just before the server stopped)'
       FROM model_jobs mj JOIN models m ON m.id = mj.model_id
       WHERE mj.job_id = jobs.id AND jobs.status IN ('queued', 'running')`,
    );
    const rows = await this.store.all<{ id: string }>(
      "SELECT id FROM jobs WHERE status IN ('queued', 'running')",
    );
    await this.store.run(
      `UPDATE jobs SET status = 'interrupted', finished_at = now(),
         message = 'Interrupted: the server stopped while this job was running. Start it again.'
       WHERE status IN ('queued', 'running')`,
    );
    return rows.length;
  }

  async list(): Promise<Job[]> {
    return (await this.store.all<JobRow>('SELECT * FROM jobs ORDER BY created_at DESC, id LIMIT 200')).map(
      toJob,
    );
  }

  async get(id: string): Promise<Job> {
    const row = await this.store.one<JobRow>('SELECT * FROM jobs WHERE id = $1', [id]);
    if (row === undefined) throw httpError('JOB_NOT_FOUND', { id });
    return toJob(row);
  }

  /** Validates the request (422 before any job exists), records the job, and starts it. */
  async submitTrain(request: TrainRequest & { name?: string }): Promise<Job> {
    this.refuseWhenFull();
    const prepared = await prepareTraining(this.datasets, request);
    boundTrainParams(request.model ?? 'auto', prepared.input.task, request.params ?? {});
    const spec = {
      ...request,
      testRows: request.testRows ? `${request.testRows.length} rows` : undefined,
      task: prepared.input.task,
      warnings: prepared.leakageWarnings,
    };
    return this.submit('train', spec, async (context) => {
      const output = await runTraining(context.run, prepared.input, context);
      context.progress(0.97, 'Charting the holdout: curves, importance, partial dependence');
      // Charts help; they never cost a trained model (a failure leaves them out).
      const charts = await trainCharts(context.run, prepared, output, context.signal).catch(() => null);
      const model = await this.models.create({
        prepared,
        output,
        name: request.name,
        charts,
        jobId: context.id,
      });
      return { result: { modelId: model.id }, message: `Done: ${model.name} v${model.version}` };
    });
  }

  /**
   * Records a job of any kind (`queued`) and starts its work: progress goes to subscribers and (throttled) to the
   * row; the outcome — succeeded with its result, failed with a code, cancelled, or interrupted by a shutdown —
   * is written before it is announced. Check the request before calling this: a job exists from here on.
   */
  async submit(kind: JobKind, spec: Record<string, unknown>, work: JobWork): Promise<Job> {
    this.refuseWhenFull();
    const id = randomUUID();
    // The slot is taken before the first await: concurrent submits cannot all pass the check above.
    const controller = new AbortController();
    this.running.set(id, controller);
    try {
      await this.store.run(
        "INSERT INTO jobs (id, kind, status, message, spec) VALUES ($1, $2, 'queued', 'Waiting for a worker', $3)",
        [id, kind, JSON.stringify(spec)],
      );
    } catch (err) {
      this.running.delete(id);
      throw err;
    }
    const done: Promise<void> = this.execute(id, work, controller.signal).finally(() => {
      this.running.delete(id);
      this.pending.delete(done);
    });
    this.pending.add(done);
    return this.get(id);
  }

  /** 429 TOO_BUSY (the error handler adds Retry-After) when `maxQueuedJobs` are queued or running. */
  private refuseWhenFull(): void {
    if (this.running.size >= this.maxQueued)
      throw httpError('TOO_BUSY', { queued: this.running.size, limit: this.maxQueued });
  }

  private async execute(id: string, work: JobWork, signal: AbortSignal): Promise<void> {
    let lastWrite = 0;
    const progress = (fraction: number, message: string) => {
      // Every progress message reaches listeners; the database row is updated at most every 250 ms.
      this.emit(id, { status: 'running', progress: fraction, message });
      const now = Date.now();
      if (now - lastWrite > 250) {
        lastWrite = now;
        void this.write(id, () =>
          this.store.run("UPDATE jobs SET progress = $1, message = $2 WHERE id = $3 AND status = 'running'", [
            fraction,
            message,
            id,
          ]),
        ).catch(() => undefined); // a lost progress write is harmless: the next one or the final status follows
      }
    };
    try {
      await this.update(id, { status: 'running', progress: 0, message: 'Starting', started: true });
      const { result, message } = await work({ id, signal, progress, run: this.run });
      await this.update(id, { status: 'succeeded', progress: 1, message, result });
    } catch (err) {
      const e = err as Error & { code?: string };
      if (this.closing) {
        await this.update(id, {
          status: 'interrupted',
          message: 'Interrupted: the server shut down. Start it again.',
        });
      } else if (signal.aborted || e.name === 'AbortError') {
        await this.update(id, { status: 'cancelled', message: 'Cancelled by the user' });
      } else {
        const code = e.code && e.code !== 'INTERNAL' ? e.code : 'TRAINING_FAILED';
        await this.update(id, {
          status: 'failed',
          message: `Failed: ${e.message}`,
          error: { code, message: e.message },
        });
      }
    }
  }

  async cancel(id: string): Promise<Job> {
    const job = await this.get(id);
    if (FINAL.includes(job.status)) throw httpError('JOB_FINISHED', { id, status: job.status });
    this.running.get(id)?.abort();
    return job;
  }

  /** Runs a prediction in the pool (never on the event loop). */
  async predict(input: PredictInput): Promise<PredictOutput> {
    return (await this.pool.run(input)) as PredictOutput;
  }

  /** Calls `listener` with the job on every change until it reaches a final status; returns an unsubscribe. */
  subscribe(id: string, listener: (job: Partial<Job>) => void): () => void {
    this.events.on(id, listener);
    return () => this.events.off(id, listener);
  }

  private emit(id: string, patch: Partial<Job>): void {
    this.events.emit(id, { id, ...patch });
  }

  private async update(
    id: string,
    patch: {
      status: JobStatus;
      progress?: number;
      message: string;
      started?: boolean;
      error?: object;
      result?: object;
    },
  ): Promise<void> {
    const final = FINAL.includes(patch.status);
    await this.write(id, () =>
      this.store.run(
        `UPDATE jobs SET status = $1, progress = coalesce($2, progress), message = $3, error = $4, result = $5,
         started_at = CASE WHEN $6 THEN now() ELSE started_at END,
         finished_at = CASE WHEN $7 THEN now() ELSE finished_at END
       WHERE id = $8`,
        [
          patch.status,
          patch.progress ?? null,
          patch.message,
          patch.error ? JSON.stringify(patch.error) : null,
          patch.result ? JSON.stringify(patch.result) : null,
          patch.started === true,
          final,
          id,
        ],
      ),
    );
    this.emit(id, await this.get(id));
  }

  /**
   * Writes to one job's row one after another: a throttled progress write still in flight when the final status
   * is written would otherwise conflict with it in DuckDB ("Conflict on update") and lose the final status.
   */
  private write(id: string, fn: () => Promise<void>): Promise<void> {
    const next = (this.writes.get(id) ?? Promise.resolve()).catch(() => undefined).then(fn);
    this.writes.set(id, next);
    const clear = () => {
      if (this.writes.get(id) === next) this.writes.delete(id);
    };
    next.then(clear, clear);
    return next;
  }

  /** Graceful shutdown: running jobs are stopped and recorded as interrupted before the pool goes. */
  async close(): Promise<void> {
    this.closing = true;
    for (const controller of this.running.values()) controller.abort();
    await Promise.allSettled([...this.pending]);
    await this.pool.destroy();
  }
}
