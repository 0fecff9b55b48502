import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FAMILIES } from '../training/types';
import type { Job } from './service';

const idParams = z.object({ id: z.string().min(1).max(100) });
const FINAL = new Set(['succeeded', 'failed', 'cancelled', 'interrupted']);

export const trainBody = z
  .object({
    datasetId: z.string().min(1).max(100),
    target: z.string().min(1).max(500),
    task: z.enum(['auto', 'classification', 'regression']).default('auto'),
    model: z.enum(FAMILIES).default('auto'),
    params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).default({}),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(42),
    testSize: z.number().gt(0).lt(1).default(0.25),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export default async function jobRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobs'];

  app.post(
    '/jobs/train',
    { schema: { tags, summary: 'Start a training job', body: trainBody } },
    async (request, reply) => {
      const job = await app.jobs.submitTrain(request.body);
      reply.status(202);
      return job;
    },
  );

  app.get('/jobs', { schema: { tags, summary: 'List jobs, newest first' } }, async () => ({
    jobs: await app.jobs.list(),
  }));

  app.get('/jobs/:id', { schema: { tags, params: idParams } }, async (request) =>
    app.jobs.get(request.params.id),
  );

  app.post(
    '/jobs/:id/cancel',
    { schema: { tags, summary: 'Cancel a queued or running job', params: idParams } },
    async (request) => app.jobs.cancel(request.params.id),
  );

  app.get(
    '/jobs/:id/events',
    {
      schema: {
        tags,
        summary: 'Server-sent events: `event: job` on every change, until a final status',
        params: idParams,
      },
    },
    async (request, reply) => {
      const job = await app.jobs.get(request.params.id);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
      });
      let current: Job = job;
      let ended = false;
      const send = (j: Job) => !ended && res.write(`event: job\ndata: ${JSON.stringify(j)}\n\n`);
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      const finish = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        res.end();
      };
      const unsubscribe = app.jobs.subscribe(job.id, (patch) => {
        current = { ...current, ...patch } as Job;
        send(current);
        if (FINAL.has(current.status)) finish();
      });
      request.raw.on('close', finish);
      // The job may have changed between the first read and the subscription: read it again.
      current = await app.jobs.get(job.id);
      send(current);
      if (FINAL.has(current.status)) finish();
    },
  );
}
