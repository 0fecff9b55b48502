import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { type ChildServer, startChildServer } from '../packages/server/test/child-server';
import { expect, TABULAR } from './fixtures';

const TOKEN = 'e2e-security-token-0123456789abcdef';

/** A real `quarry start` that asks for a token even on loopback. */
const test = base.extend<{ server: ChildServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a destructured object
  server: async ({}, use) => {
    const server = await startChildServer(mkdtempSync(join(tmpdir(), 'quarry-e2e-sec-')), {
      QUARRY_TOKEN: TOKEN,
      QUARRY_REQUIRE_TOKEN: 'true',
      QUARRY_LOG_LEVEL: 'info',
    });
    await use(server);
    await server.stop();
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

/**
 * The token link printed at start-up, opened once: the token becomes an HttpOnly cookie and leaves the address
 * bar; the studio renders under the Content Security Policy with no violation; an upload (multipart, through
 * XMLHttpRequest) passes the CSRF check with the header taken from the cookie; the audit log page shows it.
 */
test('token link → cookie session → upload under CSP → audit log', async ({ page, server }, testInfo) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(String(e)));

  const answer = await page.goto(`/?token=${TOKEN}`);
  expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(page.url()).not.toContain(TOKEN);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'quarry_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('quarry_session');

  await page.goto('/#/data');
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByTestId('upload-input').setInputFiles(join(TABULAR, 'sonar.csv'));
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);
  await expect(page.getByTestId('token-input')).toHaveCount(0); // the cookie did it; no prompt

  await page.goto('/#/audit');
  await expect(page.getByTestId('audit-table')).toBeVisible();
  await expect(page.getByTestId('audit-table')).toContainText('Upload');
  await expect(page.getByTestId('audit-table')).toContainText('Token accepted');
  const path = testInfo.outputPath('audit-log.png');
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach('audit-log', { path, contentType: 'image/png' });

  // The API docs page (swagger UI) renders under the same policy.
  await page.goto('/api/docs');
  await expect(page.locator('.swagger-ui .info')).toBeVisible();

  expect(violations).toEqual([]);
  expect(server.output()).not.toContain(TOKEN);

  // Control: an injected inline script is blocked by the policy, and the listener above does see it.
  await page.goto('/#/data');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
});

/** Typing the token in the studio's prompt also ends in a cookie session; the token is not kept in the page. */
test('token prompt → cookie session, nothing in sessionStorage', async ({ page }) => {
  await page.goto('/#/data');
  await page.getByTestId('token-input').fill(TOKEN);
  await page.getByTestId('token-submit').click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(TOKEN);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'quarry_session')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
  });
  await page.getByTestId('upload-input').setInputFiles(join(TABULAR, 'sonar.csv'));
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);
});
