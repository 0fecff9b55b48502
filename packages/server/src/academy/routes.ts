import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AcademyService, publicLab } from './service';

const labParams = z.object({ id: z.string().min(1).max(100) });
const startBody = z.object({ restart: z.boolean().default(false) }).strict();
const answerBody = z
  .object({ questionId: z.string().min(1).max(100), answer: z.string().max(1000) })
  .strict();

function sendCsv(reply: FastifyReply, file: { fileName: string; csv: string }) {
  reply.header('Content-Type', 'text/csv; charset=utf-8');
  reply.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
  return file.csv;
}

/**
 * The Academy's labs: list them, start one (its seeded data becomes an ordinary data set), read the learner's
 * progress (the lab's checkpoints evaluated on their project), save answers, download the lab's second file.
 */
export default async function academyRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = new AcademyService({
    store: app.store,
    datasets: app.datasets,
    models: app.models,
    tmpDir: join(app.config.dataDir, 'tmp'),
    flushPredictions: () => app.serving.log.flush(),
  });
  const tags = ['academy'];

  app.get('/academy/labs', { schema: { tags, summary: 'The labs, with each one’s progress' } }, async () => ({
    labs: await service.list(),
  }));

  app.get(
    '/academy/labs/:id',
    { schema: { tags, summary: 'One lab: story, goals, steps, questions, checkpoints', params: labParams } },
    async (request) => publicLab(service.lab(request.params.id)),
  );

  app.post(
    '/academy/labs/:id/start',
    {
      schema: {
        tags,
        summary: 'Start (or resume) a lab: its seeded data is loaded as a data set',
        description:
          'Idempotent: a started lab whose data set still exists is resumed. `restart: true` loads a fresh copy and forgets the answers (earlier data sets and models stay).',
        params: labParams,
        body: startBody.optional(),
      },
    },
    async (request) => service.start(request.params.id, request.body?.restart ?? false),
  );

  app.get(
    '/academy/labs/:id/progress',
    {
      schema: {
        tags,
        summary: 'The lab’s checkpoints evaluated on the learner’s project, step by step',
        params: labParams,
      },
    },
    async (request) => service.progress(request.params.id),
  );

  app.get(
    '/academy/labs/:id/snapshot',
    {
      schema: {
        tags,
        summary:
          'What the checkpoints read: the lab’s data-set versions, models, forecasts, anomaly runs, answers',
        params: labParams,
      },
    },
    async (request) => service.snapshot(request.params.id),
  );

  app.put(
    '/academy/labs/:id/answers',
    {
      schema: {
        tags,
        summary: 'Save the answer to one of the lab’s questions',
        params: labParams,
        body: answerBody,
      },
    },
    async (request) => service.answer(request.params.id, request.body.questionId, request.body.answer),
  );

  app.get(
    '/academy/labs/:id/templates',
    {
      schema: {
        tags,
        summary:
          'The learner’s work as code: Python (pandas + scikit-learn) and TypeScript, per step and whole',
        params: labParams,
      },
    },
    async (request) => service.templates(request.params.id),
  );

  app.get(
    '/academy/labs/:id/data.csv',
    {
      schema: {
        tags,
        summary: 'The lab’s data as loaded at the start (what the code reads)',
        params: labParams,
      },
    },
    async (request, reply) => sendCsv(reply, service.dataFile(request.params.id)),
  );

  app.get(
    '/academy/labs/:id/new-data.csv',
    {
      schema: {
        tags,
        summary: 'The lab’s second file: new rows to predict, without the target',
        params: labParams,
      },
    },
    async (request, reply) => sendCsv(reply, service.newData(request.params.id)),
  );
}
