import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

const idParams = z.object({ id: z.string().min(1).max(100) });

export default async function modelRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['models'];

  app.get('/models', { schema: { tags, summary: 'List models, newest first' } }, async () => ({
    models: await app.models.list(),
  }));

  app.get(
    '/models/:id',
    { schema: { tags, summary: 'A model with its schema, classes and confusion matrix', params: idParams } },
    async (request) => app.models.detail(request.params.id),
  );

  app.delete('/models/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await app.models.remove(request.params.id);
    reply.status(204).send();
  });

  app.get(
    '/models/:id/download',
    { schema: { tags, summary: 'The model as versioned JSON (an attachment)', params: idParams } },
    async (request, reply) => {
      const file = await app.models.file(request.params.id);
      const safeName = `${file.model.name}-v${(await app.models.summary(request.params.id)).version}`.replace(
        /[^A-Za-z0-9._-]+/g,
        '_',
      );
      reply
        .header('Content-Disposition', `attachment; filename="${safeName}.quarry.json"`)
        .header('X-Content-Type-Options', 'nosniff')
        .type('application/json');
      return JSON.stringify(file);
    },
  );
}
