import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { correlationsQuery, idParams, targetQuery, warningsQuery } from './schemas';

/** Explore: correlations, target relations, and the quality and leakage warnings of a data set. */
export default async function exploreRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['explore'];

  app.get(
    '/datasets/:id/correlations',
    {
      schema: {
        tags,
        summary: 'Pearson and Spearman for numeric pairs, Cramér’s V for categorical pairs (≤ 50 columns)',
        params: idParams,
        querystring: correlationsQuery,
      },
    },
    async (request) => app.explore.correlations(request.params.id, request.query),
  );

  app.get(
    '/datasets/:id/target-relations',
    {
      schema: {
        tags,
        summary: 'Per feature: ROC AUC (binary target), R² (regression), mutual information',
        params: idParams,
        querystring: targetQuery,
      },
    },
    async (request) => app.explore.targetRelations(request.params.id, request.query.target),
  );

  app.get(
    '/datasets/:id/warnings',
    {
      schema: {
        tags,
        summary: 'Data-quality warnings, and the leakage linter when a target is given',
        params: idParams,
        querystring: warningsQuery,
      },
    },
    async (request) => app.explore.warnings(request.params.id, request.query),
  );
}
