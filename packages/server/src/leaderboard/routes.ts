import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { httpError } from '../errors';
import type { ThresholdGoal } from '../modelling/threshold';
import { leaderboardBody, saveBody, thresholdQuery } from './schemas';
import { LeaderboardService } from './service';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** Leaderboard jobs and results; saving a row as a model version. */
export default async function leaderboardRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = new LeaderboardService(app.store, app.datasets, app.jobs, app.models);
  const tags = ['leaderboards'];

  app.post(
    '/jobs/leaderboard',
    {
      schema: {
        tags,
        summary: 'Compare model families by cross-validation on the training rows',
        body: leaderboardBody,
      },
    },
    async (request, reply) => {
      const job = await service.submit(request.body);
      reply.status(202);
      return job;
    },
  );

  app.get('/leaderboards/:id', { schema: { tags, params: idParams } }, async (request) =>
    service.get(request.params.id),
  );

  app.get(
    '/leaderboards/:id/threshold',
    {
      schema: {
        tags,
        summary: 'A threshold for another goal, from out-of-fold counts',
        params: idParams,
        querystring: thresholdQuery,
      },
    },
    async (request) => {
      const q = request.query;
      let goal: ThresholdGoal;
      if (q.metric === 'f1') goal = { metric: 'f1' };
      else if (q.metric === 'recall_at_precision') {
        if (q.minPrecision === undefined)
          throw httpError('BAD_IMBALANCE', { detail: 'recall_at_precision needs minPrecision.' });
        goal = { metric: 'recall_at_precision', minPrecision: q.minPrecision };
      } else {
        if (q.costFalsePositive === undefined || q.costFalseNegative === undefined)
          throw httpError('BAD_IMBALANCE', {
            detail: 'min_cost needs costFalsePositive and costFalseNegative.',
          });
        goal = {
          metric: 'min_cost',
          costFalsePositive: q.costFalsePositive,
          costFalseNegative: q.costFalseNegative,
        };
      }
      return service.threshold(request.params.id, q.family, goal);
    },
  );

  app.post(
    '/leaderboards/:id/save',
    {
      schema: {
        tags,
        summary: 'Refit a family on all training rows and save it as a model version',
        params: idParams,
        body: saveBody,
      },
    },
    async (request, reply) => {
      const job = await service.save(request.params.id, request.body);
      reply.status(202);
      return job;
    },
  );
}
