import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface Session {
  /** The double-submit CSRF token: also sent as the readable `quarry_csrf` cookie. */
  csrf: string;
  expiresAt: number;
}

/** 256 random bits, URL-safe: session ids and CSRF tokens. */
export const randomId = (): string => randomBytes(32).toString('base64url');

/** Constant-time string equality (lengths are compared first; they are not secret). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Browser sessions made by exchanging the access token (POST /api/session or the first visit with ?token=).
 * Kept in memory only: a restart logs every browser out, and nothing secret is ever written to disk. The clock is
 * injectable so expiry is tested without waiting.
 */
export class SessionStore {
  private sessions = new Map<string, Session>();

  constructor(
    readonly ttlMs = 12 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
    /** A cap, so a client that logs in in a loop cannot grow the map without bound (oldest dropped first). */
    private readonly max = 10_000,
  ) {}

  create(): { id: string; session: Session } {
    this.sweep();
    if (this.sessions.size >= this.max) {
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    const id = randomId();
    const session = { csrf: randomId(), expiresAt: this.now() + this.ttlMs };
    this.sessions.set(id, session);
    return { id, session };
  }

  get(id: string | undefined): Session | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    if (session.expiresAt <= this.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  delete(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, s] of this.sessions) if (s.expiresAt <= now) this.sessions.delete(id);
  }
}
