import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { answer, expectCheck, openStep, panelOf, pick, startLab } from './lab-panel';

/**
 * Lab 3, retail demand, as a learner does it in Chromium: the Academy hub → the lab → "Start lab", then the six
 * steps in the studio's own pages (Data profile and Clean tab, Explore's chart builder, the Forecast page),
 * answering the questions in the progress panel, until every checkpoint passes. The second journey makes the
 * classic mistake — a Train-page regression on units_sold with its random split — and sees "Evaluated with the
 * future hidden" fail with the hint. No API call stands in for a page: everything is clicked.
 */

const LAB = 'retail-demand';
const TITLE = 'Daily demand at a grocery chain';

test('retail demand: all six steps through the studio, every checkpoint passes', async ({ page }) => {
  test.setTimeout(240_000);
  /** A full-page screenshot with the page at its top and the panel scrolled to the step's last checkpoint. */
  const shot = async (n: number, step: string, checkpoint?: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    if (checkpoint) {
      await openStep(page, step);
      await panel.locator(`[data-checkpoint="${checkpoint}"]`).scrollIntoViewIfNeeded();
    }
    await page.screenshot({ path: test.info().outputPath(`retail-demand-${n}-${step}.png`), fullPage: true });
  };
  const panel = panelOf(page);

  // 1. Load and inspect: the lab opens the Profile tab; 4 stores × 5 products.
  await startLab(page, LAB, TITLE, 'retail-demand-0-lab.png');
  await expect(page).toHaveURL(/#\/data\/[^?]+\?tab=profile/);
  const profile = page.getByTestId('profile');
  await expect(profile.getByTestId('profile-card').filter({ hasText: 'store_id' })).toContainText('4');
  await expect(profile.getByTestId('profile-card').filter({ hasText: 'product_id' })).toContainText('5');
  await answer(page, 'load', 'series-count', '20');
  await expectCheck(page, 'series-count', 'pass');
  await shot(1, 'load', 'series-count');

  // 2. Clean: fill the blank holidays, keep one product.
  await page.getByTestId('clean-tab-button').click();
  await pick(page, 'step-op', 'Fill missing values');
  await pick(page, 'step-column', 'holiday');
  await page.getByTestId('step-value').fill('none');
  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('recipe-step')).toHaveCount(1);
  await pick(page, 'step-op', 'Filter rows');
  await pick(page, 'step-column', 'product_id');
  await pick(page, 'step-operator', 'equals');
  await page.getByTestId('step-value').fill('P03');
  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('recipe-step')).toHaveCount(2);
  await panel.getByRole('button', { name: 'Check my work' }).click();
  for (const id of ['holiday-blanks', 'one-product', 'peaks-kept']) await expectCheck(page, id, 'pass');
  const clean = await openStep(page, 'clean');
  await clean.getByRole('button', { name: 'Show before / after' }).click();
  await shot(2, 'clean', 'peaks-kept');

  // 3. Explore: weekday as a category, then the chart builder's bar of mean units by weekday.
  await pick(page, 'step-op', 'Date parts');
  await pick(page, 'step-column', 'date');
  await page.getByTestId('step-parts').getByText('year', { exact: true }).click();
  await page.getByTestId('step-parts').getByText('month', { exact: true }).click();
  await page.getByTestId('step-parts').getByText('weekday', { exact: true }).click();
  await expect(page.getByTestId('step-part-weekday')).toBeChecked();
  await expect(page.getByTestId('step-part-year')).not.toBeChecked();
  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('recipe-step')).toHaveCount(3);
  await pick(page, 'step-op', 'Change a type');
  await pick(page, 'step-column', 'date_weekday');
  await pick(page, 'step-type', 'categorical');
  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('recipe-step')).toHaveCount(4);
  const explore = await openStep(page, 'explore');
  await explore.getByRole('link', { name: /Go to page/ }).click();
  await expect(page).toHaveURL(/#\/explore\?dataset=/);
  const builder = page.getByTestId('chart-builder');
  await builder.scrollIntoViewIfNeeded();
  await pick(page, 'chart-kind', 'Bar (counts or mean)', builder);
  await pick(page, 'chart-x', 'date_weekday', builder);
  await pick(page, 'chart-y', 'units_sold', builder);
  await expect(builder.locator('[data-testid="built-chart"] svg')).toContainText('Mean of units_sold');
  await answer(page, 'explore', 'busiest-weekday', 'Saturday');
  await expectCheck(page, 'busiest-weekday', 'pass');
  await shot(3, 'explore', 'busiest-weekday');

  // 4. Prepare: the Forecast page with the lab's current version; columns detected, horizon 28.
  const prepare = await openStep(page, 'prepare');
  await prepare.getByRole('link', { name: /Go to page/ }).click();
  await expect(page).toHaveURL(/#\/forecast\?dataset=/);
  await expect(page.getByTestId('forecast-time-select')).toHaveValue('date (datetime)');
  await expect(page.getByTestId('forecast-value-select')).toHaveValue('units_sold (numeric)');
  await expect(page.getByTestId('forecast-id-select')).toHaveValue('store_id (categorical)');
  await page.getByTestId('forecast-horizon').fill('28');
  await expect(
    page.getByTestId('forecast-models').getByRole('checkbox', { name: 'Seasonal naive' }),
  ).toBeChecked();
  await shot(4, 'prepare');

  // 5. Model and evaluate: backtest and forecast; the baseline is beaten; S02's filled days.
  await page.getByTestId('forecast-run').click();
  await expect(page.getByTestId('job-progress')).toHaveAttribute('data-status', 'succeeded', {
    timeout: 150_000,
  });
  await expect(page.getByTestId('forecast-result')).toContainText('4 series · daily, season 7 · horizon 28');
  await pick(page, 'forecast-series-select', /^S02/);
  await expect(page.getByRole('heading', { name: 'Backtest (S02)' })).toBeVisible();
  const filledLine = page.getByText(/missing values in this series were filled by linear interpolation/);
  const filled = /^(\d+)/.exec((await filledLine.textContent()) ?? '')?.[1] ?? '';
  expect(Number(filled)).toBeGreaterThan(0);
  await panel.getByRole('button', { name: 'Check my work' }).click();
  for (const id of ['forecast-columns', 'walk-forward', 'future-hidden', 'beats-baseline'])
    await expectCheck(page, id, 'pass');
  await answer(page, 'model', 'filled-days', filled);
  await expectCheck(page, 'filled-days', 'pass');
  await shot(5, 'model', 'filled-days');

  // 6. Predict and explain: the forecast repeats the weekly cycle; download the CSV.
  await answer(page, 'predict', 'weekly-cycle', '7');
  const download = page.waitForEvent('download');
  await page.getByTestId('forecast-download').click();
  const csv = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\r\n');
  expect(csv).toHaveLength(1 + 4 * 28);
  await panel.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByTestId('lab-score')).toHaveText('13 of 13 checks passed');
  const checks = panel.locator('[data-checkpoint]');
  await openStep(page, 'predict');
  for (const step of ['load', 'clean', 'explore', 'prepare', 'model', 'predict'])
    await expect(panel.locator(`[data-step="${step}"]`)).toHaveAttribute('data-status', 'done');
  for (const status of await checks.evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))
    expect(status).toBe('pass');
  await shot(6, 'predict', 'weekly-cycle');
});

