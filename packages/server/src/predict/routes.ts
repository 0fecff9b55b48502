import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logBatch } from '../serving/batch';
import { receiveFile } from '../uploads/receive-file';

export default async function predictRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['predict'];

  app.post(
    '/models/:id/validate',
    {
      config: { multipart: true },
      schema: {
        tags,
        summary: 'Check an uploaded file against the model schema contract, without predicting',
        description:
          'Per-column findings (missing column, wrong type, unseen category, out of range, shifted values, too many missing), each with a severity, a count, examples and a suggestion. canPredict is false when an error would block prediction; warnings allow it.',
        consumes: ['multipart/form-data'],
        params: z.object({ id: z.string().min(1).max(100) }),
      },
    },
    async (request) => {
      const model = await app.models.file(request.params.id);
      const upload = await receiveFile(request, `${app.config.dataDir}/tmp`, app.config.maxUploadBytes);
      try {
        return await app.predictions.validate(model, upload);
      } finally {
        await upload.discard();
      }
    },
  );

  app.post(
    '/models/:id/predict',
    {
      config: { multipart: true },
      schema: {
        tags,
        summary: 'Predict for an uploaded file, checked against the training schema',
        description:
          'Adds conformal intervals (regression) or prediction sets (classification) at `level` (default 0.9 when the model has them; one of its calibrated levels, 0.8 / 0.9 / 0.95).',
        consumes: ['multipart/form-data'],
        params: z.object({ id: z.string().min(1).max(100) }),
        querystring: z.object({ level: z.coerce.number().gt(0).lt(1).optional() }),
      },
    },
    async (request) => {
      const model = await app.models.file(request.params.id);
      const upload = await receiveFile(request, `${app.config.dataDir}/tmp`, app.config.maxUploadBytes);
      try {
        const start = performance.now();
        const result = await app.predictions.predict(model, upload, request.query.level ?? null);
        // Studio scoring is traffic too: logged like the batch API, so the Monitor page sees its drift.
        logBatch(
          app.serving.log,
          await app.serving.cache.load(request.params.id),
          result,
          performance.now() - start,
        );
        return { ...result, rows: result.rows.slice(0, 100) };
      } finally {
        await upload.discard();
      }
    },
  );

  app.get(
    '/predictions/:id/download',
    {
      schema: {
        tags,
        summary: 'Predictions as CSV (formula-injection safe unless raw=true)',
        params: z.object({ id: z.string().min(1).max(100) }),
        querystring: z.object({ raw: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (request, reply) => {
      const { csv, model } = await app.predictions.csv(request.params.id, request.query.raw === 'true');
      const name = `predictions-${model}`.replace(/[^A-Za-z0-9._-]+/g, '_');
      reply
        .header('Content-Disposition', `attachment; filename="${name}.csv"`)
        .header('X-Content-Type-Options', 'nosniff')
        .type('text/csv; charset=utf-8');
      return csv;
    },
  );
}
