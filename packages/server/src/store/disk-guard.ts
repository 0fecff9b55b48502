import { statfs } from 'node:fs/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { httpError } from '../errors';

/** Free bytes an unprivileged process may use on the volume holding `dir`. */
export async function freeDiskBytes(dir: string): Promise<number> {
  const s = await statfs(dir);
  return s.bavail * s.bsize;
}

/** Methods that write; DELETE is left out on purpose: it is how a user frees space. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Whether a request may write to the data directory. Signing in (the session routes) and scoring with a served
 * model (`…/predict` under /api/models/{name}/…: its log is best-effort) stay open, so a full disk never locks
 * the user out of the studio or takes a production model down.
 */
export function isWriteRequest(request: Pick<FastifyRequest, 'method' | 'url'>): boolean {
  if (!WRITE_METHODS.has(request.method)) return false;
  const path = request.url.split('?')[0];
  if (!path.startsWith('/api/')) return false;
  if (path.startsWith('/api/session')) return false;
  return !/^\/api\/models\/[^/]+\/(versions\/[^/]+|production)\/predict$/.test(path);
}

/**
 * Refuses writes with 507 DISK_FULL while the data directory's volume has less than `minFreeBytes` free.
 * Why before the write and not on ENOSPC: DuckDB 1.4.x could discard committed rows when a checkpoint failed on
 * a full disk (SECURITY-TESTS.md R5), so the safe moment to stop is before the disk fills, not after.
 */
export function installDiskGuard(app: FastifyInstance, options: { dir: string; minFreeBytes: number }): void {
  if (options.minFreeBytes <= 0) return;
  app.addHook('onRequest', async (request) => {
    if (!isWriteRequest(request)) return;
    const free = await freeDiskBytes(options.dir);
    if (free < options.minFreeBytes)
      throw httpError('DISK_FULL', { free, min: options.minFreeBytes, dir: options.dir });
  });
}
