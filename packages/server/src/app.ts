import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import academyRoutes from './academy/routes';
import anomalyRoutes from './anomalies/routes';
import { AuditLog } from './audit/audit-log';
import auditRoutes from './audit/routes';
import { ConfigError, isLoopbackHost, type QuarryConfig } from './config/config';
import datasetRoutes from './datasets/routes';
import { DatasetService } from './datasets/service';
import { HttpError, httpError } from './errors';
import exploreRoutes from './explore/routes';
import { ExploreService } from './explore/service';
import forecastRoutes from './forecasting/routes';
import healthRoutes from './health/routes';
import importRoutes, { type ImportRouteOptions } from './ingest/routes';
import jobRoutes from './jobs/routes';
import { JobService } from './jobs/service';
import leaderboardRoutes from './leaderboard/routes';
import modelRoutes from './models/routes';
import { ModelService } from './models/service';
import { PredictionLog } from './monitoring/prediction-log';
import monitoringRoutes from './monitoring/routes';
import { MonitoringService } from './monitoring/service';
import { SettingsStore } from './monitoring/settings';
import predictRoutes from './predict/routes';
import { PredictionService } from './predict/service';
import recipeRoutes from './recipes/routes';
import { VersionService } from './recipes/versions';
import reportRoutes from './report/routes';
import { FailedAttempts } from './security/attempts';
import { Auth, SessionStore } from './security/auth';
import guard from './security/guard';
import securityHeaders from './security/headers';
import { loggerOptions } from './security/log';
import sessionRoutes from './security/session-routes';
import { echoablePath } from './security/url-params';
import { ModelCache } from './serving/model-cache';
import servingRoutes from './serving/routes';
import { ServingService } from './serving/serve';
import tokenRoutes from './serving/token-routes';
import { TokenService } from './serving/tokens';
import sqlRoutes from './sql/routes';
import { SqlService } from './sql/service';
import { Store } from './store/db';
import { installDiskGuard } from './store/disk-guard';
import structureRoutes from './structure/routes';
import textRoutes from './text/routes';
import tuningRoutes from './tuning/routes';
import { VERSION } from './version';

declare module 'fastify' {
  interface FastifyInstance {
    config: QuarryConfig;
    store: Store;
    datasets: DatasetService;
    jobs: JobService;
    models: ModelService;
    predictions: PredictionService;
    explore: ExploreService;
    versions: VersionService;
    sql: SqlService;
    serving: ServingService;
    tokens: TokenService;
    monitoring: MonitoringService;
    monitorSettings: SettingsStore;
    audit: AuditLog;
  }
}

const here = dirname(fileURLToPath(import.meta.url));
/** The built studio; QUARRY_WEB_DIST points a test run at another build (parallel e2e work on one checkout). */
export const WEB_DIST = process.env.QUARRY_WEB_DIST
  ? resolve(process.env.QUARRY_WEB_DIST)
  : resolve(here, '../../web/dist');

/**
 * Builds the Quarry server: shared services as decorators (store, datasets, jobs, models, predictions), each
 * feature an encapsulated plugin. Call `app.listen()` to serve, `app.close()` to shut down gracefully (the job
 * pool and DuckDB are closed by the onClose hook).
 */
