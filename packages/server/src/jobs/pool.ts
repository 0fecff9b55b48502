import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { RunInPool } from '../training/run-training';

/**
 * The worker-thread pool every job runs in (training, prediction), so the event loop never computes. Workers
 * load TypeScript through tsx (see worker.mjs); `threads` caps how many run at once (default: all cores).
 */
export function createPool(threads: number | null): Piscina {
  return new Piscina({
    filename: fileURLToPath(new URL('./worker.mjs', import.meta.url)),
    maxThreads: threads ?? availableParallelism(),
    minThreads: 0,
    idleTimeout: 60_000,
    // A worker that exceeds this heap dies with ERR_WORKER_OUT_OF_MEMORY instead of taking the server down.
    resourceLimits: { maxOldGenerationSizeMb: 8192 },
  });
}

/** Runs tasks in `pool`; progress messages come back through a MessagePort handed to the worker. */
export function poolRunner(pool: Piscina): RunInPool {
  return async (input, { signal, progress }) => {
    if (progress === undefined) return pool.run(input, { signal });
    const { port1, port2 } = new MessageChannel();
    port1.on('message', ({ fraction, message }: { fraction: number; message: string }) =>
      progress(fraction, message),
    );
    try {
      return await pool.run({ ...input, port: port2 }, { signal, transferList: [port2] as never });
    } finally {
      port1.close();
    }
  };
}
