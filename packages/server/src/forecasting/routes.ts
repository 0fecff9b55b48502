import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forecastCsv } from './record';
import { forecastBody } from './schemas';
import { ForecastService } from './service';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** Forecast runs: start one as a job, read it back, list them, download the forecasts as CSV. */
export default async function forecastRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = new ForecastService(app.store, app.datasets, app.jobs);
  const tags = ['forecasting'];

  app.post(
    '/forecasts',
    {
      schema: {
        tags,
        summary: 'Backtest forecasting models on each series, pick one, forecast with intervals (a job)',
        body: forecastBody,
      },
    },
    async (request, reply) => {
      const job = await service.submit(request.body);
      reply.status(202);
      return job;
    },
  );

  app.get('/forecasts', { schema: { tags, summary: 'List forecast runs, newest first' } }, async () => ({
    forecasts: await service.list(),
  }));

  app.get(
    '/forecasts/columns/:id',
    {
      schema: {
        tags,
        summary: 'Detected id, time and value columns of a data set, and the models',
        params: idParams,
      },
    },
    async (request) => service.columns(request.params.id),
  );

  app.get('/forecasts/:id', { schema: { tags, params: idParams } }, async (request) =>
    service.get(request.params.id),
  );

  app.get(
    '/forecasts/:id/csv',
    { schema: { tags, summary: 'The forecasts and interval bounds as CSV', params: idParams } },
    async (request, reply) => {
      const run = await service.get(request.params.id);
      reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="forecast-${run.id.slice(0, 8)}.csv"`);
      return forecastCsv(run);
    },
  );
}
