import type { FastifyInstance } from 'fastify';
import { VERSION } from '../version';

export default async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/health',
    { schema: { tags: ['health'], summary: 'Liveness: the server and its database answer' } },
    async () => {
      await app.store.one('SELECT 1 AS ok');
      return { status: 'ok', version: VERSION };
    },
  );
}
