import { setMaxListeners } from 'node:events';
import type { RunInPool } from '../training/run-training';
import type { CellInput, CellOutput } from './types';

export interface RunCellsOptions {
  signal?: AbortSignal;
  /** Called as each cell finishes (in finishing order). */
  onDone?: (index: number, output: CellOutput) => void;
  /** At most this many cells handed to the pool at once (default: all; the pool queues them). */
  concurrency?: number;
  /** Asked before a cell starts; false skips it (its output stays null): how a time budget stops a search. */
  shouldStart?: (index: number) => boolean;
}

/**
 * Runs cells in the worker pool, as many at once as allowed. A cell whose model fails reports it in its output
 * (`error`); a task that throws (a worker crash, out of memory, cancel) stops the others — they would only burn
 * the threads — and the error is rethrown.
 */
export async function runCells(
  run: RunInPool,
  cells: readonly CellInput[],
  options: RunCellsOptions = {},
): Promise<(CellOutput | null)[]> {
  const stop = new AbortController();
  const signal = options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]);
  // Every pool task listens to the signal: more than Node's default warning limit.
  setMaxListeners(0, signal);
  if (options.signal !== undefined) setMaxListeners(0, options.signal);
  const outputs: (CellOutput | null)[] = cells.map(() => null);
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (next < cells.length && failure === null) {
      const index = next++;
      if (options.shouldStart !== undefined && !options.shouldStart(index)) continue;
      try {
        const output = (await run(cells[index], { signal })) as CellOutput;
        outputs[index] = output;
        options.onDone?.(index, output);
      } catch (err) {
        if (failure === null) failure = err;
        stop.abort();
      }
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? cells.length, cells.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  if (failure !== null) throw failure;
  options.signal?.throwIfAborted();
  return outputs;
}
