import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Piscina } from 'piscina';
import type { DatasetService } from '../datasets/service';
import { httpError } from '../errors';
import type { ModelService } from '../models/service';
import type { Store } from '../store/db';
import { prepareTraining, type TrainRequest } from '../training/prepare';
import { type RunInPool, runTraining } from '../training/run-training';
import type { PredictInput, PredictOutput } from '../training/types';
import { createPool, poolRunner } from './pool';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';
const FINAL: JobStatus[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];

export interface Job {
  id: string;
  kind: 'train';
  status: JobStatus;
  progress: number;
  message: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  spec: Record<string, unknown>;
  error: { code: string; message: string } | null;
  result: { modelId: string } | null;
}

interface JobRow {
  id: string;
  kind: 'train';
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
  private closing = false;

  constructor(
    private readonly store: Store,
    private readonly datasets: DatasetService,
    private readonly models: ModelService,
    options: { threads: number | null },
  ) {
    this.pool = createPool(options.threads);
    this.run = poolRunner(this.pool);
    this.events.setMaxListeners(0);
  }

  /** At start: a job that was queued or running when the server stopped can never finish; say so. */
  async recover(): Promise<number> {
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
    if (this.running.size >= MAX_QUEUED) throw httpError('QUEUE_FULL', { queued: this.running.size });
    const prepared = await prepareTraining(this.datasets, request);
    const id = randomUUID();
    const spec = {
      ...request,
      testRows: request.testRows ? `${request.testRows.length} rows` : undefined,
      task: prepared.input.task,
    };
    await this.store.run(
      "INSERT INTO jobs (id, kind, status, message, spec) VALUES ($1, 'train', 'queued', 'Waiting for a worker', $2)",
      [id, JSON.stringify(spec)],
    );
    const controller = new AbortController();
    this.running.set(id, controller);
    const done: Promise<void> = this.execute(id, prepared, request.name, controller.signal).finally(() => {
      this.running.delete(id);
      this.pending.delete(done);
    });
    this.pending.add(done);
    return this.get(id);
  }

  private async execute(
    id: string,
    prepared: Awaited<ReturnType<typeof prepareTraining>>,
    name: string | undefined,
    signal: AbortSignal,
  ): Promise<void> {
    let lastWrite = 0;
    const progress = (fraction: number, message: string) => {
      // Every progress message reaches listeners; the database row is updated at most every 250 ms.
      this.emit(id, { status: 'running', progress: fraction, message });
      const now = Date.now();
      if (now - lastWrite > 250) {
        lastWrite = now;
        void this.store.run(
          "UPDATE jobs SET progress = $1, message = $2 WHERE id = $3 AND status = 'running'",
          [fraction, message, id],
        );
      }
    };
    try {
      await this.update(id, { status: 'running', progress: 0, message: 'Starting', started: true });
      const output = await runTraining(this.run, prepared.input, { signal, progress });
      const model = await this.models.create({ prepared, output, name });
      await this.update(id, {
        status: 'succeeded',
        progress: 1,
        message: `Done: ${model.name} v${model.version}`,
        result: { modelId: model.id },
      });
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
    await this.store.run(
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
    );
    this.emit(id, await this.get(id));
  }

  /** Graceful shutdown: running jobs are stopped and recorded as interrupted before the pool goes. */
  async close(): Promise<void> {
    this.closing = true;
    for (const controller of this.running.values()) controller.abort();
    await Promise.allSettled([...this.pending]);
    await this.pool.destroy();
  }
}
