import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { httpError } from '../errors';

export interface GuardOptions {
  token: string | null;
  allowedHosts: string[];
  /** Scoped API tokens (serving/tokens.ts): the scope of a live token, undefined for anything else. */
  apiTokenScope?: (token: string) => 'predict' | 'admin' | undefined;
}

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
/** Routes anyone may call: liveness and the API description (no data behind either). */
const PUBLIC = [/^\/api\/health$/, /^\/api\/docs(\/|$)/, /^\/api\/openapi\.json$/];
/** JSON routes accept exactly this content type (see SECURITY-TESTS row A: casing, tab and suffix bypasses). */
const JSON_TYPE = /^application\/json(; ?charset=utf-8)?$/;
/** All a 'predict'-scoped API token may call: the serving routes of serving/routes.ts. */
const PREDICT_ROUTES = /^\/api\/models\/[^/]+\/(versions\/\d+|production)\/predict(\/batch)?$/;

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Request guard, run before anything else:
 * - Host check (DNS rebinding): on a loopback bind without a token, only local host names are served.
 * - Origin check (drive-by CSRF): a browser request from another origin, or `Origin: null`, is refused.
 * - Bearer token on every /api route except the public ones, compared in constant time; or a live API token,
 *   whose 'predict' scope opens only the predict routes.
 * - State-changing JSON routes take only `application/json`; upload routes only multipart.
 */
async function guard(app: FastifyInstance, options: GuardOptions): Promise<void> {
  const expected = options.token === null ? null : digest(options.token);
  const hosts = new Set([...LOCAL_HOSTS, ...options.allowedHosts.map((h) => h.toLowerCase())]);

  app.addHook('onRequest', async (request) => {
    const host = hostName(request.headers.host);
    if (expected === null && !hosts.has(host))
      throw httpError('FORBIDDEN_HOST', { host: host.slice(0, 100) });

    const origin = request.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, request.headers.host))
      throw httpError('FORBIDDEN_ORIGIN');

    const path = request.url.split('?')[0];
    if (path.startsWith('/api/') && !PUBLIC.some((re) => re.test(path))) {
      const header = request.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7) : '';
      const scope = options.apiTokenScope?.(given);
      if (scope === undefined) {
        if (expected !== null && !timingSafeEqual(digest(given), expected)) throw httpError('UNAUTHORIZED');
      } else if (scope === 'predict' && !PREDICT_ROUTES.test(path)) throw httpError('FORBIDDEN_SCOPE');
    }
    checkContentType(request);
  });
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
