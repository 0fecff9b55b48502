/**
 * Running one kernel on several threads over shared memory.
 *
 * The library never starts a thread: it runs in browsers, workers and servers alike. A host that has threads (the
 * server's worker pool, the benchmark) passes a `ParallelTeam` in a fit's options, and the hot loops that split
 * cleanly — per feature, or per range of rows — run on every member at once. Kernels are looked up by name in the
 * library's own table (`PARALLEL_KERNELS`) on every thread, so only numbers and shared buffers cross threads,
 * never code.
 *
 * The protocol: `open` hands every member the kernel's shared data (typed arrays over `SharedArrayBuffer`s) and
 * each one builds its state with `kernel.init`; `post` sends a later message (a new shared buffer) the same way;
 * `run(op, …)` cuts the op into the chunks the kernel asks for, the members (the caller's thread among them) run
 * them, and it returns when all are done. Chunks write to disjoint parts of the shared buffers, so no locks are
 * needed beyond the team's barrier.
 */
export interface ParallelTeam {
  /** Threads in the team, the caller's included (1 = no parallelism). */
  readonly size: number;
  open(kernel: string, data: unknown): void;
  post(message: unknown): void;
  run(op: number, a: number, b: number, c: number, d: number): void;
  close(): void;
}

/**
 * A kernel: what every member of a team knows how to run. An op is cut into `chunks(…)` chunks, and `run` does one
 * of them; members claim chunks as they come free, so chunks must be independent (disjoint writes).
 */
export interface ParallelKernel<State = unknown> {
  init(data: unknown): State;
  message(state: State, message: unknown): void;
  chunks(state: State, op: number, a: number, b: number, c: number, d: number, teamSize: number): number;
  run(
    state: State,
    op: number,
    a: number,
    b: number,
    c: number,
    d: number,
    chunk: number,
    chunks: number,
  ): void;
}

/** The bounds of part `part` of `parts` equal shares of `[start, end)`. */
export function partBounds(start: number, end: number, part: number, parts: number): [number, number] {
  const n = end - start;
  return [start + Math.floor((n * part) / parts), start + Math.floor((n * (part + 1)) / parts)];
}

/** A typed array whose memory other threads can share (a `SharedArrayBuffer`). */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * 8));
}

export function sharedInt32(length: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(length * 4));
}

export function sharedUint8(length: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(length));
}

export function sharedFloat32(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(length * 4));
}