export async function buildApp(
  config: QuarryConfig,
  options: { logStream?: NodeJS.WritableStream; urlFetch?: ImportRouteOptions['urlFetch'] } = {},
): Promise<FastifyInstance> {
  if (config.token === null && (config.requireToken || !isLoopbackHost(config.host)))
    throw new ConfigError(
      `No access token is set, but ${config.requireToken ? 'requireToken is on' : `host ${config.host} is reachable from other machines`}. Set QUARRY_TOKEN (16+ characters); \`quarry start\` generates one.`,
    );
  const tmpDir = join(config.dataDir, 'tmp');
  // The store first: it takes the data directory's lock, so a second server stops here (DataDirInUseError)
  // before it could clear the tmp files of the one already running.
  const store = await Store.open(config.dataDir);
  await mkdir(tmpDir, { recursive: true });
  await clearDir(tmpDir); // partial uploads left by a crash
  await removePartials(join(config.dataDir, 'sql', 'exports')); // Parquet copies cut short by a crash

  const app = Fastify({
    logger: loggerOptions(config.logLevel, options.logStream),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const datasets = new DatasetService(store, tmpDir);
  await datasets.dropOrphanTables();
  const models = new ModelService(store);
  const jobs = new JobService(store, datasets, models, {
    threads: config.threads,
    maxQueuedJobs: config.maxQueuedJobs,
  });
  await jobs.recover();
  app.decorate('config', config);
  const audit = new AuditLog(store, (err) => app.log.error({ err }, 'audit log write failed'));
  app.decorate('audit', audit);
  app.decorate('store', store);
  app.decorate('datasets', datasets);
  app.decorate('models', models);
  app.decorate('jobs', jobs);
  const predictions = new PredictionService(config.dataDir, tmpDir, (input) => jobs.predict(input));
  app.decorate('predictions', predictions);
  app.decorate('explore', new ExploreService(datasets));
  app.decorate('versions', new VersionService(store, datasets));
  app.decorate(
    'sql',
    new SqlService(store, datasets, {
      dataDir: config.dataDir,
      tmpDir,
      timeoutSeconds: config.sqlTimeoutSeconds,
      maxResultBytes: config.maxUploadBytes,
    }),
  );
  const tokens = await TokenService.open(store);
  const predictionLog = new PredictionLog(store, (err) =>
    app.log.error({ err }, 'prediction log write failed'),
  );
  const modelCache = new ModelCache(store, models);
  const monitorSettings = new SettingsStore(store);
  app.decorate('tokens', tokens);
  app.decorate('monitorSettings', monitorSettings);
  app.decorate('serving', new ServingService(modelCache, predictionLog, monitorSettings));
  // A deleted version leaves the serving cache at once (its number can be reused by the next version saved).
  app.addHook('onResponse', async (request, reply) => {
    const deleted = request.method === 'DELETE' && reply.statusCode < 300;
    const id = deleted ? /^\/api\/models\/([^/?]+)$/.exec(request.url.split('?')[0])?.[1] : undefined;
    if (id !== undefined) modelCache.evict(decodeURIComponent(id));
  });
  app.decorate(
    'monitoring',
    new MonitoringService(store, datasets, modelCache, predictionLog, monitorSettings),
  );
  app.addHook('onClose', async () => {
    await audit.flush();
    await predictionLog.flush().catch(() => undefined);
    await jobs.close();
    await predictions.close();
    store.close();
  });

  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    const e = toHttpError(err, request);
    if (e.code === 'TOO_BUSY') reply.header('Retry-After', '5');
    if (e.statusCode >= 500) request.log.error({ err }, 'request failed');
    reply.status(e.statusCode).send({
      statusCode: e.statusCode,
      code: e.code,
      error: statusText(e.statusCode),
      message: e.message,
      ...(e.details === undefined ? {} : { details: e.details }),
    });
  });
  app.setNotFoundHandler((request) => {
    throw httpError('NOT_FOUND', { method: request.method, url: echoablePath(request.url) });
  });

  const auth = new Auth(config.token, new SessionStore(), new FailedAttempts(), (e) => audit.record(e));
  await app.register(securityHeaders);
  await app.register(guard, {
    auth,
    allowedHosts: config.allowedHosts,
    trustProxy: config.trustProxy,
    apiTokenScope: (t) => tokens.scopeOf(t),
    audit: (e) => audit.record(e),
  });
  // After the guard: a refused caller learns nothing about the disk.
  installDiskGuard(app, { dir: config.dataDir, minFreeBytes: config.minFreeDiskBytes });
  await app.register(sessionRoutes, { auth });
  await app.register(auditRoutes, { log: audit });
  await app.register(multipart, {
    limits: {
      fileSize: config.maxUploadBytes,
      files: 1,
      fields: 10,
      parts: 20,
      fieldSize: 64 * 1024,
      headerPairs: 200,
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Quarry API',
        version: VERSION,
        description: 'Self-hosted data-science studio. See docs/api.md.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(datasetRoutes, { prefix: '/api' });
  await app.register(importRoutes, { prefix: '/api', urlFetch: options.urlFetch });
  await app.register(jobRoutes, { prefix: '/api' });
  await app.register(modelRoutes, { prefix: '/api' });
  await app.register(predictRoutes, { prefix: '/api' });
  await app.register(exploreRoutes, { prefix: '/api' });
  await app.register(structureRoutes, { prefix: '/api' });
  await app.register(textRoutes, { prefix: '/api' });
  await app.register(recipeRoutes, { prefix: '/api' });
  await app.register(sqlRoutes, { prefix: '/api' });
  await app.register(leaderboardRoutes, { prefix: '/api' });
  await app.register(tuningRoutes, { prefix: '/api' });
  await app.register(reportRoutes, { prefix: '/api' });
  await app.register(forecastRoutes, { prefix: '/api' });
  await app.register(anomalyRoutes, { prefix: '/api' });
  await app.register(servingRoutes, { prefix: '/api' });
  await app.register(tokenRoutes, { prefix: '/api' });
  await app.register(monitoringRoutes, { prefix: '/api' });
  await app.register(academyRoutes, { prefix: '/api' });

  if (existsSync(join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, index: 'index.html', wildcard: false });
  } else {
    app.get('/', async (_req, reply) =>
      reply
        .type('text/plain')
        .send('The web app is not built. Run `npm run build:web` (npm start does it for you).'),
    );
  }
  return app;
}

function toHttpError(err: FastifyError | HttpError, request: FastifyRequest): HttpError {
  if (err instanceof HttpError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const detail = err.validation
      .map(
        (v) =>
          `${v.instancePath.replace(/^\//, '').replaceAll('/', '.') || err.validationContext} ${v.message}`,
      )
      .join('; ');
    return httpError('VALIDATION_FAILED', { detail: detail.slice(0, 500) });
  }
  const code = (err as FastifyError).code;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return httpError('UNSUPPORTED_MEDIA_TYPE', {});
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      // The limit of the route that refused the body (the serving routes take 16 MiB, most take 1 MiB), and
      // that route's advice (route config `bodyLimitHint`) when it has some.
      return httpError('BODY_TOO_LARGE', {
        limit: request.routeOptions.bodyLimit,
        hint: (request.routeOptions.config as { bodyLimitHint?: string } | undefined)?.bodyLimitHint,
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return httpError('BAD_REQUEST', {
        detail: 'The JSON body is empty. Send a JSON object ({} at least).',
      });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return httpError('UNSUPPORTED_MEDIA_TYPE', { contentType: 'not multipart' });
    case 'FST_REQ_FILE_TOO_LARGE':
      return httpError('UPLOAD_TOO_LARGE', { limit: 'the configured' });
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return httpError('BAD_REQUEST', { detail: 'Too many parts in the upload. Send one file per request.' });
  }
  if ((err as FastifyError).statusCode === 400 || err instanceof SyntaxError) {
    return httpError('BAD_REQUEST', { detail: 'The request body is not valid JSON. Check its syntax.' });
  }
  // busboy's parse errors (a cut-short body, a boundary that never comes) are the client's, not the server's.
  if (/multipart|boundary/i.test((err as Error).message ?? ''))
    return httpError('BAD_REQUEST', {
      detail: 'The multipart body is malformed or cut short. Send the file again as multipart/form-data.',
    });
  return new HttpError('INTERNAL');
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  507: 'Insufficient Storage',
};
const statusText = (status: number) => STATUS_TEXT[status] ?? 'Error';

/** Deletes `*.partial` files (writes a crash cut short; the finished file is renamed from one) in `dir`. */
async function removePartials(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  for (const name of await readdir(dir))
    if (name.endsWith('.partial')) await rm(join(dir, name), { force: true });
}

async function clearDir(dir: string): Promise<void> {
  for (const name of await readdir(dir)) await rm(join(dir, name), { recursive: true, force: true });
}
