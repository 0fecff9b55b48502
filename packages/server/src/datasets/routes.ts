import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { receiveFile } from '../uploads/receive-file';
import { COLUMN_TYPES } from './column-types';
import { detectTaskFor } from './task';

const idParams = z.object({ id: z.string().min(1).max(100) });

export default async function datasetRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['datasets'];

  app.get(
    '/datasets',
    {
      schema: {
        tags,
        summary: 'List data sets, newest first (versions=current: one per lineage)',
        querystring: z.object({ versions: z.enum(['all', 'current']).default('all') }),
      },
    },
    async (request) => ({ datasets: await app.datasets.list(request.query.versions) }),
  );

  app.post(
    '/datasets',
    {
      config: { multipart: true },
      schema: {
        tags,
        summary: 'Upload a file (CSV, TSV, JSON, NDJSON, Parquet, XLSX) as a new data set',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const file = await receiveFile(request, `${app.config.dataDir}/tmp`, app.config.maxUploadBytes);
      try {
        const dataset = await app.datasets.createFromFile({
          path: file.path,
          fileName: file.fileName,
          name: file.fields.name,
          sizeBytes: file.sizeBytes,
        });
        reply.status(201);
        return dataset;
      } finally {
        await file.discard();
      }
    },
  );

  app.get('/datasets/:id', { schema: { tags, params: idParams } }, async (request) =>
    app.datasets.get(request.params.id),
  );

  app.patch(
    '/datasets/:id',
    {
      schema: {
        tags,
        summary: 'Rename',
        params: idParams,
        body: z.object({ name: z.string().trim().min(1).max(200) }),
      },
    },
    async (request) => app.datasets.rename(request.params.id, request.body.name),
  );

  app.put(
    '/datasets/:id/types',
    {
      schema: {
        tags,
        summary: 'Override column types',
        params: idParams,
        body: z.object({ types: z.record(z.string(), z.enum(COLUMN_TYPES)) }),
      },
    },
    async (request) => app.datasets.setTypes(request.params.id, request.body.types),
  );

  app.delete('/datasets/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await app.datasets.remove(request.params.id);
    reply.status(204).send();
  });

  app.get(
    '/datasets/:id/rows',
    {
      schema: {
        tags,
        summary: 'A page of rows, typed',
        params: idParams,
        querystring: z.object({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
    },
    async (request) => app.datasets.rows(request.params.id, request.query.offset, request.query.limit),
  );

  app.get(
    '/datasets/:id/profile',
    { schema: { tags, summary: 'Per-column profile', params: idParams } },
    async (request) => app.datasets.profile(request.params.id),
  );

  app.get(
    '/datasets/:id/task',
    {
      schema: {
        tags,
        summary: 'Detect the task (classification or regression) for a target column, with the reason',
        params: idParams,
        querystring: z.object({ target: z.string().min(1).max(500) }),
      },
    },
    async (request) => detectTaskFor(app.datasets, request.params.id, request.query.target),
  );
}
