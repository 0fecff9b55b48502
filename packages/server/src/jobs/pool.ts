import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';

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
