import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Auth } from './auth';
import { safeNext } from './redirect';

/**
 * Token → cookie exchange. The access token is typed (or pasted in a link) once; afterwards the browser holds an
 * HttpOnly, SameSite=Strict session cookie that no script can read, plus the CSRF cookie the studio echoes back.
 * - POST /api/session {"token"} → 200 and the cookies (an API client keeps using its bearer header instead).
 * - GET /?token=…, /login?token=…&next=… (the link printed at start-up) → cookies, then 303 to a clean URL:
 *   the token leaves the address bar and browser history, and `next` may only be a same-origin path.
 * - DELETE /api/session → the cookies are cleared and the session forgotten.
 */
async function sessionRoutes(app: FastifyInstance, options: { auth: Auth }): Promise<void> {
  const { auth } = options;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  // Runs after the guard (Host, Origin), before static files: any page URL carrying ?token= is exchanged.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api/')) return;
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    const token = query.get('token');
    if (token === null) return;
    if (auth.required) {
      auth.verify(token, request, reply);
      auth.startSession(request, reply);
    }
    const path = request.url.split('?')[0];
    const next = path === '/login' ? safeNext(query.get('next')) : safeNext(path);
    return redirect(reply, next);
  });

  app.get('/login', { schema: { hide: true } }, async (request: FastifyRequest, reply) =>
    redirect(reply, safeNext((request.query as Record<string, unknown>).next)),
  );

  typed.post(
    '/api/session',
    {
      schema: {
        tags: ['security'],
        summary: 'Exchange the access token for an HttpOnly session cookie and a CSRF cookie',
        body: z.object({ token: z.string().max(1000) }).strict(),
      },
    },
    async (request, reply) => {
      if (!auth.required) return { authRequired: false, csrfToken: null };
      auth.verify(request.body.token, request, reply);
      const session = auth.startSession(request, reply);
      return {
        authRequired: true,
        csrfToken: session.csrf,
        expiresAt: new Date(session.expiresAt).toISOString(),
      };
    },
  );

  typed.delete(
    '/api/session',
    { schema: { tags: ['security'], summary: 'Log this browser out (clears the session cookie)' } },
    async (request, reply) => {
      auth.endSession(request, reply);
      reply.status(204).send();
    },
  );
}

function redirect(reply: FastifyReply, to: string) {
  return reply.header('Cache-Control', 'no-store').redirect(to, 303);
}

export default fp(sessionRoutes, { name: 'quarry-session' });
