import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type APIRequestContext, test as base, expect } from '@playwright/test';
import { type ChildServer, startChildServer } from '../packages/server/test/child-server';

export const TABULAR = resolve(import.meta.dirname, '../../shared/data/tabular');

/** Each test gets a real `quarry start` process with a fresh data directory; `baseURL` points at it. */
export const test = base.extend<{ server: ChildServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object
  server: async ({}, use) => {
    const server = await startChildServer(mkdtempSync(join(tmpdir(), 'quarry-e2e-')));
    await use(server);
    await server.stop();
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect };

/**
 * Uploads a CSV through the API and trains a model on it, waiting for the job: the set-up of the journeys that
 * start from a saved model. Returns the data set as the API answered it.
 */
export async function uploadAndTrain(
  request: APIRequestContext,
  file: { name: string; content: string | Buffer },
  train: Record<string, unknown>,
): Promise<{ id: string }> {
  const buffer = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
  const dataset = await (
    await request.post('/api/datasets', {
      multipart: { file: { name: file.name, mimeType: 'text/csv', buffer } },
    })
  ).json();
  const job = await (
    await request.post('/api/jobs/train', { data: { datasetId: dataset.id, ...train } })
  ).json();
  await expect
    .poll(async () => (await (await request.get(`/api/jobs/${job.id}`)).json()).status, { timeout: 120_000 })
    .toBe('succeeded');
  return dataset;
}
