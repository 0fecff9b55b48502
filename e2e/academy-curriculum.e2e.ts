import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * What a learner does first in each lesson's first interactive part: one control moved (a switch, a slider
 * step, a choice, a typed sentence). The part's numbers must change, which only happens if @quarry/ml really
 * recomputed in the browser on the lab data.
 */
const MOVES: Record<string, (part: Locator) => Promise<unknown>> = {
  'data-types': (part) => part.getByTestId('lesson-select').selectOption('customer_id'),
  distributions: (part) => tap(part.getByRole('switch', { name: 'Log of the price' })),
  visualisation: (part) => tap(part.getByRole('switch', { name: 'Log–log axes' })),
  'missing-values': (part) => tap(part.getByRole('radio', { name: 'Drop rows' })),
  outliers: (part) => tap(part.getByRole('switch', { name: 'Log of the area' })),
  profiling: (part) => tap(part.getByRole('radio', { name: 'House prices' })),
  'splits-and-leakage': (part) => tap(part.getByRole('switch', { name: 'Include retention_offer_made' })),
  'cross-validation': (part) => slide(part, 'ArrowRight', 3),
  metrics: (part) => slide(part, 'ArrowLeft', 6),
  tuning: (part) => slide(part, 'ArrowRight', 6),
  'class-imbalance': (part) => tap(part.getByRole('switch', { name: 'Balanced class weights' })),
  text: (part) =>
    part.getByTestId('lesson-text').fill('The router loses connection and the signal drops every night'),
  'time-series': (part) => part.getByTestId('lesson-select').selectOption('P03'),
  'anomaly-detection': (part) => slide(part, 'ArrowRight', 5),
};

/**
 * Clicks a switch or a segment. Mantine keeps their inputs visually hidden under the labels (and a segment's
 * input has no size), so the click is dispatched on the input itself — React takes a click on a checkbox or radio
 * as its change.
 */
async function tap(control: Locator) {
  await control.dispatchEvent('click');
}

/** Moves a part's first slider by `steps` key presses (each press commits, as a release of the thumb does). */
async function slide(part: Locator, key: 'ArrowLeft' | 'ArrowRight', steps: number) {
  const thumb = part.getByRole('slider').first();
  await thumb.focus();
  for (let i = 0; i < steps; i++) await thumb.press(key);
}

test('academy curriculum: every lesson opens from the hub and its live parts recompute', async ({
  page,
}, testInfo) => {
  test.setTimeout(420_000);
  await page.goto('/#/academy');
  const list = page.getByTestId('curriculum');
  await expect(list).toBeVisible();
  const hrefs = await list
    .locator('a[href^="#/academy/lessons/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs).toHaveLength(Object.keys(MOVES).length);
  await page.screenshot({ path: testInfo.outputPath('00-hub.png'), fullPage: true });

  for (const [k, href] of hrefs.entries()) {
    const id = href.split('/').pop() ?? '';
    await page.goto('/#/academy');
    await list.locator(`a[href="${href}"]`).click();
    await expect(page.getByTestId('lesson-page')).toHaveAttribute('data-lesson', id);
    const parts = page.getByTestId('lesson-part');
    const first = parts.first();
    const numbers = first.getByTestId('lesson-numbers');
    await expect(numbers).toBeVisible({ timeout: 60_000 });
    const before = await numbers.textContent();
    await MOVES[id](first);
    await expect
      .poll(() => numbers.textContent(), { timeout: 60_000, message: `${id}: numbers change` })
      .not.toBe(before);
    // Every other part of the lesson computes too.
    for (let p = 1; p < (await parts.count()); p++) {
      await expect(parts.nth(p).getByTestId('lesson-numbers')).toBeVisible({ timeout: 60_000 });
    }
    await expect(page.getByLabel('Drawing chart')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The lesson links to its lab(s) and the studio.
    await expect(page.locator('a[href^="#/academy/labs/"]').first()).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath(`${String(k + 1).padStart(2, '0')}-${id}.png`),
      fullPage: true,
    });
  }

  // The second time-series part: the backtest follows its horizon slider.
  await page.goto('/#/academy/lessons/time-series');
  const backtest = page.locator('[data-part="backtest"]');
  const numbers = backtest.getByTestId('lesson-numbers');
  await expect(numbers).toBeVisible({ timeout: 60_000 });
  const before = await numbers.textContent();
  await slide(backtest, 'ArrowRight', 7);
  await expect.poll(() => numbers.textContent(), { timeout: 60_000 }).not.toBe(before);
  await expect(backtest.getByTestId('slider-value')).toHaveText('14');

  // An unknown lesson says so and links back.
  await page.goto('/#/academy/lessons/nope');
  await expect(page.getByText('There is no lesson called “nope”')).toBeVisible();
});

test('academy curriculum: a heavy part fits in the lesson worker while the page keeps responding', async ({
  page,
}, testInfo) => {
  // Hold the lesson worker's script: nothing can be computed until it is let through. The old page-thread code
  // never asked for it (and froze the page while it fitted); now the loader shows and the controls answer.
  let letThrough = () => {};
  const held = new Promise<void>((resolve) => {
    letThrough = resolve;
  });
  const asked: string[] = [];
  await page.route(/\/lesson-worker[^/]*\.js$/, async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
  await page.goto('/#/academy/lessons/anomaly-detection');
  const part = page.locator('[data-part="anomaly-detectors"]');
  const loader = part.getByText('Fitting on the lab data…');
  await expect(loader).toBeVisible();
  await expect.poll(() => asked.length, { message: 'the part waits on the lesson worker' }).toBe(1);

  // Two steps of the slider while the fit has not even started: the page follows at once.
  await slide(part, 'ArrowRight', 2);
  await expect(part.getByTestId('slider-value')).toHaveText('7%');
  await expect(loader).toBeVisible();
  await expect(part.getByTestId('lesson-numbers')).toHaveCount(0);

  letThrough();
  await expect
    .poll(() => page.workers().map((w) => new URL(w.url()).pathname))
    .toEqual([expect.stringMatching(/^\/assets\/lesson-worker-[^/]+\.js$/)]);
  // The answers for 5% (already posted) and 6% (superseded while queued) are dropped: 7% of 1 500 payments.
  const numbers = part.getByTestId('lesson-numbers');
  await expect(numbers).toBeVisible({ timeout: 60_000 });
  await expect(numbers).toContainText(/Flagged per detector\s*105/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Drawing chart')).toHaveCount(0, { timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('worker-anomaly-detection.png'), fullPage: true });
});
