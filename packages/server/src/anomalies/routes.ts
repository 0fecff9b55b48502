import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anomalyBody, labelBody } from './schemas';
import { AnomalyService } from './service';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** Anomaly runs: start one as a job, read it back with its per-row reasons, list them, mark rows, delete one. */
export default async function anomalyRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = new AnomalyService(app.store, app.datasets, app.jobs);
  const tags = ['anomalies'];

  app.post(
    '/anomalies',
    {
      schema: {
        tags,
        summary: 'Find anomalous rows: four detectors vote, each flagged row with its reasons (a job)',
        description:
          'IsolationForest, LocalOutlierFactor, robust z-score and robust Mahalanobis distance, each rank-normalised against the rows; the score is the highest of the four ranks (a row any detector finds extreme), the agreement the share of detectors that flag the row. Above 20 000 rows a seeded sample is analysed.',
        body: anomalyBody,
      },
    },
    async (request, reply) => {
      const job = await service.submit(request.body);
      reply.status(202);
      return job;
    },
  );

  app.get(
    '/anomalies',
    {
      schema: {
        tags,
        summary: 'List anomaly runs, newest first',
        querystring: z.object({ datasetId: z.string().min(1).max(100).optional() }),
      },
    },
    async (request) => ({ runs: await service.list(request.query.datasetId) }),
  );

  app.get(
    '/anomalies/:id',
    {
      schema: {
        tags,
        summary: 'One anomaly run: scores, threshold, top rows with reasons, labels',
        params: idParams,
      },
    },
    async (request) => service.get(request.params.id),
  );

  app.delete(
    '/anomalies/:id',
    {
      schema: {
        tags,
        summary: 'Delete a run with the marks made in it (audited like every deletion)',
        params: idParams,
      },
    },
    async (request, reply) => {
      await service.remove(request.params.id);
      reply.status(204).send();
    },
  );

  app.put(
    '/anomalies/:id/labels',
    {
      schema: {
        tags,
        summary: 'Mark one of the listed rows as normal or anomalous (null forgets the mark)',
        params: idParams,
        body: labelBody,
      },
    },
    async (request) => service.label(request.params.id, request.body.row, request.body.label),
  );
}
