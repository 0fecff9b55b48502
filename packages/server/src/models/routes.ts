import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { receiveFile } from '../uploads/receive-file';
import { compareModels } from './compare';
import { groupModels } from './groups';
import { MAX_MODEL_FILE_BYTES, readModelFile } from './import-model';
import type { InspectOutput } from './inspect-pipeline';

const id = z.string().min(1).max(100);
const idParams = z.object({ id });

export default async function modelRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['models'];

  app.get('/models', { schema: { tags, summary: 'List models, newest first' } }, async () => ({
    models: await app.models.list(),
  }));

  app.get(
    '/model-groups',
    { schema: { tags, summary: 'Models grouped by name, with versions' } },
    async () => ({
      groups: groupModels(await app.models.list()),
    }),
  );

  app.get(
    '/models/compare',
    {
      schema: {
        tags,
        summary: 'Two model versions side by side',
        querystring: z.object({ a: id, b: id }).strict(),
      },
    },
    async (request) =>
      compareModels(await app.models.detail(request.query.a), await app.models.detail(request.query.b)),
  );

  app.get(
    '/models/:id',
    {
      schema: {
        tags,
        summary: 'A model with its schema, classes, lineage and confusion matrix',
        params: idParams,
      },
    },
    async (request) => app.models.detail(request.params.id),
  );

  app.patch(
    '/models/:id',
    {
      schema: {
        tags,
        summary: 'Set the stage (one production version per name)',
        params: idParams,
        body: z.object({ stage: z.enum(['draft', 'production', 'archived']) }).strict(),
      },
    },
    async (request) => app.models.setStage(request.params.id, request.body.stage),
  );

  app.delete(
    '/models/:id',
    {
      schema: {
        tags,
        summary: 'Delete a version; confirm=<name>-v<version> is required',
        params: idParams,
        querystring: z.object({ confirm: z.string().max(300).optional() }).strict(),
      },
    },
    async (request, reply) => {
      await app.models.remove(request.params.id, request.query.confirm);
      reply.status(204).send();
    },
  );

  app.get(
    '/models/:id/charts',
    {
      schema: {
        tags,
        summary: 'Chart data computed on the holdout when the model was saved',
        params: idParams,
      },
    },
    async (request) => app.models.charts(request.params.id),
  );

  app.get(
    '/models/:id/download',
    {
      schema: {
        tags,
        summary: 'The model as versioned JSON with its SHA-256 (an attachment)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await app.models.file(request.params.id);
      const safeName = `${file.model.name}-v${(await app.models.summary(request.params.id)).version}`.replace(
        /[^A-Za-z0-9._-]+/g,
        '_',
      );
      reply
        .header('Content-Disposition', `attachment; filename="${safeName}.quarry.json"`)
        .header('X-Content-Type-Options', 'nosniff')
        .type('application/json');
      return JSON.stringify(file);
    },
  );

  app.post(
    '/models/import',
    {
      config: { multipart: true },
      schema: {
        tags,
        summary: 'Import a model file (schema, version and SHA-256 checked; never executed) as a new version',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
      const limit = Math.min(MAX_MODEL_FILE_BYTES, app.config.maxUploadBytes);
      const upload = await receiveFile(request, `${app.config.dataDir}/tmp`, limit);
      try {
        const file = await readModelFile(
          upload.path,
          async (pipeline) => (await app.jobs.pool.run({ kind: 'inspect', pipeline })) as InspectOutput,
        );
        reply.status(201);
        return await app.models.insert(file, { charts: null, source: 'import' });
      } finally {
        await upload.discard();
      }
    },
  );
}
