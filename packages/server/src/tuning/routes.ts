import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { saveTrialBody, tuneBody } from './schemas';
import { TuningService } from './service';
import { SEARCH_SPACES } from './spaces';

/** Tuning jobs, their results and the documented default search spaces. */
export default async function tuningRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = new TuningService(app.store, app.datasets, app.jobs, app.models);
  const tags = ['tuning'];

  app.post(
    '/jobs/tune',
    {
      schema: { tags, summary: 'Grid or random search over a family’s parameters, budgeted', body: tuneBody },
    },
    async (request, reply) => {
      const job = await service.submit(request.body);
      reply.status(202);
      return job;
    },
  );

  app.get(
    '/tuning/spaces',
    { schema: { tags, summary: 'Default search ranges and bounds per family' } },
    async () => ({
      spaces: SEARCH_SPACES,
    }),
  );

  app.get(
    '/tunings/:id',
    { schema: { tags, params: z.object({ id: z.string().min(1).max(100) }) } },
    async (request) => service.get(request.params.id),
  );

  app.post(
    '/tunings/:id/save',
    {
      schema: {
        tags,
        summary: 'Refit one trial on all training rows and save it as a model version',
        params: z.object({ id: z.string().min(1).max(100) }),
        body: saveTrialBody,
      },
    },
    async (request, reply) => {
      const job = await service.save(request.params.id, request.body);
      reply.status(202);
      return job;
    },
  );
}
