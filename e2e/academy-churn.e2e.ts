import { expect, test } from './fixtures';
import {
  answer,
  checkMyWork,
  downloadNewData,
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
 * Lab 1, customer churn, as a learner does it in Chromium: the Academy hub → the lab → "Start lab", then the six
 * steps in the studio's own pages (Profile and Clean tabs; Explore's leakage linter on the original data; Train's
 * "Compare families" with stratified folds and balanced class weights, "Save version"; Predict with next
 * quarter's customers downloaded from the panel), answering the questions in the panel, until every checkpoint
 * passes. No API call stands in for a page. The second journey makes the classic mistake — training with
 * `retention_offer_made` still in — and sees "The leaky column is not a feature" fail with the hint to drop it,
 * and the Predict page report the column missing from next quarter's file.
 */

const LAB = 'churn';
const TITLE = 'Customer churn at a telecom operator';

test('churn: all six steps through the studio, every checkpoint passes', async ({ page }) => {
  test.setTimeout(420_000); // ~2.5 min on a quiet machine; the leaderboard job waits for a busy CPU
  const shot = async (n: number, step: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: test.info().outputPath(`${LAB}-${n}-${step}.png`), fullPage: true });
  };
  const _panel = panelOf(page);

  // 1. Load and inspect: the lab opens the Profile tab; churned is there, with its counts.
  await startLab(page, LAB, TITLE);
  await expect(page).toHaveURL(/#\/data\/[^?]+\?tab=profile/);
  await expect(page.getByTestId('profile-card').filter({ hasText: 'churned' }).first()).toBeVisible({
    timeout: 60_000,
  });
  await answer(page, 'load', 'churn-share', 'about 12%');
  await expectCheck(page, 'churn-share', 'pass');
  await shot(1, 'load');

  // 2. Clean: drop retention_offer_made (recorded after customers asked to cancel).
  await page.getByTestId('clean-tab-button').click();
  await pick(page, 'step-op', 'Drop columns');
  await page.getByTestId('step-columns').click();
  await page.getByRole('option', { name: 'retention_offer_made', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('step-apply').click();
  await expect(page.getByTestId('recipe-step')).toHaveCount(1);
  await checkMyWork(page);
  await expectCheck(page, 'leak-dropped', 'pass');
  const clean = await openStep(page, 'clean');
  await clean.getByRole('button', { name: 'Show before / after' }).click();
  await clean.getByTestId('before-after').scrollIntoViewIfNeeded();
  await shot(2, 'clean');

  // 3. Explore the ORIGINAL data (the step's link): the leakage linter names the column; then the gaps.
  await goToStep(page, 'explore', /#\/explore\?dataset=/);
  await pick(page, 'explore-target-select', 'churned');
  await expect(page.getByText(/'retention_offer_made' contains the value of 'churned'/)).toBeVisible({
    timeout: 90_000,
  });
  await answer(page, 'explore', 'leaky-column', 'retention_offer_made');
  await expectCheck(page, 'leaky-column', 'pass');
  await answer(page, 'explore', 'missing-satisfaction', 'more often than those who answered');
  await expectCheck(page, 'missing-satisfaction', 'pass');
  await shot(3, 'explore');

  // 4. Prepare: "Compare families" on the cleaned version, stratified 5-fold, balanced weights, ROC AUC.
  await goToStep(page, 'prepare', /#\/train\?dataset=/);
  await page.getByTestId('tab-compare').click();
  const form = page.getByTestId('leaderboard-form');
  await pick(page, 'lb-target-select', 'churned', form);
  await expect(form.getByTestId('lb-task')).toContainText(/classification/i);
  for (const family of ['tree', 'forest', 'nb']) await form.getByTestId(`family-${family}`).uncheck();
  await expect(form.getByTestId('cv-strategy')).toHaveValue('Stratified k-fold (keeps class shares)');
  await form.getByTestId('class-weight-checkbox').check();
  await pick(page, 'metric-select', 'ROC AUC', form);
  await shot(4, 'prepare');

  // 5. Model: compare, save the linear model; its ROC AUC and balanced accuracy are honest.
  await form.getByTestId('compare-button').click();
  const board = page.getByTestId('leaderboard');
  await expect(board).toBeVisible({ timeout: 240_000 });
  await board
    .getByTestId('leaderboard-row')
    .filter({ hasText: 'Linear/logistic' })
    .getByTestId('select-row')
    .click();
  await page.getByTestId('save-version-button').click();
  await expect(page.getByTestId('model-results')).toContainText('v1', { timeout: 240_000 });
  await checkMyWork(page);
  for (const id of ['id-not-feature', 'stratified', 'honest-auc', 'imbalance-handled', 'balanced-accuracy'])
    await expectCheck(page, id, 'pass');
  await openStep(page, 'model');
  await shot(5, 'model');

  // 6. Predict next quarter's customers (the file from the panel); no schema finding about the leak.
  await predictNewData(page, LAB);
  await expect(page.getByTestId('prediction-result')).not.toContainText('retention_offer_made');
  await waitForCheck(page, 'predictions-made', 'pass');
  await expectLabDone(page, 11);
  await openStep(page, 'predict');
  await shot(6, 'predict');
});

test('churn: keeping the leaky column fails “not a feature” with the hint to drop it', async ({ page }) => {
  test.setTimeout(180_000);
  await startLab(page, LAB, TITLE);
  // Straight to Train on the data as loaded: retention_offer_made is still a column.
  await goToStep(page, 'prepare', /#\/train\?dataset=/);
  await pick(page, 'target-select', 'churned');
  await pick(page, 'family-select', 'Linear/logistic regression');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('model-results')).toBeVisible({ timeout: 120_000 });
  await checkMyWork(page);
  await openStep(page, 'clean');
  const leak = panelOf(page).locator('[data-checkpoint="leak-dropped"]');
  await expect(leak).toHaveAttribute('data-status', 'fail');
  await expect(leak).toContainText('The leaky column is not a feature');
  await expect(leak).toContainText('uses retention_offer_made as a feature');
  await expect(leak.locator('[data-hint]')).toContainText('on the Clean tab (step “Drop columns”)');
  await expect(leak.getByRole('link', { name: 'Fix it' })).toHaveAttribute(
    'href',
    /^#\/data\/[^?]+\?tab=clean$/,
  );
  await openStep(page, 'model');
  await expectCheck(page, 'honest-auc', 'fail');
  await page.screenshot({ path: test.info().outputPath(`${LAB}-mistake.png`), fullPage: true });

  // The teaching moment: next quarter's file has no retention_offer_made, and Predict says so.
  const file = await downloadNewData(page, LAB);
  await goToStep(page, 'predict', /#\/predict\?model=/);
  await page.getByTestId('predict-upload-input').setInputFiles(file);
  await expect(page.getByTestId('schema-issues')).toContainText('retention_offer_made', { timeout: 120_000 });
  await page.screenshot({ path: test.info().outputPath(`${LAB}-mistake-predict.png`), fullPage: true });
});
