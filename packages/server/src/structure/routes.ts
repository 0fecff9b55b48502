import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { StructureInput, StructureOutput } from './compute';
import { structureBody, structureParams } from './schemas';
import { StructureService } from './service';

/** Explore → Structure: PCA (scree, 2-D projection) and k-means (elbow, silhouette) of the numeric columns. */
export default async function structureRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = new StructureService(
    app.datasets,
    async (input: StructureInput) =>
      (await app.jobs.pool.run(input)) as StructureOutput | { problem: string },
  );

  app.post(
    '/datasets/:id/structure',
    {
      schema: {
        tags: ['explore'],
        summary:
          'PCA and k-means of the numeric columns (standardised, median-imputed, ≤ 20 000 seeded sample rows)',
        params: structureParams,
        body: structureBody,
      },
    },
    async (request) => service.structure(request.params.id, request.body),
  );
}
