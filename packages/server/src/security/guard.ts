import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuditEvent } from '../audit/audit-log';
import { HttpError, httpError } from '../errors';
import { type Auth, CSRF_COOKIE, CSRF_HEADER, event } from './auth';
import { parseCookies } from './cookies';
import { sameSecret } from './sessions';
import { unsafeParam } from './url-params';

export interface GuardOptions {
  auth: Auth;
  allowedHosts: string[];
  /** Believe X-Forwarded-Host (config.trustProxy); otherwise only the real Host header counts. */
  trustProxy?: boolean;
  /** Scoped API tokens (serving/tokens.ts): the scope of a live token, undefined for anything else. */
  apiTokenScope?: (token: string) => 'predict' | 'admin' | undefined;
  audit?: (event: AuditEvent) => void;
}

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
/** Routes anyone may call: liveness, the API description, and the token exchange itself. */
const PUBLIC = [/^\/api\/health$/, /^\/api\/docs(\/|$)/, /^\/api\/openapi\.json$/];
const PUBLIC_POST = /^\/api\/session$/;
/** JSON routes accept exactly this content type (see SECURITY-TESTS row A: casing, tab and suffix bypasses). */
const JSON_TYPE = /^application\/json(; ?charset=utf-8)?$/;
/** All a 'predict'-scoped API token may call: the serving routes of serving/routes.ts. */
const PREDICT_ROUTES = /^\/api\/models\/[^/]+\/(versions\/\d+|production)\/predict(\/batch)?$/;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Request guard, run before anything else:
 * - Host check (DNS rebinding): on a loopback bind without a token, only local host names are served.
 * - Origin check (drive-by CSRF): a browser request from another origin, or `Origin: null`, is refused; so is a
 *   state-changing request the browser itself marks as cross-site (Sec-Fetch-Site).
 * - Authentication on every /api route but the public ones: the bearer access token (constant time, rate
 *   limited), a live API token (a 'predict' scope opens only the predict routes), or a session cookie — and a
 *   cookie-authenticated state-changing request also needs the double-submit CSRF header.
 * - State-changing JSON routes take only `application/json`; upload routes only multipart.
 * Every refusal is audited (code, route, remote address).
 */
async function guard(app: FastifyInstance, options: GuardOptions): Promise<void> {
  const { auth } = options;
  const hosts = new Set([...LOCAL_HOSTS, ...options.allowedHosts.map((h) => h.toLowerCase())]);
  const audit = options.audit ?? (() => undefined);

  app.addHook('onRequest', async (request, reply) => {
    try {
      const hostHeader = options.trustProxy ? request.host : request.headers.host;
      const host = hostName(hostHeader);
      if (!auth.required && !hosts.has(host)) throw httpError('FORBIDDEN_HOST', { host: host.slice(0, 100) });

      const origin = request.headers.origin;
      if (origin !== undefined && !sameOrigin(origin, hostHeader)) throw httpError('FORBIDDEN_ORIGIN');
      const site = request.headers['sec-fetch-site'];
      if (STATE_CHANGING.has(request.method) && (site === 'cross-site' || site === 'same-site'))
        throw httpError('FORBIDDEN_ORIGIN');

      const path = request.url.split('?')[0];
      const isPublic =
        PUBLIC.some((re) => re.test(path)) || (request.method === 'POST' && PUBLIC_POST.test(path));
      if (path.startsWith('/api/') && !isPublic) authenticate(request, reply, options);
      if (unsafeParam(request.params)) throw httpError('BAD_ID');
      checkContentType(request);
    } catch (err) {
      // Wrong tokens and lock-outs are audited by Auth.verify; everything else refused is audited here.
      if (err instanceof HttpError && err.code !== 'UNAUTHORIZED' && err.code !== 'TOO_MANY_ATTEMPTS')
        audit(event(request, 'refused', 'refused', err.code));
      throw err;
    }
  });
}

function authenticate(request: FastifyRequest, reply: FastifyReply, options: GuardOptions): void {
  const { auth } = options;
  const header = request.headers.authorization;
  if (header !== undefined) {
    // A bearer header was sent: it alone decides (a cookie beside it is not looked at).
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    const scope = options.apiTokenScope?.(given);
    if (scope === 'predict' && !PREDICT_ROUTES.test(request.url.split('?')[0]))
      throw httpError('FORBIDDEN_SCOPE');
    if (scope === undefined) auth.verify(given, request, reply);
    return;
  }
  if (!auth.required) return;
  const session = auth.sessionOf(request);
  if (session === undefined) throw httpError('UNAUTHORIZED');
  if (!STATE_CHANGING.has(request.method)) return;
  // Double submit: a cross-site page can make the browser send the cookie (SameSite aside) but cannot read it,
  // so it cannot put the same value in a header.
  const sent = request.headers[CSRF_HEADER];
  const cookie = parseCookies(request.headers.cookie).get(CSRF_COOKIE);
  if (typeof sent !== 'string' || cookie === undefined || sent !== cookie || !sameSecret(sent, session.csrf))
    throw httpError('CSRF_FAILED');
}

function checkContentType(request: FastifyRequest): void {
  if (!['POST', 'PUT', 'PATCH'].includes(request.method)) return;
  const contentType = request.headers['content-type'];
  const multipart = (request.routeOptions.config as { multipart?: boolean } | undefined)?.multipart === true;
  if (multipart) {
    if (!/^multipart\/form-data;/i.test(contentType ?? '')) {
      throw httpError('UNSUPPORTED_MEDIA_TYPE', { contentType }, { expected: 'multipart/form-data' });
    }
    return;
  }
  if (contentType === undefined || !JSON_TYPE.test(contentType)) {
    throw httpError('UNSUPPORTED_MEDIA_TYPE', { contentType: contentType?.slice(0, 100) });
  }
}

/** The host name of a Host header, lower-cased, without port; IPv6 literals keep their brackets. */
export function hostName(header: string | undefined): string {
  if (header === undefined) return '';
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.replace(/:\d+$/, '');
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host.toLowerCase();
  } catch {
    return false; // includes the literal "null" of sandboxed frames and file:// pages
  }
}

export default fp(guard, { name: 'quarry-guard' });
