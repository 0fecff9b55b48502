/**
 * A sliding-window counter of failed token attempts per remote address: after `limit` failures within
 * `windowMs`, further attempts are refused until the oldest failure leaves the window. Written by hand (a map of
 * timestamps) rather than a dependency; the clock is injectable for tests.
 */
export class FailedAttempts {
  private failures = new Map<string, number[]>();

  constructor(
    readonly limit = 10,
    readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    /** Addresses tracked at most; beyond it the map is cleared of stale entries, then of the oldest. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds until another attempt is allowed, or 0 when `key` may try now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.limit] + this.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now());
    this.failures.delete(key);
    this.failures.set(key, recent); // re-inserted: the map's order is least recently failed first
    if (this.failures.size > this.maxKeys) this.prune();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) if (this.recent(key).length === 0) this.failures.delete(key);
    while (this.failures.size > this.maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }
}
