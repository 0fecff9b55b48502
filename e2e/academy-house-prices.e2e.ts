import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  answer,
  checkMyWork,
  expectCheck,
  expectLabDone,
  goToStep,
  openStep,
  panelOf,
  pick,
  predictNewData,
  startLab,
  waitForCheck,
} from './lab-panel';

/**
 * Lab 2, house prices, as a learner does it in Chromium: the Academy hub → the lab → "Start lab", then the six
 * steps in the studio's own pages (Columns and Profile tabs, the Clean tab's "Filter rows", Explore, Train's
 * "One model", Predict with the new listings downloaded from the panel), answering the questions in the panel,
 * until every checkpoint passes. No API call stands in for a page. The second journey makes the classic mistake —
 * a "Standardize" step on the full data before training — and sees "Scaling is fitted inside the pipeline" fail
 * with "Scaling fitted on the full data" and the hint to remove the step; undoing it and training again passes.
 */

const LAB = 'house-prices';
const TITLE = 'House prices in a regional market';

/** Sets house_id's type to identifier on the Columns tab (the inference may call it categorical). */
async function idIsIdentifier(page: Page) {
  await page.getByRole('tab', { name: 'Columns' }).click();
  const row = page.getByRole('row').filter({ hasText: 'house_id' });
  const select = row.getByTestId('column-type-select');
  if ((await select.inputValue()) !== 'identifier') {
    await select.click();
    await page.getByRole('option', { name: 'identifier', exact: true }).click();
  }
  await expect(select).toHaveValue('identifier');
}

/** On the Clean tab: keep rows where living_area_m2 is at most 600. */
async function filterOutliers(page: Page) {
  await page.getByTestId('clean-tab-button').click();
  await pick(page, 'step-op', 'Filter rows');
  await pick(page, 'step-column', 'living_area_m2');
  await pick(page, 'step-operator', 'is at most');
  await page.getByTestId('step-value').fill('600');
  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('recipe-step')).toHaveCount(1);
}

/** On Train's "One model": sale_price_usd with the linear family; waits for the result. */
async function trainLinear(page: Page) {
  await pick(page, 'target-select', 'sale_price_usd');
  await pick(page, 'family-select', 'Linear/logistic regression');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('metric-mae')).toBeVisible({ timeout: 180_000 });
}

test('house prices: all six steps through the studio, every checkpoint passes', async ({ page }) => {
  test.setTimeout(300_000);
  const shot = async (n: number, step: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: test.info().outputPath(`${LAB}-${n}-${step}.png`), fullPage: true });
  };
  const _panel = panelOf(page);

  // 1. Load and inspect: the neighbourhoods' "Distinct" on the Profile tab; house_id is an identifier.
  await startLab(page, LAB, TITLE);
  await expect(page).toHaveURL(/#\/data\/[^?]+\?tab=profile/);
  const card = page.getByTestId('profile-card').filter({ hasText: 'neighbourhood' }).first();
  await expect(card).toBeVisible({ timeout: 60_000 });
  const distinct =
    (await card
      .getByText('Distinct', { exact: true })
      .locator('xpath=following-sibling::*[1]')
      .textContent()) ?? '';
  expect(distinct).toMatch(/^\d[\d,]*$/);
  await answer(page, 'load', 'neighbourhoods', distinct);
  await expectCheck(page, 'neighbourhoods', 'pass');
  await idIsIdentifier(page);
  await shot(1, 'load');

  // 2. Clean: filter the planted outliers (living areas typed in square feet, mansions).
  await filterOutliers(page);
  await checkMyWork(page);
  await expectCheck(page, 'outliers-handled', 'pass');
  const clean = await openStep(page, 'clean');
  await clean.getByRole('button', { name: 'Show before / after' }).click();
  await clean.getByTestId('before-after').scrollIntoViewIfNeeded();
  await shot(2, 'clean');

  // 3. Explore: the price's mean sits well above its median.
  await goToStep(page, 'explore', /#\/explore\?dataset=/);
  await pick(page, 'explore-target-select', 'sale_price_usd');
  await expect(page.getByText('Relation to sale_price_usd')).toBeVisible({ timeout: 90_000 });
  await answer(page, 'explore', 'price-skew', 'well above the median: a long tail of expensive houses');
  await expectCheck(page, 'price-skew', 'pass');
  await shot(3, 'explore');

  // 4 and 5. Prepare and model: Train's "One model", linear, on the filtered version.
  await goToStep(page, 'prepare', /#\/train\?dataset=/);
  await shot(4, 'prepare');
  await trainLinear(page);
  await checkMyWork(page);
  for (const id of ['id-not-feature', 'no-full-data-scaling', 'regression-target', 'honest-error'])
    await expectCheck(page, id, 'pass');
  await openStep(page, 'model');
  await shot(5, 'model');

  // 6. Price the new listings (the file from the panel).
  await predictNewData(page, LAB);
  await waitForCheck(page, 'predictions-made', 'pass');
  await expectLabDone(page, 9);
  await openStep(page, 'predict');
  await shot(6, 'predict');
});

test('house prices: a scaler fitted on the full data fails with the hint to remove it', async ({ page }) => {
  test.setTimeout(240_000);
  await startLab(page, LAB, TITLE);
  await idIsIdentifier(page);
  await filterOutliers(page);
  // The classic mistake: z-score living_area_m2 over every row, before any split.
  await pick(page, 'step-op', 'Standardize (z-score)');
  await expect(page.getByTestId('step-standardize-note')).toContainText('mean and SD taken over every row');
  await pick(page, 'step-column', 'living_area_m2');
  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('recipe-step')).toHaveCount(2);
  await expect(page.getByTestId('recipe-step').nth(1)).toContainText('Standardize living_area_m2 (mean');
  await goToStep(page, 'prepare', /#\/train\?dataset=/);
  await trainLinear(page);
  await checkMyWork(page);
  await openStep(page, 'prepare');
  const scaling = panelOf(page).locator('[data-checkpoint="no-full-data-scaling"]');
  await expect(scaling).toHaveAttribute('data-status', 'fail');
  await expect(scaling).toContainText('Scaling is fitted inside the pipeline, not on the full data');
  await expect(scaling).toContainText(
    'Scaling fitted on the full data: the recipe standardizes living_area_m2',
  );
  await expect(scaling.locator('[data-hint]')).toContainText('the pipeline scales inside each fold');
  const fix = scaling.getByRole('link', { name: 'Fix it' });
  await expect(fix).toHaveAttribute('href', /^#\/data\/[^?]+\?tab=clean$/);
  await page.screenshot({ path: test.info().outputPath(`${LAB}-mistake.png`), fullPage: true });

  // Fix it: Undo the step on the Clean tab, train again; the newest model is judged and passes.
  await fix.click();
  await page.getByTestId('undo-button').click();
  await expect(page.getByTestId('recipe-step')).toHaveCount(1);
  await goToStep(page, 'prepare', /#\/train\?dataset=/);
  await trainLinear(page);
  await checkMyWork(page);
  await expectCheck(page, 'no-full-data-scaling', 'pass');
});