test('retail demand: a random split on the time series fails "evaluated with the future hidden"', async ({
  page,
}) => {
  await startLab(page, LAB, TITLE, 'retail-demand-0-lab.png');
  await page.getByRole('link', { name: 'Train a model' }).click();
  await expect(page).toHaveURL(/#\/train\?dataset=/);
  await pick(page, 'target-select', 'units_sold');
  await pick(page, 'family-select', 'Linear/logistic regression');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('model-results')).toBeVisible({ timeout: 120_000 });
  await panelOf(page).getByRole('button', { name: 'Check my work' }).click();
  await openStep(page, 'prepare');
  const hidden = panelOf(page).locator('[data-checkpoint="future-hidden"]');
  await expect(hidden).toHaveAttribute('data-status', 'fail');
  await expect(hidden).toContainText('Evaluated with the future hidden');
  await expect(hidden).toContainText('Your latest model was tested on a random split.');
  await expect(hidden.locator('[data-hint]')).toContainText(
    'A random split lets the model see days after the ones it predicts: use the Forecast page’s walk-forward backtest (or the leaderboard’s time-ordered CV).',
  );
  await expect(hidden.getByRole('link', { name: 'Fix it' })).toHaveAttribute(
    'href',
    /^#\/forecast\?dataset=/,
  );
  await page.screenshot({ path: test.info().outputPath('retail-demand-mistake.png'), fullPage: true });
  // The fix: the link opens the Forecast page, and its walk-forward backtest becomes the latest evaluation.
  await hidden.getByRole('link', { name: 'Fix it' }).click();
  await expect(page).toHaveURL(/#\/forecast\?dataset=/);
});
