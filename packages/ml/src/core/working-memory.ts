/**
 * Large working buffers, kept from one fit to the next instead of allocated again.
 *
 * A fit of gradient boosting on a million rows works in ~85 MB of its own: binned features, raw predictions,
 * gradients, the row partition. A fresh `ArrayBuffer` or `SharedArrayBuffer` is new memory from the operating
 * system, and the first write to each 4 KiB page of it is a page fault. On a virtual machine a fault can cost
 * ~13 µs (64 MB: 210 ms on the benchmark machine, against 2.5 ms to fill the same memory again), which is ~5% of
 * a two-thread fit. A C library's allocator hands freed memory back to the next request, which is why scikit-learn
 * takes no page faults in its second fit; this pool does the same for the buffers a fit leases: they go back to
 * the pool when the fit ends and the next fit that asks for the same size gets them, zeroed as new memory is.
 *
 * Only buffers of at least `MIN_POOLED_BYTES` are pooled, matched by exact size and kind (shared or not); at most
 * `limitBytes` stay idle (further returns are left to the garbage collector), and `clear()` drops them all.
 */
export const MIN_POOLED_BYTES = 1 << 16;

type AnyBuffer = ArrayBuffer | SharedArrayBuffer;

const keyOf = (bytes: number, shared: boolean) => (shared ? -bytes : bytes);

export class WorkingMemory {
  /** Idle bytes kept at most (256 MiB by default: the working memory of a fit on ~3 million rows × 20). */
  limitBytes: number;
  readonly #idle = new Map<number, AnyBuffer[]>();
  #idleBytes = 0;

  constructor(limitBytes = 256 * 1024 * 1024) {
    this.limitBytes = limitBytes;
  }

  /** Bytes held idle. */
  get idleBytes(): number {
    return this.#idleBytes;
  }

  /** A buffer of `bytes` bytes, all 0: an idle one of that size and kind if there is one, else a new one. */
  take(bytes: number, shared: boolean): AnyBuffer {
    const idle = this.#idle.get(keyOf(bytes, shared));
    const buffer = idle?.pop();
    if (buffer === undefined) return fresh(bytes, shared);
    this.#idleBytes -= bytes;
    new Uint8Array(buffer).fill(0);
    return buffer;
  }

  /** Hands a buffer back for a later `take` (the caller must not use it any more). */
  give(buffer: AnyBuffer): void {
    const bytes = buffer.byteLength;
    if (bytes < MIN_POOLED_BYTES || this.#idleBytes + bytes > this.limitBytes) return;
    const key = keyOf(bytes, buffer instanceof SharedArrayBuffer);
    const idle = this.#idle.get(key);
    if (idle === undefined) this.#idle.set(key, [buffer]);
    else idle.push(buffer);
    this.#idleBytes += bytes;
  }

  /** Drops every idle buffer. */
  clear(): void {
    this.#idle.clear();
    this.#idleBytes = 0;
  }

  /** A lease for one fit: the buffers it hands out all come back with `end()`. */
  lease(): Lease {
    return new Lease(this);
  }
}

/** Where a fit's typed arrays come from: a `Lease`, or `unpooled` (plain new memory). */
export interface Allocator {
  float64(length: number, shared?: boolean): Float64Array;
  float32(length: number, shared?: boolean): Float32Array;
  int32(length: number, shared?: boolean): Int32Array;
  uint8(length: number, shared?: boolean): Uint8Array;
}

const fresh = (bytes: number, shared: boolean): AnyBuffer =>
  shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);

/** New memory every time (tests, and code that runs outside a fit). */
export const unpooled: Allocator = {
  float64: (length, shared = false) => new Float64Array(fresh(length * 8, shared)),
  float32: (length, shared = false) => new Float32Array(fresh(length * 4, shared)),
  int32: (length, shared = false) => new Int32Array(fresh(length * 4, shared)),
  uint8: (length, shared = false) => new Uint8Array(fresh(length, shared)),
};

/**
 * The large buffers of one fit. Everything taken through a lease is the fit's own scratch: nothing the fitted
 * model keeps may come from it, since `end()` hands it to the next fit.
 */
export class Lease implements Allocator {
  readonly #memory: WorkingMemory;
  readonly #taken: AnyBuffer[] = [];

  constructor(memory: WorkingMemory) {
    this.#memory = memory;
  }

  #take(bytes: number, shared: boolean): AnyBuffer {
    if (bytes < MIN_POOLED_BYTES) return fresh(bytes, shared);
    const buffer = this.#memory.take(bytes, shared);
    this.#taken.push(buffer);
    return buffer;
  }

  float64(length: number, shared = false): Float64Array {
    return new Float64Array(this.#take(length * 8, shared));
  }

  float32(length: number, shared = false): Float32Array {
    return new Float32Array(this.#take(length * 4, shared));
  }

  int32(length: number, shared = false): Int32Array {
    return new Int32Array(this.#take(length * 4, shared));
  }

  uint8(length: number, shared = false): Uint8Array {
    return new Uint8Array(this.#take(length, shared));
  }

  /** Hands every buffer taken back to the pool. */
  end(): void {
    for (const buffer of this.#taken) this.#memory.give(buffer);
    this.#taken.length = 0;
  }
}

/** The pool the library's fits lease from (one per thread: a worker has its own). */
export const workingMemory = new WorkingMemory();
