import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { httpError } from '../errors';
import { importFromUrl } from './import-url';
import { UrlRefusedError } from './refusal';
import type { SafeFetchOptions } from './safe-fetch';
import { allowlistOf } from './url-policy';

export interface ImportRouteOptions {
  /**
   * TEST ONLY overrides of the fetch policy (a stub resolver, shorter timeouts, the one test listener treated as
   * global). buildApp passes them through from its own options; configuration never reaches them.
   */
  urlFetch?: Partial<SafeFetchOptions>;
}

/** POST /api/datasets/import: a data set from a URL, through `safeFetch` only. Off unless configured. */
export default async function importRoutes(
  root: FastifyInstance,
  options: ImportRouteOptions,
): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { config } = app;
  const fetchOptions: SafeFetchOptions = {
    allowlist: allowlistOf(config.urlAllowlist),
    allowHttp: config.allowHttpIngestion,
    maxBytes: config.maxUrlResponseBytes,
    ...options.urlFetch,
  };
  if (config.allowUrlIngestion && fetchOptions.allowlist.size < config.urlAllowlist.length)
    app.log.warn('some QUARRY_URL_ALLOWLIST entries are duplicates or not host names (ignored)');
  if (config.allowUrlIngestion && fetchOptions.allowlist.size === 0)
    app.log.warn('URL ingestion is on but QUARRY_URL_ALLOWLIST is empty: every import will be refused');

  app.post(
    '/datasets/import',
    {
      schema: {
        tags: ['datasets'],
        summary:
          'Import a data set from an allowlisted https URL (off unless QUARRY_ALLOW_URL_INGESTION=true)',
        body: z.object({
          url: z.string().min(1).max(2048),
          name: z.string().trim().min(1).max(200).optional(),
        }),
      },
    },
    async (request, reply) => {
      if (!config.allowUrlIngestion) throw httpError('URL_INGESTION_DISABLED');
      try {
        const dataset = await importFromUrl(
          app.datasets,
          join(config.dataDir, 'tmp'),
          fetchOptions,
          request.body,
        );
        reply.status(201);
        return dataset;
      } catch (err) {
        if (!(err instanceof UrlRefusedError)) throw err;
        // The reason stays in the server log: the client gets one message, whatever went wrong, so the route
        // cannot be used to map ports or hosts.
        request.log.warn({ refusal: err.kind, detail: err.detail }, 'URL import refused');
        app.audit.record({
          action: 'import',
          outcome: 'refused',
          code: 'URL_REFUSED',
          method: request.method,
          route: request.url,
          remote: request.ip,
        });
        throw httpError('URL_REFUSED');
      }
    },
  );
}
