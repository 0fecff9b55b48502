import type { ParallelKernel } from '@quarry/ml';

/**
 * The shared control block of a ThreadTeam (an Int32Array) and the chunk-claiming loop every member runs.
 *
 * An op is split into chunks (the kernel says how many). The caller publishes the op's arguments, then a new
 * ticket: `generation << CHUNK_BITS | 0`. Every member — the caller too — claims chunks by bumping the ticket
 * with compare-and-swap while its generation is current and its chunk number below the op's count, and counts each
 * chunk it finishes. A member that is late (descheduled by another process) simply finds nothing left: the others
 * have done its share, so a busy machine slows a fit down to one thread's speed, never below it.
 *
 * Why the arguments a member reads are the op's own: it reads them after seeing the op's generation and before its
 * compare-and-swap; that swap succeeds only if the chunk was still unclaimed, and while a chunk is unclaimed the op
 * is not finished, so the caller cannot have begun writing the next op's arguments. "Unclaimed" needs care once
 * every chunk is claimed: the ticket then reads `generation | chunks`, and a member that loaded it just before the
 * caller wrote the next op's (larger) chunk count would take it for an unclaimed chunk of the next op, run it with
 * half-written arguments under the old generation, and count it as finished in the next op (seen once in a
 * benchmark: one 26-class fit in three at two threads gave other trees). So once an op is done the caller closes
 * its ticket (`closeOp`, chunk number CLOSED, above any op's count) before it writes anything of the next op; a
 * member's swap on the old ticket then fails, and it finds the op closed.
 */
export const CONTROL = {
  ticket: 0,
  finished: 1,
  op: 2,
  a: 3,
  b: 4,
  c: 5,
  d: 6,
  chunks: 7,
  length: 8,
} as const;

export const CHUNK_BITS = 10;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;
/** The chunk number of a closed op's ticket: no op has this many chunks. */
const CLOSED = CHUNK_MASK;
export const MAX_CHUNKS = CLOSED - 1;
const GENERATION_MASK = (1 << (31 - CHUNK_BITS)) - 1;

export const generationOf = (ticket: number) => (ticket >>> CHUNK_BITS) & GENERATION_MASK;
export const nextGeneration = (generation: number) => (generation + 1) & GENERATION_MASK;
export const ticketOf = (generation: number) => generation << CHUNK_BITS;

/**
 * The caller's side of publishing an op: its arguments and chunk count, then a new ticket (the previous op must be
 * closed); returns the op's generation.
 */
export function publishOp(
  control: Int32Array,
  previous: number,
  op: number,
  args: readonly [number, number, number, number],
  chunks: number,
): number {
  control[CONTROL.op] = op;
  control[CONTROL.a] = args[0];
  control[CONTROL.b] = args[1];
  control[CONTROL.c] = args[2];
  control[CONTROL.d] = args[3];
  control[CONTROL.chunks] = chunks;
  Atomics.store(control, CONTROL.finished, 0);
  const generation = nextGeneration(previous);
  Atomics.store(control, CONTROL.ticket, ticketOf(generation));
  return generation;
}

/** Once every chunk of the op of `generation` has finished: no member can claim a chunk of it any more. */
export function closeOp(control: Int32Array, generation: number): void {
  Atomics.store(control, CONTROL.ticket, ticketOf(generation) | CLOSED);
}

/** Claims and runs chunks of the op of `generation` until none is left; returns how many this member ran. */
export function claimChunks(
  control: Int32Array,
  generation: number,
  kernel: ParallelKernel<unknown>,
  state: unknown,
): number {
  let ran = 0;
  for (;;) {
    const ticket = Atomics.load(control, CONTROL.ticket);
    if (generationOf(ticket) !== generation) return ran;
    const chunk = ticket & CHUNK_MASK;
    const chunks = control[CONTROL.chunks];
    if (chunk >= chunks) return ran;
    const op = control[CONTROL.op];
    const a = control[CONTROL.a];
    const b = control[CONTROL.b];
    const c = control[CONTROL.c];
    const d = control[CONTROL.d];
    if (Atomics.compareExchange(control, CONTROL.ticket, ticket, ticket + 1) !== ticket) continue;
    kernel.run(state, op, a, b, c, d, chunk, chunks);
    ran++;
    if (Atomics.add(control, CONTROL.finished, 1) + 1 === chunks) Atomics.notify(control, CONTROL.finished);
  }
}

export type TeamMessage =
  | { type: 'open'; kernel: string; data: unknown }
  | { type: 'post'; data: unknown }
  | { type: 'close' }
  | { type: 'exit' };
