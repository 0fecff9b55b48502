import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export default async function tokenRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['tokens'];
  const idParams = z.object({ id: z.string().min(1).max(100) });

  app.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (shown once; only its hash is kept)',
        description:
          "Scope 'predict' opens only the predict routes (POST /api/models/{name}/versions/{version}/predict, …/production/predict and their /batch); 'admin' opens everything. Send it as `Authorization: Bearer <token>`.",
        body: z
          .object({ name: z.string().trim().min(1).max(200), scope: z.enum(['predict', 'admin']) })
          .strict()
          .meta({ example: { name: 'checkout-service', scope: 'predict' } }),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return app.tokens.create(request.body.name, request.body.scope);
    },
  );

  app.get(
    '/tokens',
    { schema: { tags, summary: 'List API tokens (never the tokens themselves)' } },
    async () => ({
      tokens: await app.tokens.list(),
    }),
  );

  app.delete(
    '/tokens/:id',
    { schema: { tags, summary: 'Revoke an API token (effective at once)', params: idParams } },
    async (request) => app.tokens.revoke(request.params.id),
  );
}
