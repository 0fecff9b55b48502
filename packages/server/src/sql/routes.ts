import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { queryBody, saveBody } from './schemas';

/** The read-only SQL view over the data sets (a sandboxed DuckDB per query). */
export default async function sqlRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['sql'];

  app.get('/sql/tables', { schema: { tags, summary: 'The tables a query can use' } }, async () => ({
    tables: await app.sql.tables(),
  }));

  app.post(
    '/sql',
    { schema: { tags, summary: 'Run one read-only SELECT (row limit, statement timeout)', body: queryBody } },
    async (request) => app.sql.query(request.body.query, request.body.limit),
  );

  app.post(
    '/sql/save',
    { schema: { tags, summary: 'Save a query’s whole result as a new data set', body: saveBody } },
    async (request, reply) => {
      const dataset = await app.sql.save(request.body.query, request.body.name);
      reply.status(201);
      return dataset;
    },
  );
}
