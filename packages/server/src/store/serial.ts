/**
 * Write transactions that must not overlap, one after another per key. DuckDB runs transactions under snapshot
 * isolation: two that both read `max(version)` insert the same number (new rows never conflict), and two that
 * update the same row fail with "Conflict on update" (a 500 for the second caller). Queuing them in the one
 * process that owns the data directory (DuckDB's file lock, store/db.ts) makes both impossible.
 */
export class SerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /**
   * Waits for the writes queued before under `key`; resolves to the function that ends this one's turn (call it
   * once the transaction has committed or failed, e.g. `saved.then(release, release)`).
   */
  async turn(key = ''): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release = (): void => undefined;
    const tail = new Promise<void>((resolve) => {
      release = () => {
        if (this.tails.get(key) === tail) this.tails.delete(key);
        resolve();
      };
    });
    this.tails.set(key, tail);
    await previous;
    return release;
  }

  /** Runs `fn` in its turn under `key`. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const release = await this.turn(key);
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
