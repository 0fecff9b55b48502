import { MlError } from './errors';
import type { ParallelTeam } from './parallel';

/**
 * The part of `AbortSignal` the library reads. Declared here because the library compiles without DOM or Node
 * types; a real `AbortSignal` fits it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

export type ProgressCallback = (fraction: number, message?: string) => void;

/** The third argument of every `fit`: cancellation and progress, so training can run in a worker or a browser. */
export interface FitOptions {
  signal?: AbortSignalLike;
  onProgress?: ProgressCallback;
  /**
   * Threads the host lends to the fit (see `core/parallel.ts`). Estimators that can use them (histogram gradient
   * boosting) give the same result with or without; the others ignore it.
   */
  team?: ParallelTeam;
}

/**
 * Throws `MlError('ABORTED')` (with the signal's reason as `cause`) once the signal is aborted. Long loops call it
 * every iteration or every few thousand rows.
 */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) {
    throw new MlError('ABORTED', 'The operation was cancelled.', { cause: signal.reason });
  }
}

/**
 * Options for a sub-task that covers `[start, end]` of the parent's progress: a pipeline step or one
 * cross-validation fit reports 0..1 and the parent sees start..end.
 */
export function subTaskOptions(options: FitOptions, start: number, end: number, prefix?: string): FitOptions {
  const { signal, onProgress } = options;
  if (onProgress === undefined) return { signal };
  return {
    signal,
    onProgress: (fraction, message) =>
      onProgress(
        start + (end - start) * Math.min(1, Math.max(0, fraction)),
        prefix && message ? `${prefix}: ${message}` : (message ?? prefix),
      ),
  };
}
