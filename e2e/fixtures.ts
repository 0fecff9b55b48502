import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
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

export { expect } from '@playwright/test';
