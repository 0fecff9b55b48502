import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { PARALLEL_KERNELS, type ParallelKernel, type ParallelTeam } from '@quarry/ml';
import {
  CONTROL,
  claimChunks,
  closeOp,
  MAX_CHUNKS,
  nextGeneration,
  publishOp,
  type TeamMessage,
  ticketOf,
} from './thread-team-protocol';

const WORKER_URL = new URL('./team-worker.mjs', import.meta.url);
const SPINS = 50_000;

/**
 * A `ParallelTeam` (see `@quarry/ml`'s core/parallel.ts) of worker threads: the caller's thread and `size − 1`
 * workers share a control block. Each op is split into chunks that members claim as they come free (see
 * thread-team-protocol.ts), the caller included, so a worker that is slow to wake costs nothing but its absence.
 * Workers spin briefly before sleeping, because a tree's ops follow one another within microseconds.
 *
 * A team serves one fit at a time; `dispose()` ends the workers. Start it with `await ThreadTeam.start(n)`.
 */
export class ThreadTeam implements ParallelTeam {
  readonly size: number;
  readonly #control = new Int32Array(new SharedArrayBuffer(CONTROL.length * 4));
  readonly #workers: Worker[] = [];
  readonly #ports: MessagePort[] = [];
  #kernel: ParallelKernel<unknown> | null = null;
  #state: unknown = null;
  #generation = 0;
  /** Ops run so far (for tests and diagnostics). */
  opsRun = 0;
  /** Diagnostics (`bench/tabular/profile-hgb.ts`): chunks handed out, and those the caller's thread ran itself. */
  chunksRun = 0;
  callerChunks = 0;
  /**
   * Milliseconds the caller spent waiting, its own chunks done, for chunks other members still ran: a team's
   * barrier cost plus its imbalance (counted only when `timeWaits` is on, as it reads the clock twice per op).
   */
  waitMs = 0;
  timeWaits = false;

  private constructor(size: number) {
    this.size = size;
  }

  /** A team of `size` threads (the caller's included); resolves once every worker is running. */
  static async start(size: number): Promise<ThreadTeam> {
    const team = new ThreadTeam(Math.max(1, Math.floor(size)));
    const online: Promise<void>[] = [];
    for (let part = 1; part < team.size; part++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER_URL, {
        workerData: { control: team.#control.buffer, port: port2 },
        transferList: [port2],
      });
      // Ready once the member has loaded the kernels and waits on the control block (it says so on the port).
      online.push(
        new Promise((resolve, reject) => {
          port1.once('message', () => resolve());
          worker.once('error', reject);
        }),
      );
      team.#workers.push(worker);
      team.#ports.push(port1);
    }
    await Promise.all(online);
    // An idle team does not keep the process alive.
    for (const worker of team.#workers) worker.unref();
    return team;
  }

  #send(message: TeamMessage): void {
    for (const port of this.#ports) port.postMessage(message);
  }

  open(kernel: string, data: unknown): void {
    const found = PARALLEL_KERNELS[kernel] as ParallelKernel<unknown> | undefined;
    if (found === undefined) throw new Error(`Unknown parallel kernel '${kernel}'.`);
    this.#kernel = found;
    this.#state = found.init(data);
    this.#send({ type: 'open', kernel, data });
  }

  post(message: unknown): void {
    this.#kernel?.message(this.#state, message);
    this.#send({ type: 'post', data: message });
  }

  run(op: number, a: number, b: number, c: number, d: number): void {
    const control = this.#control;
    const kernel = this.#kernel;
    if (kernel === null) throw new Error('ThreadTeam.run before open.');
    this.opsRun++;
    const chunks = Math.min(MAX_CHUNKS, kernel.chunks(this.#state, op, a, b, c, d, this.size));
    if (this.size === 1 || chunks <= 1) {
      for (let chunk = 0; chunk < chunks; chunk++) kernel.run(this.#state, op, a, b, c, d, chunk, chunks);
      return;
    }
    this.#generation = publishOp(control, this.#generation, op, [a, b, c, d], chunks);
    Atomics.notify(control, CONTROL.ticket);
    this.callerChunks += claimChunks(control, this.#generation, kernel, this.#state);
    this.chunksRun += chunks;
    const waitStart = this.timeWaits ? performance.now() : 0;
    // Chunks other members claimed may still be running.
    let spins = 0;
    for (;;) {
      const finished = Atomics.load(control, CONTROL.finished);
      if (finished >= chunks) break;
      if (++spins > SPINS) Atomics.wait(control, CONTROL.finished, finished, 1);
    }
    closeOp(control, this.#generation);
    if (this.timeWaits) this.waitMs += performance.now() - waitStart;
  }

  close(): void {
    this.#kernel = null;
    this.#state = null;
    this.#send({ type: 'close' });
  }

  async dispose(): Promise<void> {
    this.#send({ type: 'exit' });
    this.#generation = nextGeneration(this.#generation);
    this.#control[CONTROL.chunks] = 0;
    Atomics.store(this.#control, CONTROL.ticket, ticketOf(this.#generation));
    Atomics.notify(this.#control, CONTROL.ticket);
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
