import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, TABULAR, test } from './fixtures';

/**
 * Tabular modelling as a careful person does it, on stackoverflow.csv (target Remote, about 10% positive):
 * compare five families by cross-validation against the dummy baseline, tune the decision threshold for F1,
 * save v1; compare again with balanced class weights and save v2; compare v1 and v2 side by side; download the
 * HTML report and open it in Chromium. Screenshots are kept as test artifacts.
 */
test('leaderboard, threshold, two versions, compare and the HTML report', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  const shot = async (name: string, target: Page = page) => {
    const path = testInfo.outputPath(`${name}.png`);
    await target.screenshot({ path, fullPage: true });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  };

  await page.goto('/#/data');
  await page.getByTestId('upload-input').setInputFiles(join(TABULAR, 'stackoverflow.csv'));
  await expect(page.getByTestId('dataset-row')).toHaveCount(1);

  await page.goto('/#/train');
  await page.getByTestId('tab-compare').click();
  await page.getByTestId('lb-dataset-select').click();
  await page.getByRole('option', { name: 'stackoverflow' }).click();
  await page.getByTestId('lb-target-select').click();
  await page.getByRole('option', { name: 'Remote', exact: true }).click();
  await expect(page.getByTestId('lb-task')).toContainText(/classification/i);
  for (const family of ['linear', 'tree', 'forest', 'gbdt', 'nb']) {
    await expect(page.getByTestId(`family-${family}`)).toBeChecked();
  }
  await shot('01-leaderboard-form');

  /** Runs a comparison and waits for its leaderboard; `v` is the version the save will produce. */
  const compareAndSave = async (v: number) => {
    await page.getByTestId('compare-button').click();
    const board = page.getByTestId('leaderboard');
    await expect(board).toBeVisible({ timeout: 240_000 });
    await expect(board.getByTestId('leaderboard-row')).toHaveCount(5);
    await expect(board.getByTestId('baseline-row')).toHaveCount(1);
    await expect(board.getByTestId('baseline-row')).toContainText('0.500');
    await expect(board.getByTestId('flag-leader')).toHaveCount(1);
    await expect(board.getByTestId('leaderboard-row').first().getByTestId('primary-score')).toContainText(
      '±',
    );
    await expect(page.locator('[data-testid="spread-chart"] svg')).toBeVisible();
    await shot(`0${v + 1}-leaderboard-v${v}`);

    // The leader: tune its threshold for F1, then save it.
    await board.getByTestId('leaderboard-row').first().getByTestId('select-row').click();
    const threshold = page.getByTestId('threshold-panel');
    await expect(threshold).toBeVisible();
    await threshold.getByText('Best F1').click();
    await threshold.getByTestId('tune-threshold-button').click();
    await expect(threshold.getByTestId('threshold-value')).toContainText('F1');
    await expect(threshold.locator('[data-testid="threshold-chart"] svg')).toBeVisible();
    await shot(`0${v + 1}-threshold-v${v}`);

    await page.getByTestId('save-name-input').fill('so-remote');
    await page.getByTestId('save-version-button').click();
    const results = page.getByTestId('model-results');
    await expect(results).toContainText(`v${v}`, { timeout: 240_000 });
    await expect(results.getByTestId('metric-roc_auc')).toBeVisible();
    await expect(page.locator('[data-testid="chart-roc"] svg')).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('[data-testid="chart-calibration"] svg')).toBeVisible();
    await expect(page.locator('[data-testid="chart-importance"] svg')).toBeVisible();
    await shot(`0${v + 1}-saved-v${v}`);
  };

  await compareAndSave(1);
  // v2: the same comparison with balanced class weights.
  await page.getByTestId('class-weight-checkbox').check();
  await compareAndSave(2);

  // A random search over the decision tree's documented ranges, four trials.
  await page.getByTestId('tab-tune').click();
  await page.getByTestId('tune-dataset-select').click();
  await page.getByRole('option', { name: 'stackoverflow' }).click();
  await page.getByTestId('tune-target-select').click();
  await page.getByRole('option', { name: 'Remote', exact: true }).click();
  await page.getByTestId('tune-family-select').click();
  await page.getByRole('option', { name: 'Decision tree' }).click();
  await expect(page.getByTestId('space-table')).toContainText('maxDepth');
  await page.getByTestId('tune-trials').fill('4');
  await page.getByTestId('tune-button').click();
  await expect(page.getByTestId('tuning-row')).toHaveCount(4, { timeout: 240_000 });
  await shot('05-tuning');

  // The registry: one name, two versions, compared side by side.
  await page.goto('/#/models');
  await expect(page.getByTestId('model-group')).toHaveCount(1);
  await expect(page.getByTestId('model-row')).toHaveCount(2);
  await page.getByTestId('compare-checkbox').nth(0).check();
  await page.getByTestId('compare-checkbox').nth(1).check();
  await page.getByTestId('compare-button').click();
  const compare = page.getByTestId('compare-view');
  await expect(compare.getByTestId('compare-metric-row').first()).toBeVisible();
  await expect(compare.getByTestId('compare-differences')).toContainText('imbalance');
  await expect(compare.locator('[data-testid="chart-roc"] svg')).toHaveCount(2, { timeout: 60_000 });
  await shot('06-compare-v1-v2');

  // Production stage for v2.
  const v2 = page.locator('[data-testid="model-row"][data-version="2"]');
  await v2.getByTestId('stage-menu').click();
  await page.getByTestId('stage-production').click();
  await expect(v2.getByTestId('stage-badge')).toHaveAttribute('data-stage', 'production');

  // The HTML report, downloaded and opened in Chromium.
  const downloadPromise = page.waitForEvent('download');
  await v2.getByTestId('download-report').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('so-remote-v2-report.html');
  const reportPath = testInfo.outputPath('report.html');
  await download.saveAs(reportPath);
  await page.goto(pathToFileURL(reportPath).href);
  await expect(page.locator('body')).toContainText('Remote');
  await expect(page.locator('svg').first()).toBeVisible();
  await shot('07-html-report');
});
