import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBody, idParams, replayBody, stepBody } from './schemas';

/** Cleaning recipes: steps make new data-set versions; undo and redo move the lineage's current version. */
export default async function recipeRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['recipes'];

  app.get(
    '/datasets/:id/versions',
    { schema: { tags, summary: 'Every version of the data set’s lineage, oldest first', params: idParams } },
    async (request) => app.versions.versions(request.params.id),
  );

  app.post(
    '/datasets/:id/steps',
    {
      schema: {
        tags,
        summary:
          'Apply a cleaning step: a new version (the data set itself is unchanged) that becomes current',
        params: idParams,
        body: stepBody,
      },
    },
    async (request, reply) => {
      const version = await app.versions.apply(request.params.id, [request.body.step]);
      reply.status(201);
      return version;
    },
  );

  app.post(
    '/datasets/:id/undo',
    {
      schema: {
        tags,
        summary: 'Make the parent of the current version current',
        params: idParams,
        body: emptyBody,
      },
    },
    async (request) => app.versions.undo(request.params.id),
  );

  app.post(
    '/datasets/:id/redo',
    {
      schema: {
        tags,
        summary: 'Make the newest child of the current version current',
        params: idParams,
        body: emptyBody,
      },
    },
    async (request) => app.versions.redo(request.params.id),
  );

  app.post(
    '/recipes/replay',
    {
      schema: {
        tags,
        summary: 'Replay a recipe on a data set: one new version with every step',
        body: replayBody,
      },
    },
    async (request, reply) => {
      const version = await app.versions.apply(request.body.datasetId, request.body.steps);
      reply.status(201);
      return version;
    },
  );
}
