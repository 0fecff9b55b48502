import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditEvent } from '../audit/audit-log';
import { httpError } from '../errors';
import type { FailedAttempts } from './attempts';
import { parseCookies, serializeCookie } from './cookies';
import { type Session, SessionStore } from './sessions';

export const SESSION_COOKIE = 'quarry_session';
export const CSRF_COOKIE = 'quarry_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The one place the access token is checked, for bearer headers, POST /api/session and `?token=` alike:
 * refused with 429 once an address has failed too often, compared in constant time (over SHA-256 digests, so the
 * length of the token does not leak either), and every failure audited (never the token itself).
 */
export class Auth {
  private readonly expected: Buffer | null;

  constructor(
    token: string | null,
    readonly sessions: SessionStore,
    private readonly attempts: FailedAttempts,
    private readonly audit: (event: AuditEvent) => void = () => undefined,
  ) {
    this.expected = token === null ? null : digest(token);
  }

  /** False when no token is configured (a loopback bind without `requireToken`): nothing is asked. */
  get required(): boolean {
    return this.expected !== null;
  }

  /** Throws TOO_MANY_ATTEMPTS (setting Retry-After) or UNAUTHORIZED unless `given` is the access token. */
  verify(given: string, request: FastifyRequest, reply: FastifyReply): void {
    if (this.expected === null) return;
    const wait = this.attempts.retryAfter(request.ip);
    if (wait > 0) {
      // Audited too, so a brute force shows in the log (the log's write queue is bounded).
      this.audit(event(request, 'refused', 'refused', 'TOO_MANY_ATTEMPTS'));
      reply.header('Retry-After', String(wait));
      throw httpError('TOO_MANY_ATTEMPTS', { seconds: wait });
    }
    if (timingSafeEqual(digest(given), this.expected)) return;
    this.attempts.fail(request.ip);
    this.audit(event(request, 'token.failure', 'refused', 'UNAUTHORIZED'));
    throw httpError('UNAUTHORIZED');
  }

  /** After a successful exchange: a new session, its two cookies set on `reply`. */
  startSession(request: FastifyRequest, reply: FastifyReply): Session {
    const { id, session } = this.sessions.create();
    const secure = request.protocol === 'https';
    const maxAge = Math.floor(this.sessions.ttlMs / 1000);
    reply.header('Set-Cookie', [
      serializeCookie(SESSION_COOKIE, id, { httpOnly: true, secure, maxAge }),
      // Readable by the studio's own script, which echoes it in X-CSRF-Token (double submit).
      serializeCookie(CSRF_COOKIE, session.csrf, { httpOnly: false, secure, maxAge }),
    ]);
    this.audit(event(request, 'token.success', 'ok', null));
    return session;
  }

  endSession(request: FastifyRequest, reply: FastifyReply): void {
    this.sessions.delete(parseCookies(request.headers.cookie).get(SESSION_COOKIE));
    const secure = request.protocol === 'https';
    reply.header('Set-Cookie', [
      serializeCookie(SESSION_COOKIE, '', { httpOnly: true, secure, maxAge: 0 }),
      serializeCookie(CSRF_COOKIE, '', { httpOnly: false, secure, maxAge: 0 }),
    ]);
  }

  /** The live session named by the request's cookie, if any. */
  sessionOf(request: FastifyRequest): Session | undefined {
    return this.sessions.get(parseCookies(request.headers.cookie).get(SESSION_COOKIE));
  }
}

export function event(
  request: FastifyRequest,
  action: AuditEvent['action'],
  outcome: AuditEvent['outcome'],
  code: string | null,
): AuditEvent {
  return { action, outcome, code, method: request.method, route: request.url, remote: request.ip };
}

export { SessionStore };
