import type { Page, TestInfo } from '@playwright/test';

/**
 * A journey's screenshot taker: `shot(name)` saves a full-page PNG of the page (or another tab) as a test
 * artifact. From the top: a full-page shot of a scrolled page draws the fixed header and navigation mid-page.
 */
export function screenshots(page: Page, testInfo: TestInfo) {
  return async (name: string, target: Page = page): Promise<void> => {
    const path = testInfo.outputPath(`${name}.png`);
    await target.evaluate(() => window.scrollTo(0, 0));
    await target.screenshot({ path, fullPage: true });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  };
}
