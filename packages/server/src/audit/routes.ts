import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditAction, AuditLog } from './audit-log';

/**
 * Which successful requests are audited, by route pattern. Kept here, in one table, rather than as calls spread
 * through every feature's routes: a new route is audited by adding a line, and no feature can forget to.
 */
const AUDITED: { method: string; route: RegExp; action: AuditAction }[] = [
  { method: 'POST', route: /^\/api\/datasets$/, action: 'upload' },
  { method: 'POST', route: /^\/api\/datasets\/import$/, action: 'import' },
  { method: 'POST', route: /^\/api\/models\/import$/, action: 'import' },
  { method: 'DELETE', route: /^\/api\/[a-z-]+\/:[a-z]+$/i, action: 'delete' },
  { method: 'PATCH', route: /^\/api\/models\/:id$/, action: 'promote' },
];

/** The id a created resource came back with, or the id in the URL. */
function targetOf(request: FastifyRequest, payload: unknown): string | null {
  const params = request.params as Record<string, string> | undefined;
  if (params?.id !== undefined) return params.id;
  if (typeof payload !== 'string') return null;
  try {
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

async function audit(app: FastifyInstance, options: { log: AuditLog }): Promise<void> {
  const log = options.log;
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    if (reply.statusCode >= 300) return payload;
    const route = request.routeOptions.url ?? '';
    const rule = AUDITED.find((r) => r.method === request.method && r.route.test(route));
    if (rule === undefined) return payload;
    // A PATCH of a model is a promotion only when it makes the version the production one.
    if (
      rule.action === 'promote' &&
      (request.body as { stage?: unknown } | undefined)?.stage !== 'production'
    )
      return payload;
    log.record({
      action: rule.action,
      outcome: 'ok',
      method: request.method,
      route: request.url,
      target: targetOf(request, payload),
      remote: request.ip,
    });
    return payload;
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      schema: {
        tags: ['security'],
        summary: 'The audit log, newest first (uploads, imports, deletions, promotions, token use, refusals)',
        querystring: z
          .object({
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            before: z.coerce.number().int().min(1).optional(),
          })
          .strict(),
      },
    },
    async (request) => ({ entries: await log.list(request.query) }),
  );
}

export default fp(audit, { name: 'quarry-audit' });
