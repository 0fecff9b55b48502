import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export default async function monitoringRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitoring'];
  const name = z.string().min(1).max(200);

  app.get(
    '/monitoring',
    { schema: { tags, summary: 'Model versions with logged predictions' } },
    async () => ({
      models: await app.monitoring.served(),
    }),
  );

  app.get(
    '/models/:name/versions/:version/monitoring',
    {
      schema: {
        tags,
        summary: 'Drift, performance over time and what to look at first, for one model version',
        params: z.object({ name, version: z.coerce.number().int().min(1) }),
        querystring: z.object({
          bucket: z.enum(['hour', 'day']).default('day'),
          since: z.iso.datetime({ offset: true }).optional(),
        }),
      },
    },
    async (request) =>
      app.monitoring.report(request.params.name, request.params.version, {
        bucket: request.query.bucket,
        since: request.query.since === undefined ? undefined : new Date(request.query.since),
      }),
  );

  app.put(
    '/models/:name/monitoring/thresholds',
    {
      schema: {
        tags,
        summary: 'Change the drift and performance thresholds of a model (all its versions)',
        params: z.object({ name }),
        body: z
          .object({
            psi: z.number().positive().max(10),
            pValue: z.number().positive().max(0.5),
            ks: z.number().positive().max(1),
            cramersV: z.number().positive().max(1),
            minRows: z.number().int().min(1).max(1_000_000),
            performanceDrop: z.number().positive().max(1),
          })
          .partial()
          .strict()
          .meta({ example: { psi: 0.25, minRows: 200 } }),
      },
    },
    async (request) =>
      (await app.monitorSettings.update(request.params.name, { thresholds: request.body })).thresholds,
  );

  app.get(
    '/models/:name/challenger/compare',
    {
      schema: {
        tags,
        summary: 'Champion against challenger (or shadow), on the rows whose outcomes arrived',
        params: z.object({ name }),
      },
    },
    async (request) => app.monitoring.compare(request.params.name),
  );

  app.post(
    '/predictions/outcomes',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Attach true outcomes to logged predictions by row id',
        body: z
          .object({
            outcomes: z
              .array(
                z
                  .object({
                    rowId: z.string().min(1).max(100),
                    outcome: z.union([z.string().min(1).max(1000), z.number()]),
                  })
                  .strict(),
              )
              .min(1)
              .max(10_000),
          })
          .strict()
          .meta({ example: { outcomes: [{ rowId: '5f0c2b9e-…', outcome: 'Yes' }] } }),
      },
    },
    async (request) => app.monitoring.recordOutcomes(request.body.outcomes),
  );
}
