import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { textBody, textParams } from './schemas';
import { TextService } from './service';
import type { TextTopicsInput, TextTopicsOutput } from './topics';

/** Explore → Text: topics and terms of a text column (the topic–term viewer). */
export default async function textRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const service = new TextService(
    app.datasets,
    async (input: TextTopicsInput) => (await app.jobs.pool.run(input)) as TextTopicsOutput,
  );

  app.post(
    '/datasets/:id/text',
    {
      schema: {
        tags: ['explore'],
        summary: 'Topics (NMF or LDA), common terms and, with a target, the terms that separate its classes',
        description:
          'English stop words removed; a term must appear in at least 2 documents and at most 95% of them. Above maxDocuments rows a seeded sample is read.',
        params: textParams,
        body: textBody,
      },
    },
    async (request) => service.topics(request.params.id, request.body),
  );
}
